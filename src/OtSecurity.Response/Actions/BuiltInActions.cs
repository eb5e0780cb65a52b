namespace OtSecurity.Response.Actions;

/// <summary>The built-in action catalog, in catalog order (the order of steps within a plan phase).</summary>
public static class BuiltInActions
{
    /// <summary>A new instance of every built-in action, in catalog order.</summary>
    public static IReadOnlyList<IResponseAction> Create() =>
    [
        new NotifyAction(),
        new OpenTicketAction(),
        new RaiseMonitoringAction(),
        new CaptureTrafficAction(),
        new SnapshotConfigurationAction(),
        new BlockBoundaryFlowAction(),
        new EndVendorSessionAction(),
        new DisableVendorAccountAction(),
        new IsolateConduitAction(),
        new QuarantineHostAction(),
        new RequestSafeStateAction(),
        new RequestProcessShutdownAction(),
        new RestoreConfigurationAction(),
    ];
}
