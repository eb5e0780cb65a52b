using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Validation;

/// <summary>
/// Checks a <see cref="SiteModel"/> against every rule in <see cref="ValidationRules"/> and returns every
/// finding. It never throws on a bad model (duplicate or missing ids, dangling references, null entries):
/// each problem becomes a finding and the remaining checks go on with what can still be understood.
/// </summary>
public static partial class SiteModelValidator
{
    /// <summary>Validates <paramref name="model"/>.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Every finding, errors first, then warnings, then information, each group in model order.</returns>
    public static ValidationReport Validate(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var run = new Run(model);
        run.CheckIdentity();
        run.CheckMembership();
        run.CheckAssets();
        run.CheckZones();
        run.CheckConduits();
        run.CheckVendors();
        run.CheckSite();
        ValidationFinding[] ordered = [.. run.Findings.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Severity).ThenBy(x => x.i).Select(x => x.f)];
        return new ValidationReport(ordered);
    }

    /// <summary>An item of a model list with its position, and the path that names it.</summary>
    private readonly record struct Item<T>(int Index, T Value, string Path);

    private sealed partial class Run
    {
        private readonly SiteModel _model;
        private readonly List<Item<Zone>> _zones;
        private readonly List<Item<Conduit>> _conduits;
        private readonly List<Item<Asset>> _assets;
        private readonly List<Item<Vendor>> _vendors;
        private readonly List<Item<ProductionLine>> _lines;
        private readonly Dictionary<string, Item<Zone>> _zoneById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Item<Asset>> _assetById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Item<ProductionLine>> _lineById = new(StringComparer.Ordinal);

        // Asset id -> the zones (and the position in each zone's member list) that list it.
        private readonly Dictionary<string, List<(Item<Zone> Zone, int Position)>> _memberships = new(StringComparer.Ordinal);

        public Run(SiteModel model)
        {
            _model = model;
            _zones = Collect(model.Zones, "zones", static z => z.Id);
            _conduits = Collect(model.Conduits, "conduits", static c => c.Id);
            _assets = Collect(model.Assets, "assets", static a => a.Id);
            _vendors = Collect(model.Vendors, "vendors", static v => v.Id);
            _lines = Collect(model.ProductionLines, "productionLines", static l => l.Id);
            Index(_zones, _zoneById, static z => z.Id);
            Index(_assets, _assetById, static a => a.Id);
            Index(_lines, _lineById, static l => l.Id);
        }

        public List<ValidationFinding> Findings { get; } = [];

        private void Add(ValidationRule rule, string path, string message) => Findings.Add(rule.At(path, message));

        /// <summary>
        /// Keeps the non-null entries (reporting the null ones) and names each by id when the id is present,
        /// unique and bracket-free, otherwise by index.
        /// </summary>
        private List<Item<T>> Collect<T>(EquatableArray<T> source, string listName, Func<T, string?> id)
            where T : class
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (T? value in source)
            {
                if (value is not null && Usable(id(value)))
                {
                    counts[id(value)!] = counts.GetValueOrDefault(id(value)!) + 1;
                }
            }

            var items = new List<Item<T>>(source.Count);
            for (int i = 0; i < source.Count; i++)
            {
                T? value = source[i];
                if (value is null)
                {
                    Add(ValidationRules.NullEntry, $"{listName}[{i}]", $"Entry {i} of {listName} is empty (null); remove it or fill it in.");
                    continue;
                }

                string? key = id(value);
                bool byId = Usable(key) && counts[key!] == 1 && key!.IndexOfAny(['[', ']']) < 0;
                items.Add(new Item<T>(i, value, byId ? $"{listName}[{key}]" : $"{listName}[{i}]"));
            }

            return items;
        }

        private static void Index<T>(List<Item<T>> items, Dictionary<string, Item<T>> byId, Func<T, string?> id)
        {
            foreach (Item<T> item in items)
            {
                if (Usable(id(item.Value)))
                {
                    byId.TryAdd(id(item.Value)!, item);
                }
            }
        }

        private static bool Usable(string? id) => !string.IsNullOrWhiteSpace(id);

        private static string Named(string? name, string? id) =>
            string.IsNullOrWhiteSpace(name) ? $"'{id}'" : $"{name} ({id})";

        private static string Describe(Zone zone) => $"zone {Named(zone.Name, zone.Id)}";

        private static string Describe(Asset asset) => Named(asset.Name, asset.Id);

        private static string Describe(Vendor vendor) => $"vendor {Named(vendor.Name, vendor.Id)}";

        private static string Levels(int n) => n == 1 ? "1 level" : $"{n} levels";

        private bool IsSafetyZone(Zone zone) => MembersOf(zone).Any(static a => a.Value.IsSafetyFunction);

        private IEnumerable<Item<Asset>> MembersOf(Zone zone)
        {
            foreach (string? id in zone.AssetIds)
            {
                if (id is not null && _assetById.TryGetValue(id, out Item<Asset> asset))
                {
                    yield return asset;
                }
            }
        }

        public void CheckIdentity()
        {
            CheckIds(_zones, "zone", static z => z.Id);
            CheckIds(_conduits, "conduit", static c => c.Id);
            CheckIds(_assets, "asset", static a => a.Id);
            CheckIds(_vendors, "vendor", static v => v.Id);
            CheckIds(_lines, "production line", static l => l.Id);
        }

        private void CheckIds<T>(List<Item<T>> items, string what, Func<T, string?> id)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Item<T> item in items)
            {
                string? key = id(item.Value);
                if (!Usable(key))
                {
                    Add(ValidationRules.IdMissing, item.Path, $"This {what} has no id; give it a unique id so zones, conduits and reports can refer to it.");
                }
                else if (!first.TryAdd(key!, item.Index))
                {
                    Add(ValidationRules.IdDuplicate, item.Path, $"The {what} id '{key}' is used more than once (first at position {first[key!]}); references to it are ambiguous, so give each {what} its own id.");
                }
            }
        }

        public void CheckSite()
        {
            if (!string.IsNullOrWhiteSpace(_model.TimeZone) && !_model.TryGetTimeZone(out _))
            {
                Add(ValidationRules.UnknownTimeZone, "timeZone", $"The time zone '{_model.TimeZone}' is not known on this machine, so maintenance and access windows are read as UTC; use an IANA id such as \"Europe/Berlin\" (or install the tzdata package).");
            }
        }
    }
}
