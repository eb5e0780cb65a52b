namespace OtSecurity.Response.BlastRadius;

/// <summary>
/// The ids of the rules that compute blast radii (docs/response.md, "Blast radius rules"). A radius lists the
/// rules that built it so an auditor can follow the reasoning.
/// </summary>
public static class BlastRadiusRules
{
    /// <summary>BR-NONE: the action changes nothing outside the security team.</summary>
    public const string None = "BR-NONE";

    /// <summary>BR-PASSIVE: passive observation (SPAN, tap, log level): no asset, zone or conduit changes.</summary>
    public const string Passive = "BR-PASSIVE";

    /// <summary>BR-READ: a read of an asset (program upload, configuration or disk snapshot): the asset is touched, its state is not changed.</summary>
    public const string Read = "BR-READ";

    /// <summary>BR-CUT: a conduit isolated: the conduit and every asset of both end zones are affected.</summary>
    public const string ConduitCut = "BR-CUT";

    /// <summary>BR-SCOPED-CUT: some assets' flows over a conduit blocked: the conduit and those assets are affected.</summary>
    public const string ScopedCut = "BR-SCOPED-CUT";

    /// <summary>BR-SESSION: a vendor session or account ended: the vendor's remote-access conduits and the assets the session reaches.</summary>
    public const string Session = "BR-SESSION";

    /// <summary>BR-HOST: a host taken off the network: the host is affected.</summary>
    public const string HostRemoval = "BR-HOST";

    /// <summary>BR-STOP: a controller stopped, put in a safe state or reprogrammed: the controller and the assets of its line in its zone.</summary>
    public const string ControllerStop = "BR-STOP";

    /// <summary>BR-LINE-STOP: a production line or the site shut down: every non-safety asset of it (safety functions stay armed).</summary>
    public const string LineStop = "BR-LINE-STOP";

    /// <summary>BR-SUPERVISION: operator stations lose the controllers they supervise (the operator's view and control).</summary>
    public const string Supervision = "BR-SUPERVISION";

    /// <summary>BR-CLOSE: the engine's closure: zones and lines of affected assets, end zones of affected conduits, unknown ids set apart.</summary>
    public const string Closure = "BR-CLOSE";
}
