namespace OtSecurity.Response.Policies;

/// <summary>The ids of the built-in policies and of the engine's own deciders, as they appear in plans.</summary>
public static class PolicyIds
{
    /// <summary>The safety instrumented system guard (mandatory).</summary>
    public const string SisGuard = "sis-guard";

    /// <summary>The emergency stop guard (mandatory).</summary>
    public const string EmergencyStopGuard = "emergency-stop-guard";

    /// <summary>The production impact policy.</summary>
    public const string ProductionImpact = "production-impact";

    /// <summary>The maintenance window policy.</summary>
    public const string MaintenanceWindow = "maintenance-window";

    /// <summary>The human factors policy.</summary>
    public const string HumanFactors = "human-factors";

    /// <summary>The evidence before restoration policy.</summary>
    public const string EvidenceBeforeRestoration = "evidence-before-restoration";

    /// <summary>The engine's fail-safe: decisions it records for policies that failed.</summary>
    public const string FailSafe = "fail-safe";

    /// <summary>The engine's own rules (never-automatic actions, radius failures, invalid sites, unknown actions, evidence dependencies).</summary>
    public const string Engine = "engine";
}
