using System.Globalization;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Risk.Exposure;

/// <summary>
/// Exposure of zones and assets of a site, as a sum of factor points (segmentation along the weakest path to the
/// enterprise network, each air-gap erosion path, vendor access posture, legacy operating systems and patchability,
/// observed findings) and the threat event frequency multiplier that follows from it.
/// </summary>
public sealed class ExposureCalculator
{
    private readonly SiteModel _site;
    private readonly ExposureOptions _options;
    private readonly IReadOnlyList<Alert> _findings;
    private readonly Dictionary<string, Zone> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Zone> _zoneOfAsset = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    /// <summary>Creates a calculator for a site.</summary>
    /// <param name="site">The site.</param>
    /// <param name="options">Points and facts the model does not carry; defaults when null.</param>
    /// <param name="observedFindings">Alerts from monitoring, if any; each counts for its affected assets and their zones.</param>
    public ExposureCalculator(SiteModel site, ExposureOptions? options = null, IEnumerable<Alert>? observedFindings = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        _site = site;
        _options = options ?? ExposureOptions.Default;
        _findings = observedFindings?.ToArray() ?? [];
        foreach (Zone zone in site.Zones)
        {
            _zones.TryAdd(zone.Id, zone);
            foreach (string assetId in zone.AssetIds)
            {
                _zoneOfAsset.TryAdd(assetId, zone);
            }
        }

        foreach (Asset asset in site.Assets)
        {
            _assets.TryAdd(asset.Id, asset);
        }
    }

    /// <summary>The options in force.</summary>
    public ExposureOptions Options => _options;

    /// <summary>The exposure of a zone.</summary>
    /// <param name="zoneId">The zone id.</param>
    /// <returns>The score and its factors.</returns>
    /// <exception cref="ArgumentException">No zone has that id.</exception>
    public ExposureScore ForZone(string zoneId)
    {
        Zone zone = _zones.GetValueOrDefault(zoneId) ?? throw new ArgumentException($"The site has no zone '{zoneId}'.", nameof(zoneId));
        var factors = new List<ExposureFactor>();
        SegmentationPath? path = ZoneFactors(zone, factors);
        Asset[] members = [.. zone.AssetIds.Select(id => _assets.GetValueOrDefault(id)).OfType<Asset>()];
        AddLegacy(members, factors);
        AddPatchability(members, factors);
        AddFindings(a => zone.AssetIds.Contains(a), factors);
        return Finish(zone.Id, factors, path);
    }

    /// <summary>The exposure of an asset: its zone's segmentation, erosion and vendor factors plus its own operating system, patchability and findings.</summary>
    /// <param name="assetId">The asset id.</param>
    /// <returns>The score and its factors.</returns>
    /// <exception cref="ArgumentException">No asset has that id.</exception>
    public ExposureScore ForAsset(string assetId)
    {
        Asset asset = _assets.GetValueOrDefault(assetId) ?? throw new ArgumentException($"The site has no asset '{assetId}'.", nameof(assetId));
        var factors = new List<ExposureFactor>();
        SegmentationPath? path = null;
        if (_zoneOfAsset.TryGetValue(asset.Id, out Zone? zone))
        {
            path = ZoneFactors(zone, factors);
        }
        else
        {
            factors.Add(new ExposureFactor(ExposureFactorKind.Segmentation, _options.SegmentationNonePoints, "the asset is in no zone: assumed reachable without segmentation", asset.Id));
        }

        AddLegacy([asset], factors);
        AddPatchability([asset], factors);
        AddFindings(a => string.Equals(a, asset.Id, StringComparison.Ordinal), factors);
        return Finish(asset.Id, factors, path);
    }

