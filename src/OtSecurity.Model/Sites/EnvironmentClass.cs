namespace OtSecurity.Model.Sites;

/// <summary>
/// The kind of environment a site is, which sets the order of magnitude of downtime cost
/// (from about $1k an hour for office IT to $1M or more an hour for a continuous process).
/// </summary>
public enum EnvironmentClass
{
    /// <summary>Office IT: downtime hurts productivity, not production.</summary>
    OfficeIt = 0,

    /// <summary>Warehouse and logistics: downtime delays shipments.</summary>
    Warehouse,

    /// <summary>Discrete manufacturing on production lines: downtime stops output.</summary>
    ProductionLine,

    /// <summary>Continuous process (chemicals, refining, power, water): downtime is expensive and restarts are slow and risky.</summary>
    ContinuousProcess,
}
