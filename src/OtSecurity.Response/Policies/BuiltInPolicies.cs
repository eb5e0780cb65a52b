namespace OtSecurity.Response.Policies;

/// <summary>The built-in policies.</summary>
public static class BuiltInPolicies
{
    /// <summary>The mandatory safety guards, which the engine always applies with its own instances.</summary>
    public static IReadOnlyList<IResponsePolicy> CreateSafetyGuards() => [new SafetyInstrumentedSystemGuard(), new EmergencyStopGuard()];

    /// <summary>The other built-in policies (DI registers them; a product may remove or replace them).</summary>
    public static IReadOnlyList<IResponsePolicy> CreateDefaults() =>
        [new HumanFactorsPolicy(), new ProductionImpactPolicy(), new MaintenanceWindowPolicy(), new EvidenceBeforeRestorationPolicy()];
}
