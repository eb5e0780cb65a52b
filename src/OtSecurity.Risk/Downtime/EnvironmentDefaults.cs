using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;

namespace OtSecurity.Risk.Downtime;

/// <summary>
/// The default downtime economics of the four environment classes: hourly cost ranges from the field
/// (office IT $1,000–10,000/h, warehouse $5,000–50,000/h, production line $50,000–500,000/h, continuous process
/// $100,000–1,000,000+/h) and restart behaviour.
/// </summary>
public static class EnvironmentDefaults
{
    /// <summary>The default hourly cost range of an environment class.</summary>
    /// <param name="environment">The environment class.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown class.</exception>
    public static HourlyCostRange HourlyCost(EnvironmentClass environment) => environment switch
    {
        EnvironmentClass.OfficeIt => new HourlyCostRange(1_000, 10_000),
        EnvironmentClass.Warehouse => new HourlyCostRange(5_000, 50_000),
        EnvironmentClass.ProductionLine => new HourlyCostRange(50_000, 500_000),
        EnvironmentClass.ContinuousProcess => new HourlyCostRange(100_000, 1_000_000, openEnded: true),
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown environment class."),
    };

    /// <summary>
    /// Restart hours per outage hour of an environment class (the proportional term of <see cref="RestartProfile"/>):
    /// office IT 0, warehouse 0.1, production line 0.25 (line purge, first-article checks), continuous process 1.5
    /// (re-heating, re-stabilising and bringing product back to specification take longer than the outage itself).
    /// </summary>
    /// <param name="environment">The environment class.</param>
    /// <returns>Restart hours per outage hour.</returns>
    public static double RestartHoursPerOutageHour(EnvironmentClass environment) => environment switch
    {
        EnvironmentClass.OfficeIt => 0.0,
        EnvironmentClass.Warehouse => 0.1,
        EnvironmentClass.ProductionLine => 0.25,
        EnvironmentClass.ContinuousProcess => 1.5,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown environment class."),
    };

    /// <summary>Multiplier on an asset kind's fixed restart hours: 2 for a continuous process, 1 otherwise.</summary>
    /// <param name="environment">The environment class.</param>
    /// <returns>The multiplier.</returns>
    public static double FixedRestartMultiplier(EnvironmentClass environment) => environment == EnvironmentClass.ContinuousProcess ? 2.0 : 1.0;

    /// <summary>
    /// Fixed restart hours of an asset kind, before the environment multiplier: the time to bring the device back and
    /// verified once the cause is gone (a safety controller needs its safety functions proof-tested before restart).
    /// </summary>
    /// <param name="kind">The asset kind.</param>
    /// <returns>Hours.</returns>
    public static double FixedRestartHours(AssetKind kind) => kind switch
    {
        AssetKind.SafetyController => 8.0,
        AssetKind.DcsController => 4.0,
        AssetKind.Historian or AssetKind.OpcScadaServer => 2.0,
        AssetKind.Plc or AssetKind.Rtu or AssetKind.Ied or AssetKind.EngineeringWorkstation or AssetKind.Server => 1.0,
        AssetKind.Switch or AssetKind.WirelessAccessPoint => 0.25,
        AssetKind.Unknown => 1.0,
        _ => 0.5, // HMI, drive, I/O gateway, sensor/actuator, router, firewall, remote-access gateway, workstation, building controller
    };
}
