using System.Globalization;
using OtSecurity.Model;
using OtSecurity.Model.Zones;
using OtSecurity.Response.Actions;

namespace OtSecurity.Response.Policies;

/// <summary>
/// Disruptive steps (<see cref="ActionTraits.Disruptive"/>) run automatically only when every zone of their blast
/// radius is inside one of its declared maintenance windows at the time of the decision (the engine's
/// TimeProvider, in the site's local time). Outside a window, in a zone without windows, or when the site's time
/// zone is unknown, they need approval. Other steps are not its concern.
/// </summary>
public sealed class MaintenanceWindowPolicy : IResponsePolicy
{
    /// <inheritdoc />
    public string Id => PolicyIds.MaintenanceWindow;

    /// <inheritdoc />
    public string Name => "Maintenance window";

    /// <inheritdoc />
    public int Order => 300;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Evaluate(context));
    }

    private static PolicyDecision Evaluate(PolicyContext context)
    {
        if (!context.Step.Has(ActionTraits.Disruptive))
        {
            return PolicyDecision.NotApplicable(ResponseRules.WindowNotNeeded.Id, "The action does not interrupt production; maintenance windows do not apply.");
        }

        Zone[] zones = [.. context.Step.BlastRadius.Zones.Select(context.Graph.FindZone).OfType<Zone>()];
        if (zones.Length == 0)
        {
            return PolicyDecision.NeedsApproval(ResponseRules.WindowNoZone.Id, "The disruptive action reaches no zone of the site, so its maintenance windows cannot be checked.");
        }

        if (!context.Site.TryGetTimeZone(out TimeZoneInfo timeZone))
        {
            return PolicyDecision.NeedsApproval(ResponseRules.WindowTimeZoneUnknown.Id, $"The site's time zone '{context.Site.TimeZone}' is not known on this machine, so the local time cannot be told.");
        }

        DateTime local = TimeZoneInfo.ConvertTime(context.Now, timeZone).DateTime;
        string at = local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string[] without = [.. zones.Where(static z => z.MaintenanceWindows.IsEmpty).Select(static z => z.Id)];
        string[] closed = [.. zones.Where(z => !z.MaintenanceWindows.IsEmpty && !z.MaintenanceWindows.Any(w => w is not null && w.Contains(local))).Select(static z => z.Id)];
        if (without.Length > 0)
        {
            return PolicyDecision.NeedsApproval(ResponseRules.WindowNone.Id, $"{string.Join(", ", without)} declare{(without.Length == 1 ? "s" : string.Empty)} no maintenance window; a disruptive action there needs approval.");
        }

        if (closed.Length > 0)
        {
            string windows = string.Join("; ", zones.Where(z => closed.Contains(z.Id, StringComparer.Ordinal)).Select(static z => $"{z.Id}: {string.Join(", ", z.MaintenanceWindows.Where(static w => w is not null))}"));
            return PolicyDecision.NeedsApproval(ResponseRules.WindowClosed.Id, $"At {at} site time, {string.Join(", ", closed)} {(closed.Length == 1 ? "is" : "are")} outside {(closed.Length == 1 ? "its" : "their")} maintenance windows ({windows}).");
        }

        return PolicyDecision.Automatic(ResponseRules.WindowOpen.Id, $"At {at} site time every affected zone ({string.Join(", ", zones.Select(static z => z.Id))}) is inside a maintenance window.");
    }
}