    /// <summary>
    /// The weakest path from a zone to a zone at Purdue level 4–5 over wired conduits (air-gap conduits carry no
    /// traffic and are not traversed): a bottleneck shortest path minimising the strongest segmentation on the path,
    /// then the number of hops; ties broken by conduit id so the answer is deterministic.
    /// </summary>
    /// <param name="zoneId">The start zone.</param>
    /// <returns>The path, or null when no such path exists.</returns>
    public SegmentationPath? WeakestPathToEnterprise(string zoneId)
    {
        if (!_zones.TryGetValue(zoneId, out Zone? start))
        {
            return null;
        }

        if (start.PurdueLevel.IsEnterprise())
        {
            return new SegmentationPath([start.Id], [], SegmentationLevel.None);
        }

        // Dijkstra on (bottleneck level, hops), O(V² + E) — sites have tens of zones.
        var best = new Dictionary<string, (int Level, int Hops, string? Previous, string? Conduit)>(StringComparer.Ordinal) { [start.Id] = (-1, 0, null, null) };
        var done = new HashSet<string>(StringComparer.Ordinal);
        Conduit[] wired = [.. _site.Conduits.Where(c => c.Channel == ChannelKind.Wired && c.Segmentation < SegmentationLevel.AirGap).OrderBy(c => c.Id, StringComparer.Ordinal)];
        while (true)
        {
            string? current = null;
            (int Level, int Hops, string? Previous, string? Conduit) currentCost = default;
            foreach (KeyValuePair<string, (int Level, int Hops, string? Previous, string? Conduit)> entry in best.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (!done.Contains(entry.Key) && (current is null || Better(entry.Value.Level, entry.Value.Hops, currentCost.Level, currentCost.Hops)))
                {
                    current = entry.Key;
                    currentCost = entry.Value;
                }
            }

            if (current is null)
            {
                return null;
            }

            done.Add(current);
            if (_zones.TryGetValue(current, out Zone? reached) && reached.PurdueLevel.IsEnterprise())
            {
                return Rebuild(best, current);
            }

            foreach (Conduit conduit in wired)
            {
                string? next = conduit.OtherEnd(current);
                if (next is null || done.Contains(next) || !_zones.ContainsKey(next))
                {
                    continue;
                }

                int level = Math.Max(currentCost.Level, (int)conduit.Segmentation);
                int hops = currentCost.Hops + 1;
                if (!best.TryGetValue(next, out var known) || Better(level, hops, known.Level, known.Hops))
                {
                    best[next] = (level, hops, current, conduit.Id);
                }
            }
        }
    }

    private static bool Better(int level, int hops, int otherLevel, int otherHops) => level < otherLevel || (level == otherLevel && hops < otherHops);

    private static SegmentationPath Rebuild(Dictionary<string, (int Level, int Hops, string? Previous, string? Conduit)> best, string end)
    {
        var zones = new List<string>();
        var conduits = new List<string>();
        string? at = end;
        int level = best[end].Level;
        while (at is not null)
        {
            var entry = best[at];
            zones.Add(at);
            if (entry.Conduit is not null)
            {
                conduits.Add(entry.Conduit);
            }

            at = entry.Previous;
        }

        zones.Reverse();
        conduits.Reverse();
        return new SegmentationPath(zones, conduits, (SegmentationLevel)Math.Max(level, 0));
    }

    private SegmentationPath? ZoneFactors(Zone zone, List<ExposureFactor> factors)
    {
        SegmentationPath? path = WeakestPathToEnterprise(zone.Id);
        if (path is null)
        {
            factors.Add(new ExposureFactor(ExposureFactorKind.Segmentation, 0, "no wired path to the enterprise network (Purdue 4–5)", zone.Id));
        }
        else if (path.ConduitIds.Count == 0)
        {
            factors.Add(new ExposureFactor(ExposureFactorKind.Segmentation, _options.EnterpriseZonePoints, $"zone is on the enterprise network (Purdue {zone.PurdueLevel.ToDisplayString()})", zone.Id));
        }
        else
        {
            factors.Add(new ExposureFactor(ExposureFactorKind.Segmentation, _options.SegmentationPoints(path.Protection), $"weakest path to the enterprise network is protected by {Describe(path.Protection)}: {path}", string.Join(",", path.ConduitIds)));
        }

        AddErosion(zone, factors);
        AddVendorPosture(zone, factors);
        return path;
    }

