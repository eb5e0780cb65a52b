namespace OtSecurity.Response.Actions;

/// <summary>The ids of the built-in actions (docs/response.md, "Action catalog").</summary>
public static class ResponseActionIds
{
    /// <summary>Notify the people on call.</summary>
    public const string Notify = "notify";

    /// <summary>Open an incident ticket.</summary>
    public const string OpenTicket = "open-ticket";

    /// <summary>Raise the monitoring level of the affected zones.</summary>
    public const string RaiseMonitoring = "raise-monitoring";

    /// <summary>Capture the traffic of the affected zones.</summary>
    public const string CaptureTraffic = "capture-traffic";

    /// <summary>Upload a controller's program / snapshot a host's configuration and disk.</summary>
    public const string SnapshotConfiguration = "snapshot-configuration";

    /// <summary>Block the affected assets' flows at the IT/OT boundary.</summary>
    public const string BlockBoundaryFlow = "block-boundary-flow";

    /// <summary>End a vendor's remote session.</summary>
    public const string EndVendorSession = "end-vendor-session";

    /// <summary>Disable a vendor's account.</summary>
    public const string DisableVendorAccount = "disable-vendor-account";

    /// <summary>Isolate a conduit.</summary>
    public const string IsolateConduit = "isolate-conduit";

    /// <summary>Quarantine a (non-safety) host.</summary>
    public const string QuarantineHost = "quarantine-host";

    /// <summary>Ask operations to put a controller in its safe state (never automatic).</summary>
    public const string RequestSafeState = "request-plc-safe-state";

    /// <summary>Ask operations for a controlled process shutdown (never automatic).</summary>
    public const string RequestProcessShutdown = "request-process-shutdown";

    /// <summary>Restore a known-good program, configuration or image (never automatic).</summary>
    public const string RestoreConfiguration = "restore-configuration";
}
