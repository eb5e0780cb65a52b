using System.Globalization;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Reports;

namespace OtSecurity.Response.Engine;

/// <summary>
/// The expected downtime cost of an action from OtSecurity.Risk's downtime cost model
/// (<see cref="DowntimeCostModel"/>: hourly cost per environment, zone, line and asset, restart time per asset
/// kind and environment) and its assumptions (<see cref="RiskAssumptions"/>: overrides, currency, and the share of
/// the hourly cost an asset's loss causes by criticality).
/// </summary>
/// <remarks>
/// The affected assets of the blast radius are grouped into production units: one per production line, and one
/// for the shared assets that serve no line. A unit stops at most once, so its cost is that of its costliest
/// affected asset: <see cref="DowntimeCostModel.CostOfOutage(Asset, double)"/>'s expected cost (outage plus
/// restart, times the expected hourly cost) times the asset's production-impact share — or times 1 when the
/// action stops the process itself (a safe state, a shutdown, a program restore). The action's cost is the sum
/// over its units.
/// </remarks>
public sealed class RiskDowntimeCostEstimator : IDowntimeCostEstimator
{
    private readonly RiskAssumptions _assumptions;

    /// <summary>Creates the estimator.</summary>
    /// <param name="assumptions">The risk assumptions (downtime overrides, currency, production-impact shares); <see cref="RiskAssumptions.Default"/> when null.</param>
    public RiskDowntimeCostEstimator(RiskAssumptions? assumptions = null) => _assumptions = assumptions ?? RiskAssumptions.Default;

    /// <inheritdoc />
    public string Currency => _assumptions.Currency;

    /// <inheritdoc />
    public DowntimeCostEstimate Estimate(SiteModel site, ActionBlastRadius radius, double outageHours)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(radius);
        var model = new DowntimeCostModel(site, _assumptions.Downtime);
        bool stops = radius.Effect == ProcessEffect.StopsProcess;
        var units = new Dictionary<string, (double Cost, double Lost, string Why)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string id in radius.Assets)
        {
            if (site.FindAsset(id) is not { } asset)
            {
                continue;
            }

            OutageCost outage = model.CostOfOutage(asset, outageHours);
            Criticality criticality = asset.Criticality ?? Criticality.Medium;
            double share = stops ? 1.0 : _assumptions.ProductionImpact(criticality);
            double cost = outage.Expected * share;
            string unit = asset.ProductionLineId ?? "shared assets";
            string why = string.Create(CultureInfo.InvariantCulture, $"{unit}: {asset.Id} ({(stops ? "process stopped, share 1" : $"{Name(criticality)}, share {share:0.##}")}) {outage.Explanation} × {share:0.##} = {cost:#,0}");
            if (!units.TryGetValue(unit, out (double Cost, double Lost, string Why) current))
            {
                order.Add(unit);
                units.Add(unit, (cost, outage.LostHours, why));
            }
            else if (cost > current.Cost)
            {
                units[unit] = (cost, outage.LostHours, why);
            }
        }

        if (order.Count == 0)
        {
            return DowntimeCostEstimate.Zero(Currency, "the blast radius holds no asset of the site");
        }

        double total = order.Sum(u => units[u].Cost);
        return new DowntimeCostEstimate
        {
            Amount = total,
            Currency = Currency,
            OutageHours = outageHours,
            LostProductionHours = order.Max(u => units[u].Lost),
            Basis = string.Create(CultureInfo.InvariantCulture, $"{string.Join("; ", order.Select(u => units[u].Why))}; total {total:#,0} {Currency} (OtSecurity.Risk downtime model, costliest asset per production unit)"),
        };
    }

    private static string Name(Criticality criticality) => criticality switch
    {
        Criticality.Low => "low criticality",
        Criticality.Medium => "medium criticality",
        Criticality.High => "high criticality",
        _ => "critical",
    };
}