    private void AddErosion(Zone zone, List<ExposureFactor> factors)
    {
        var erosion = new List<ExposureFactor>();
        foreach (Conduit conduit in _site.ConduitsOf(zone.Id).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            string other = conduit.OtherEnd(zone.Id) ?? "?";
            switch (conduit.Channel)
            {
                case ChannelKind.RemovableMedia:
                    erosion.Add(new ExposureFactor(ExposureFactorKind.RemovableMedia, _options.RemovableMediaPoints, $"removable media carried between this zone and '{other}'", conduit.Id));
                    break;
                case ChannelKind.VendorRemoteAccess:
                    erosion.Add(new ExposureFactor(ExposureFactorKind.VendorConnection, _options.VendorConnectionPoints, $"vendor remote-access channel to '{other}'", conduit.Id));
                    break;
                case ChannelKind.TemporaryConnection:
                    erosion.Add(new ExposureFactor(ExposureFactorKind.TemporaryConnection, _options.TemporaryConnectionPoints, $"temporary connection to '{other}'", conduit.Id));
                    break;
                case ChannelKind.Wireless:
                    erosion.Add(new ExposureFactor(ExposureFactorKind.Wireless, _options.WirelessPoints, $"wireless link to '{other}'", conduit.Id));
                    break;
                case ChannelKind.Wired when zone.AirGapped && conduit.Segmentation < SegmentationLevel.AirGap:
                    erosion.Add(new ExposureFactor(ExposureFactorKind.MonitoringConnection, _options.MonitoringConnectionPoints, $"zone is declared air-gapped but has a data (monitoring) connection to '{other}' ({Describe(conduit.Segmentation)})", conduit.Id));
                    break;
                default:
                    break;
            }
        }

        foreach (Vendor vendor in VendorsInto(zone))
        {
            erosion.Add(new ExposureFactor(ExposureFactorKind.VendorConnection, _options.VendorConnectionPoints, $"vendor '{vendor.Name}' has remote access ({vendor.RemoteAccess}) into this zone", vendor.Id));
        }

        if (zone.WirelessPresent)
        {
            erosion.Add(new ExposureFactor(ExposureFactorKind.Wireless, _options.WirelessPoints, "wireless is present in the zone", zone.Id));
        }

        AddCapped(erosion, _options.ErosionCap, factors);
    }

    private void AddVendorPosture(Zone zone, List<ExposureFactor> factors)
    {
        var posture = new List<ExposureFactor>();
        foreach (Vendor vendor in VendorsInto(zone))
        {
            if (vendor.AccessWindows.Count == 0)
            {
                posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.AlwaysOnPoints, $"vendor '{vendor.Name}': access is always on (no access window)", vendor.Id));
            }

