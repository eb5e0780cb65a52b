using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;

namespace OtSecurity.Risk.Reports;

/// <summary>
/// Reads a risk assumptions file (<c>*.risk-assumptions.json</c>, format in docs/risk.md §10; example
/// samples/data/demo-plant.risk-assumptions.json): a site's own downtime economics — hourly downtime cost per site, zone,
/// production line and asset, restart times per asset kind and environment class — and the other
/// <see cref="RiskAssumptions"/> a plant tunes (currency, outage hours per asset kind, production impact per criticality,
/// patch hours, susceptibilities, threat event frequency, response, replacement and fine costs, assets with a test
/// environment, vendors whose sessions are recorded). What the file leaves out keeps the baseline's value.
/// </summary>
/// <remarks>
/// Loading never throws on bad input. Every problem is returned as a <see cref="JsonLoadError"/> with the file, the JSON
/// path, the 1-based line and byte position and what was expected: malformed JSON, unknown properties, wrong types,
/// ids the site model does not have, negative amounts, a minimum above the most likely value or the most likely value
/// above the maximum, probabilities outside 0–1. Uses System.Text.Json source generation only (trimming- and AOT-safe).
/// </remarks>
public static partial class RiskAssumptionsFile
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Loads a file on top of <see cref="RiskAssumptions.Default"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="site">The site the file describes (ids are checked against it).</param>
    /// <param name="assumptions">The assumptions, when the file is valid.</param>
    /// <param name="errors">Every problem found (empty when valid), each with the file, JSON path and line.</param>
    /// <returns>True when the file is valid.</returns>
    public static bool TryLoad(string path, SiteModel site, [NotNullWhen(true)] out RiskAssumptions? assumptions, out IReadOnlyList<JsonLoadError> errors) =>
        TryLoad(path, site, RiskAssumptions.Default, out assumptions, out errors);

    /// <summary>Loads a file on top of <paramref name="baseline"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="site">The site the file describes (ids are checked against it).</param>
    /// <param name="baseline">The assumptions the file changes.</param>
    /// <param name="assumptions">The assumptions, when the file is valid.</param>
    /// <param name="errors">Every problem found (empty when valid), each with the file, JSON path and line.</param>
    /// <returns>True when the file is valid.</returns>
    public static bool TryLoad(string path, SiteModel site, RiskAssumptions baseline, [NotNullWhen(true)] out RiskAssumptions? assumptions, out IReadOnlyList<JsonLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(baseline);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            assumptions = null;
            string message = ex switch
            {
                FileNotFoundException => $"The risk assumptions file '{path}' does not exist.",
                DirectoryNotFoundException => $"The folder of the risk assumptions file '{path}' does not exist.",
                UnauthorizedAccessException => $"The risk assumptions file '{path}' cannot be opened: access is denied (or it is a folder).",
                _ => $"The risk assumptions file '{path}' cannot be read: {ex.Message}",
            };
            errors = [new JsonLoadError { Kind = JsonLoadErrorKind.Unreadable, Message = message, Source = path }];
            return false;
        }

        bool ok = TryParse(bytes, site, baseline, out assumptions, out errors);
        if (!ok)
        {
            errors = [.. errors.Select(e => e with { Source = path })];
        }

        return ok;
    }

    /// <summary>Parses a document on top of <see cref="RiskAssumptions.Default"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="site">The site the document describes.</param>
    /// <param name="assumptions">The assumptions, when the document is valid.</param>
    /// <param name="errors">Every problem found (empty when valid), each with its JSON path and line.</param>
    /// <returns>True when the document is valid.</returns>
    public static bool TryParse(string json, SiteModel site, [NotNullWhen(true)] out RiskAssumptions? assumptions, out IReadOnlyList<JsonLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(System.Text.Encoding.UTF8.GetBytes(json), site, RiskAssumptions.Default, out assumptions, out errors);
    }

    /// <summary>Parses a UTF-8 document (a leading byte-order mark is skipped) on top of <paramref name="baseline"/>.</summary>
    /// <param name="utf8Json">The UTF-8 bytes.</param>
    /// <param name="site">The site the document describes.</param>
    /// <param name="baseline">The assumptions the document changes.</param>
    /// <param name="assumptions">The assumptions, when the document is valid.</param>
    /// <param name="errors">Every problem found (empty when valid), each with its JSON path and line.</param>
    /// <returns>True when the document is valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, SiteModel site, RiskAssumptions baseline, [NotNullWhen(true)] out RiskAssumptions? assumptions, out IReadOnlyList<JsonLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(baseline);
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        assumptions = null;
        RiskAssumptionsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, RiskAssumptionsJsonContext.Default.RiskAssumptionsDocument);
        }
        catch (JsonException ex)
        {
            errors = [FromJsonException(ex)];
            return false;
        }

        if (document is null)
        {
            errors = [new JsonLoadError { Kind = JsonLoadErrorKind.Content, Message = "The document is null; expected a risk assumptions object.", JsonPath = "$", LineNumber = 1, BytePositionInLine = 1 }];
            return false;
        }

        var reader = new DocumentReader(site, JsonLocator.Build(utf8Json));
        RiskAssumptions result = reader.Apply(document, baseline);
        if (reader.Errors.Count > 0)
        {
            errors = reader.Errors;
            return false;
        }

        assumptions = result;
        errors = [];
        return true;
    }

    private static readonly AssumptionsErrorTranslator Translator = new();

    private static JsonLoadError FromJsonException(JsonException ex) => Translator.Translate(ex);

    /// <summary>Names the assumption document's objects and the id and name tables in error messages.</summary>
    private sealed class AssumptionsErrorTranslator : JsonErrorTranslator
    {
        protected override string DescribeObject(string typeName) => ShortName(typeName) switch
        {
            nameof(RiskAssumptionsDocument) => "the risk assumptions object",
            nameof(DowntimeDocument) => "the downtime object",
            nameof(PertDocument) => "a PERT distribution { min, mostLikely, max }",
            nameof(IntervalDocument) => "a 90% interval { low, high }",
            nameof(SusceptibilityDocument) => "the susceptibility object",
            nameof(HourlyCostDocument) => "an hourly cost",
            string name => $"a {name}",
        };

        protected override string DescribeType(string typeName) => typeName switch
        {
            _ when typeName.Contains("Dictionary", StringComparison.Ordinal) => "an object whose properties are ids or names",
            _ when typeName.Contains("List", StringComparison.Ordinal) => "an array of strings",
            _ when typeName.Contains("System.Double", StringComparison.Ordinal) => "a number",
            _ when typeName.Contains("System.String", StringComparison.Ordinal) => "a string",
            _ when typeName.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
            _ when typeName.StartsWith("System.", StringComparison.Ordinal) => base.DescribeType(typeName),
            _ => DescribeObject(typeName),
        };

        protected override string KnownProperties(string typeName)
        {
            JsonTypeInfo? info = ShortName(typeName) switch
            {
                nameof(RiskAssumptionsDocument) => RiskAssumptionsJsonContext.Default.RiskAssumptionsDocument,
                nameof(DowntimeDocument) => RiskAssumptionsJsonContext.Default.DowntimeDocument,
                nameof(PertDocument) => RiskAssumptionsJsonContext.Default.PertDocument,
                nameof(IntervalDocument) => RiskAssumptionsJsonContext.Default.IntervalDocument,
                nameof(SusceptibilityDocument) => RiskAssumptionsJsonContext.Default.SusceptibilityDocument,
                _ => null,
            };
            return info is null ? string.Empty : string.Join(", ", info.Properties.Where(static p => p.Set is not null).Select(static p => p.Name));
        }

        // A repeated key of an id or name table: the path ends with the key.
        protected override string Unrecognised(string message) => message.StartsWith("Duplicate properties", StringComparison.Ordinal)
            ? "This key appears more than once; each id or name may appear only once."
            : message;
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();

    /// <summary>Checks a deserialized document against the site and turns it into assumptions, collecting located errors.</summary>
    private sealed class DocumentReader(SiteModel site, JsonLocator locator)
    {
        private static readonly Dictionary<string, AssetKind> Kinds = Names<AssetKind>();
        private static readonly Dictionary<string, Criticality> Criticalities = Names<Criticality>();
        private static readonly Dictionary<string, EnvironmentClass> Environments = Names<EnvironmentClass>();

        private readonly HashSet<string> _zones = [.. site.Zones.Select(z => z.Id)];
        private readonly HashSet<string> _lines = [.. site.ProductionLines.Select(l => l.Id)];
        private readonly HashSet<string> _assets = [.. site.Assets.Select(a => a.Id)];
        private readonly HashSet<string> _vendors = [.. site.Vendors.Select(v => v.Id)];

        public List<JsonLoadError> Errors { get; } = [];

        public RiskAssumptions Apply(RiskAssumptionsDocument d, RiskAssumptions baseline)
        {
            RiskAssumptions result = baseline;
            if (d.Currency is not null)
            {
                if (CurrencyCode().IsMatch(d.Currency))
                {
                    result = result with { Currency = d.Currency };
                }
                else
                {
                    Error("$.currency", $"'{d.Currency}' is not a currency code; expected three capital letters (ISO 4217) such as USD or EUR.");
                }
            }

            if (d.Downtime is { } downtime)
            {
                result = result with { Downtime = ReadDowntime(downtime, baseline.Downtime) };
            }

            if (d.OutageHours is { } outage)
            {
                Dictionary<AssetKind, Distribution> byKind = ByName(outage, Kinds, "$.outageHours", "an asset kind", (path, kind, pert) => Pert(pert, path, $"outage hours ({Name(kind)}, risk assumptions file)", "hours"));
                Func<AssetKind, Distribution> fallback = baseline.OutageHours;
                result = result with { OutageHours = kind => byKind.TryGetValue(kind, out Distribution hours) ? hours : fallback(kind) };
            }

            if (d.ProductionImpact is { } impact)
            {
                Dictionary<Criticality, double> byCriticality = ByName(impact, Criticalities, "$.productionImpact", "a criticality", (path, _, value) => Fraction(value, path, "the share of the hourly downtime cost an outage causes"));
                Func<Criticality, double> fallback = baseline.ProductionImpact;
                result = result with { ProductionImpact = c => byCriticality.TryGetValue(c, out double share) ? share : fallback(c) };
            }

            if (d.PatchHours is { } patch)
            {
                Dictionary<AssetKind, double> byKind = ByName(patch, Kinds, "$.patchHours", "an asset kind", (path, _, value) => NonNegative(value, path, "hours of downtime to apply a patch"));
                Func<AssetKind, double> fallback = baseline.PatchHours;
                result = result with { PatchHours = kind => byKind.TryGetValue(kind, out double hours) ? hours : fallback(kind) };
            }

            if (d.RollbackHoursFactor is { } rollback)
            {
                result = result with { RollbackHoursFactor = NonNegative(rollback, "$.rollbackHoursFactor", "the rollback outage as a multiple of the patch hours") };
            }

            if (d.Susceptibility is { } s)
            {
                result = result with
                {
                    ControllerSusceptibility = s.Controller is { } c ? Fraction(c, "$.susceptibility.controller", "a probability") : result.ControllerSusceptibility,
                    OtherSusceptibility = s.Other is { } o ? Fraction(o, "$.susceptibility.other", "a probability") : result.OtherSusceptibility,
                    LegacySusceptibility = s.Legacy is { } l ? Fraction(l, "$.susceptibility.legacy", "a probability") : result.LegacySusceptibility,
                };
            }

            if (d.BaseThreatEventFrequency is { } tef)
            {
                result = result with { BaseThreatEventFrequency = Pert(tef, "$.baseThreatEventFrequency", "threat events per year at reference exposure", "events a year") };
            }

            if (d.ResponseCost is { } response)
            {
                result = result with { ResponseCost = Pert(response, "$.responseCost", "response cost", "amounts") };
            }

            if (d.ReplacementCost is { } replacement)
            {
                result = result with { ReplacementCost = Pert(replacement, "$.replacementCost", "replacement cost", "amounts") };
            }

            if (d.Fines is { } fines)
            {
                result = result with { Fines = Interval(fines, "$.fines", "fines") };
            }

            if (d.AssetsWithTestEnvironment is { } tested)
            {
                var ids = new HashSet<string>(baseline.AssetsWithTestEnvironment, StringComparer.Ordinal);
                ids.UnionWith(Ids(tested, "$.assetsWithTestEnvironment", _assets, "asset"));
                result = result with { AssetsWithTestEnvironment = ids };
            }

            if (d.VendorsWithSessionLogging is { } logged)
            {
                var ids = new HashSet<string>(baseline.Exposure.VendorsWithSessionLogging, StringComparer.Ordinal);
                ids.UnionWith(Ids(logged, "$.vendorsWithSessionLogging", _vendors, "vendor"));
                result = result with { Exposure = result.Exposure with { VendorsWithSessionLogging = ids } };
            }

            return result;
        }

        private DowntimeCostOverrides ReadDowntime(DowntimeDocument d, DowntimeCostOverrides baseline)
        {
            const string Path = "$.downtime";
            HourlyCostRange? site = d.Site is { } s ? Range(s, JsonLocator.Child(Path, "site")) : null;
            return new DowntimeCostOverrides
            {
                Site = site ?? baseline.Site,
                Zones = Merge(baseline.Zones, HourlyCosts(d.Zones, JsonLocator.Child(Path, "zones"), _zones, "zone")),
                ProductionLines = Merge(baseline.ProductionLines, HourlyCosts(d.ProductionLines, JsonLocator.Child(Path, "productionLines"), _lines, "production line")),
                Assets = Merge(baseline.Assets, HourlyCosts(d.Assets, JsonLocator.Child(Path, "assets"), _assets, "asset")),
                FixedRestartHours = Merge(baseline.FixedRestartHours, d.FixedRestartHours is null ? new() : ByName(d.FixedRestartHours, Kinds, JsonLocator.Child(Path, "fixedRestartHours"), "an asset kind", (path, _, value) => NonNegative(value, path, "fixed restart hours"))),
                RestartHoursPerOutageHour = Merge(baseline.RestartHoursPerOutageHour, d.RestartHoursPerOutageHour is null ? new() : ByName(d.RestartHoursPerOutageHour, Environments, JsonLocator.Child(Path, "restartHoursPerOutageHour"), "an environment class", (path, _, value) => NonNegative(value, path, "restart hours per outage hour"))),
            };
        }

        private Dictionary<string, HourlyCostRange> HourlyCosts(Dictionary<string, HourlyCostDocument>? costs, string path, HashSet<string> known, string what)
        {
            var result = new Dictionary<string, HourlyCostRange>(StringComparer.Ordinal);
            if (costs is null)
            {
                return result;
            }

            foreach ((string id, HourlyCostDocument cost) in costs)
            {
                string at = JsonLocator.Child(path, id);
                if (!known.Contains(id))
                {
                    Error(at, $"The site has no {what} '{id}'; expected one of: {List(known)}.");
                    continue;
                }

                if (Range(cost, at) is { } range)
                {
                    result[id] = range;
                }
            }

            return result;
        }

        private HourlyCostRange? Range(HourlyCostDocument cost, string path)
        {
            if (cost.Fixed)
            {
                if (cost.Low < 0)
                {
                    Error(path, $"The hourly cost {Distribution.Format(cost.Low)} is negative; expected an amount ≥ 0.");
                    return null;
                }

                return new HourlyCostRange(cost.Low, cost.High);
            }

            int before = Errors.Count;
            if (cost.Low < 0)
            {
                Error(JsonLocator.Child(path, "low"), $"The low hourly cost {Distribution.Format(cost.Low)} is negative; expected an amount ≥ 0.");
            }

            if (cost.High < cost.Low)
            {
                Error(JsonLocator.Child(path, "high"), $"The high hourly cost ({Distribution.Format(cost.High)}) is below the low one ({Distribution.Format(cost.Low)}); expected low ≤ high.");
            }
            else if (cost.OpenEnded && !(cost.Low > 0 && cost.High > cost.Low))
            {
                Error(JsonLocator.Child(path, "openEnded"), $"An open-ended range (a lognormal whose 90% interval is low–high) needs 0 < low < high, not {Distribution.Format(cost.Low)}–{Distribution.Format(cost.High)}.");
            }

            return Errors.Count > before ? null : new HourlyCostRange(cost.Low, cost.High, cost.OpenEnded);
        }

        private Distribution Pert(PertDocument pert, string path, string name, string unit)
        {
            int before = Errors.Count;
            foreach ((string field, double value) in (ReadOnlySpan<(string, double)>)[("min", pert.Min), ("mostLikely", pert.MostLikely), ("max", pert.Max)])
            {
                if (value < 0)
                {
                    Error(JsonLocator.Child(path, field), $"{Distribution.Format(value)} is negative; expected {unit} ≥ 0.");
                }
            }

            if (pert.Min > pert.Max)
            {
                Error(JsonLocator.Child(path, "max"), $"The maximum ({Distribution.Format(pert.Max)}) is below the minimum ({Distribution.Format(pert.Min)}); expected min ≤ mostLikely ≤ max.");
            }
            else if (pert.MostLikely < pert.Min)
            {
                Error(JsonLocator.Child(path, "mostLikely"), $"The most likely value ({Distribution.Format(pert.MostLikely)}) is below the minimum ({Distribution.Format(pert.Min)}); expected min ≤ mostLikely ≤ max.");
            }
            else if (pert.MostLikely > pert.Max)
            {
                Error(JsonLocator.Child(path, "mostLikely"), $"The most likely value ({Distribution.Format(pert.MostLikely)}) is above the maximum ({Distribution.Format(pert.Max)}); expected min ≤ mostLikely ≤ max.");
            }

            return Errors.Count > before ? Distribution.Constant(0) : Distribution.Pert(pert.Min, pert.MostLikely, pert.Max, name);
        }

        private Distribution Interval(IntervalDocument interval, string path, string name)
        {
            if (!(interval.Low > 0))
            {
                Error(JsonLocator.Child(path, "low"), $"The 5th percentile {Distribution.Format(interval.Low)} must be greater than zero (a lognormal).");
                return Distribution.Constant(0);
            }

            if (!(interval.High > interval.Low))
            {
                Error(JsonLocator.Child(path, "high"), $"The 95th percentile ({Distribution.Format(interval.High)}) must be greater than the 5th ({Distribution.Format(interval.Low)}).");
                return Distribution.Constant(0);
            }

            return Distribution.LogNormalFrom90PercentInterval(interval.Low, interval.High, name);
        }

        private double NonNegative(double value, string path, string what)
        {
            if (value < 0)
            {
                Error(path, $"{Distribution.Format(value)} is negative; expected {what} ≥ 0.");
                return 0;
            }

            return value;
        }

        private double Fraction(double value, string path, string what)
        {
            if (!(value >= 0 && value <= 1))
            {
                Error(path, $"{Distribution.Format(value)} is outside 0–1; expected {what} between 0 and 1.");
                return 0;
            }

            return value;
        }

        private Dictionary<TKey, TValue> ByName<TKey, TSource, TValue>(Dictionary<string, TSource> source, Dictionary<string, TKey> names, string path, string what, Func<string, TKey, TSource, TValue> read)
            where TKey : struct, Enum
        {
            var result = new Dictionary<TKey, TValue>();
            foreach ((string name, TSource value) in source)
            {
                string at = JsonLocator.Child(path, name);
                if (!names.TryGetValue(name, out TKey key))
                {
                    Error(at, $"'{name}' is not {what}; expected one of: {string.Join(", ", names.Keys)}.");
                    continue;
                }

                result[key] = read(at, key, value);
            }

            return result;
        }

        private List<string> Ids(List<string> ids, string path, HashSet<string> known, string what)
        {
            var result = new List<string>(ids.Count);
            for (int i = 0; i < ids.Count; i++)
            {
                string at = $"{path}[{i}]";
                if (string.IsNullOrWhiteSpace(ids[i]))
                {
                    Error(at, $"Expected a {what} id; found an empty value.");
                }
                else if (!known.Contains(ids[i]))
                {
                    Error(at, $"The site has no {what} '{ids[i]}'; expected one of: {List(known)}.");
                }
                else
                {
                    result.Add(ids[i]);
                }
            }

            return result;
        }

        private void Error(string path, string message)
        {
            (long Line, long BytePositionInLine)? location = locator.Find(path);
            Errors.Add(new JsonLoadError
            {
                Kind = JsonLoadErrorKind.Content,
                Message = message,
                JsonPath = path,
                LineNumber = location?.Line,
                BytePositionInLine = location?.BytePositionInLine,
            });
        }

        private static string List(HashSet<string> known)
        {
            string[] sorted = [.. known.Order(StringComparer.Ordinal)];
            return sorted.Length == 0 ? "(none)" : sorted.Length <= 12 ? string.Join(", ", sorted) : string.Join(", ", sorted.Take(12)) + $", … ({sorted.Length} in all)";
        }

        private static Dictionary<TKey, TValue> Merge<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> baseline, Dictionary<TKey, TValue> file)
            where TKey : notnull
        {
            var result = new Dictionary<TKey, TValue>(file.Comparer);
            foreach ((TKey key, TValue value) in baseline)
            {
                result[key] = value;
            }

            foreach ((TKey key, TValue value) in file)
            {
                result[key] = value;
            }

            return result;
        }

        private static Dictionary<string, T> Names<T>()
            where T : struct, Enum
        {
            var names = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (T value in Enum.GetValues<T>())
            {
                names.TryAdd(Name(value), value);
            }

            return names;
        }

        private static string Name<T>(T value)
            where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(Enum.GetName(value)!);
    }
}