            VendorCredentials? credentials = vendor.Credentials;
            if (credentials?.SharedAccount == true)
            {
                posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.SharedCredentialPoints, $"vendor '{vendor.Name}': shared account", vendor.Id));
            }

            if (credentials is null || !credentials.MultiFactor)
            {
                posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.NoMultiFactorPoints, $"vendor '{vendor.Name}': no multi-factor authentication", vendor.Id));
            }

            if (credentials?.LastRotated is not { } rotated)
            {
                posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.NeverRotatedPoints, $"vendor '{vendor.Name}': credentials never rotated (no rotation date)", vendor.Id));
            }
            else
            {
                int ageDays = _site.EvaluationDate.DayNumber - rotated.DayNumber;
                if (ageDays > 365)
                {
                    posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.OlderThanYearPoints, string.Create(CultureInfo.InvariantCulture, $"vendor '{vendor.Name}': credentials {ageDays} days old (last rotated {rotated:yyyy-MM-dd})"), vendor.Id));
                }
                else if (ageDays > 90)
                {
                    posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.OlderThan90DaysPoints, string.Create(CultureInfo.InvariantCulture, $"vendor '{vendor.Name}': credentials {ageDays} days old (last rotated {rotated:yyyy-MM-dd})"), vendor.Id));
                }
            }

            if (!_options.VendorsWithSessionLogging.Contains(vendor.Id))
            {
                posture.Add(new ExposureFactor(ExposureFactorKind.VendorAccessPosture, _options.NoSessionLoggingPoints, $"vendor '{vendor.Name}': sessions are not recorded", vendor.Id));
            }
        }

        AddCapped(posture, _options.VendorPostureCap, factors);
    }

    private void AddLegacy(Asset[] assets, List<ExposureFactor> factors)
    {
        Asset[] legacy = [.. assets.Where(a => a.IsLegacy(_site.EvaluationDate)).OrderBy(a => a.Id, StringComparer.Ordinal)];
        if (legacy.Length == 0)
        {
            return;
        }

        double points = Math.Min(_options.LegacyPoints + (2.0 * (legacy.Length - 1)), _options.LegacyPoints + 6.0);
        string list = string.Join("; ", legacy.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Id} ({a.OperatingSystem}, support ended {a.OperatingSystem!.EndOfSupport:yyyy-MM-dd})")));
        factors.Add(new ExposureFactor(ExposureFactorKind.LegacyOperatingSystem, points, $"operating system past end of support: {list}", string.Join(",", legacy.Select(a => a.Id))));
    }

    private void AddPatchability(Asset[] assets, List<ExposureFactor> factors)
    {
        Asset[] noPatch = [.. assets.Where(a => a.Patchability == Patchability.NoPatchAvailable).OrderBy(a => a.Id, StringComparer.Ordinal)];
        if (noPatch.Length > 0)
        {
            factors.Add(new ExposureFactor(ExposureFactorKind.Patchability, _options.NoPatchPoints, $"no patch available: {string.Join(", ", noPatch.Select(a => a.Id))}", string.Join(",", noPatch.Select(a => a.Id))));
            return;
        }

        Asset[] certification = [.. assets.Where(a => a.Patchability == Patchability.VendorCertificationRequired).OrderBy(a => a.Id, StringComparer.Ordinal)];
        if (certification.Length > 0)
        {
            factors.Add(new ExposureFactor(ExposureFactorKind.Patchability, _options.VendorCertificationPoints, $"patches only after vendor certification: {string.Join(", ", certification.Select(a => a.Id))}", string.Join(",", certification.Select(a => a.Id))));
        }
    }

    private void AddFindings(Func<string, bool> concerns, List<ExposureFactor> factors)
    {
        var found = new List<ExposureFactor>();
        foreach (Alert alert in _findings.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            if (!alert.AffectedAssets.Any(concerns))
            {
                continue;
            }

            IReadOnlyList<double> table = _options.FindingPoints;
            double points = table.Count == 0 ? 0.0 : table[Math.Clamp((int)alert.Severity, 0, table.Count - 1)];
            found.Add(new ExposureFactor(ExposureFactorKind.ObservedFinding, points, $"observed: {alert.Message} ({alert.RuleId}, {alert.Severity})", alert.Id));
        }

        AddCapped(found, _options.FindingsCap, factors);
    }

    private IEnumerable<Vendor> VendorsInto(Zone zone) =>
        _site.Vendors.Where(v => v.HasRemoteAccess && v.AllowedZones.Contains(zone.Id)).OrderBy(v => v.Id, StringComparer.Ordinal);

    // Adds factors in order until their total reaches the cap; the factor that crosses it gets the remainder, later ones 0.
    private static void AddCapped(List<ExposureFactor> candidates, double cap, List<ExposureFactor> factors)
    {
        double remaining = cap;
        foreach (ExposureFactor factor in candidates)
        {
            double points = Math.Min(factor.Points, Math.Max(remaining, 0));
            remaining -= points;
            factors.Add(points == factor.Points ? factor : factor with { Points = points, Description = factor.Description + " (group capped)" });
        }
    }

    private ExposureScore Finish(string subject, List<ExposureFactor> factors, SegmentationPath? path)
    {
        double raw = 0;
        foreach (ExposureFactor f in factors)
        {
            raw += f.Points;
        }

        double score = Math.Clamp(raw, 0, 100);
        ExposureFactor[] ordered = [.. factors.OrderByDescending(f => f.Points).ThenBy(f => f.Kind).ThenBy(f => f.Evidence, StringComparer.Ordinal)];
        return new ExposureScore(subject, score, raw, ordered, _options.ThreatFrequencyMultiplier(score), path);
    }

    internal static string Describe(SegmentationLevel level) => level switch
    {
        SegmentationLevel.None => "no segmentation",
        SegmentationLevel.Vlan => "VLAN separation",
        SegmentationLevel.Firewall => "a firewall",
        SegmentationLevel.Dmz => "a DMZ",
        SegmentationLevel.AirGap => "an air gap",
        _ => level.ToString(),
    };
}
