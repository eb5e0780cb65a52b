using System.Net;
using System.Net.NetworkInformation;
using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Tests.Support;

/// <summary>
/// FsCheck generators for the model. <see cref="Site"/> makes structurally valid models (every value
/// representable in JSON and within the schema's ranges; references may dangle, which JSON does not care
/// about). <see cref="MessySite"/> makes models that break every rule, including null entries.
/// </summary>
public static class ModelGenerators
{
    private static readonly string[] TextPieces =
        ["a", "Z", "7", " ", "-", "_", "\"", "\\", "/", "\n", "\t", "ä", "ß", "–", "€", "😀", "<", ">", "&", "'", "\u0001", "Pumpe", "HMI", "Linie 2"];

    public static Gen<string> Text { get; } =
        Gen.Elements(TextPieces).ArrayOf().Select(static parts => string.Concat(parts));

    public static Gen<string> NonEmptyText { get; } =
        Gen.Elements(TextPieces).ArrayOf().Where(static p => p.Length > 0).Select(static parts => string.Concat(parts));

    public static Gen<string?> OptionalText { get; } = Optional(Text);

    public static Gen<string> Id { get; } =
        Gen.Elements("zone", "asset", "cnd", "vnd", "line", "plc", "hmi")
            .SelectMany(static prefix => Gen.Choose(0, 99), static (prefix, n) => $"{prefix}-{n}");

    public static Gen<T?> Optional<T>(Gen<T> gen)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(static v => (T?)v)));

    public static Gen<T?> OptionalValue<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(static v => (T?)v)));

    public static Gen<T> Enum<T>()
        where T : struct, System.Enum => Gen.Elements(System.Enum.GetValues<T>());

    public static Gen<EquatableArray<T>> ArrayOf<T>(Gen<T> gen, int max) =>
        Gen.Choose(0, max).SelectMany(n => gen.ArrayOf(n)).Select(static items => new EquatableArray<T>(items));

    public static Gen<SecurityLevelVector> Vector { get; } =
        Gen.Choose(0, 4).ArrayOf(7).Select(static l => new SecurityLevelVector(
            (SecurityLevel)l[0], (SecurityLevel)l[1], (SecurityLevel)l[2], (SecurityLevel)l[3], (SecurityLevel)l[4], (SecurityLevel)l[5], (SecurityLevel)l[6]));

    public static Gen<DateOnly> Date { get; } =
        Gen.Choose(0, 365 * 50).Select(static d => new DateOnly(1990, 1, 1).AddDays(d));

    public static Gen<TimeOnly> Time { get; } =
        Gen.Choose(0, 23).SelectMany(static h => Gen.Choose(0, 59), static (h, m) => (h, m))
            .SelectMany(static hm => Gen.Elements(0, 0, 0, 30, 59), static (hm, s) => new TimeOnly(hm.h, hm.m, s));

    public static Gen<IPAddress> IpAddress { get; } = Gen.OneOf(
        Gen.Choose(0, 255).ArrayOf(4).Select(static b => new IPAddress([.. b.Select(static x => (byte)x)])),
        Gen.Choose(0, 255).ArrayOf(16).Select(static b => new IPAddress([.. b.Select(static x => (byte)x)])));

    public static Gen<PhysicalAddress> MacAddress { get; } =
        Gen.Elements(6, 8).SelectMany(static n => Gen.Choose(0, 255).ArrayOf(n)).Select(static b => new PhysicalAddress([.. b.Select(static x => (byte)x)]));

    public static Gen<AssetNetworkInterface> Interface { get; } =
        from name in OptionalText
        from ip in Optional(IpAddress)
        from mac in Optional(MacAddress)
        from vlan in OptionalValue(Gen.Choose(1, 4094))
        select new AssetNetworkInterface { Name = name, IpAddress = ip, MacAddress = mac, Vlan = vlan };

    public static Gen<OperatingSystemInfo> OperatingSystem { get; } =
        from name in NonEmptyText
        from version in OptionalText
        from end in OptionalValue(Date)
        select new OperatingSystemInfo { Name = name, Version = version, EndOfSupport = end };

    public static Gen<Asset> Asset { get; } =
        from id in Id
        from name in Text
        from kind in Enum<AssetKind>()
        from texts in OptionalText.ArrayOf(6)
        from os in Optional(OperatingSystem)
        from interfaces in ArrayOf(Interface, 3)
        from purdue in OptionalValue(Enum<PurdueLevel>())
        from criticality in OptionalValue(Enum<Criticality>())
        from safety in Enum<SafetyRole>()
        from patch in OptionalValue(Enum<Patchability>())
        from line in Optional(Id)
        select new Asset
        {
            Id = id,
            Name = name,
            Kind = kind,
            Manufacturer = texts[0],
            Model = texts[1],
            Firmware = texts[2],
            SerialNumber = texts[3],
            OperatingSystem = os,
            Interfaces = interfaces,
            PurdueLevel = purdue,
            Criticality = criticality,
            SafetyRole = safety,
            Patchability = patch,
            SupportContact = texts[4],
            ProductionLineId = line,
        };

    public static Gen<WeeklyWindow> Window { get; } =
        from days in Enum<DayOfWeek>().ArrayOf()
        from start in Time
        from end in Time
        select new WeeklyWindow { Days = days, Start = start, End = end };

    public static Gen<Zone> Zone { get; } =
        from id in Id
        from name in Text
        from level in Enum<PurdueLevel>()
        from description in OptionalText
        from target in OptionalValue(Vector)
        from achieved in OptionalValue(Vector)
        from capability in OptionalValue(Vector)
        from assets in ArrayOf(Id, 5)
        from flags in Gen.Elements(false, true).ArrayOf(2)
        from controls in ArrayOf(Text, 3)
        from windows in ArrayOf(Window, 2)
        select new Zone
        {
            Id = id,
            Name = name,
            PurdueLevel = level,
            Description = description,
            TargetLevel = target,
            AchievedLevel = achieved,
            CapabilityLevel = capability,
            AssetIds = assets,
            AirGapped = flags[0],
            WirelessPresent = flags[1],
            CompensatingControls = controls,
            MaintenanceWindows = windows,
        };

    public static Gen<AllowedFlow> Flow { get; } =
        from protocol in Gen.Elements("modbus", "s7comm", "opcua", "enip", "dnp3", "bacnet", "iec104", "https", "rdp", "usb")
        from port in OptionalValue(Gen.Choose(1, 65535))
        from initiator in Id
        from description in OptionalText
        select new AllowedFlow { Protocol = protocol, Port = port, InitiatingZone = initiator, Description = description };

    public static Gen<Conduit> Conduit { get; } =
        from id in Id
        from name in OptionalText
        from a in Id
        from b in Id
        from segmentation in Enum<SegmentationLevel>()
        from channel in Enum<ChannelKind>()
        from flows in ArrayOf(Flow, 3)
        from description in OptionalText
        select new Conduit { Id = id, Name = name, ZoneA = a, ZoneB = b, Segmentation = segmentation, Channel = channel, AllowedFlows = flows, Description = description };

    public static Gen<VendorCredentials> Credentials { get; } =
        from flags in Gen.Elements(false, true).ArrayOf(2)
        from rotated in OptionalValue(Date)
        select new VendorCredentials { SharedAccount = flags[0], MultiFactor = flags[1], LastRotated = rotated };

    public static Gen<Vendor> Vendor { get; } =
        from id in Id
        from name in Text
        from method in Enum<RemoteAccessMethod>()
        from zones in ArrayOf(Id, 3)
        from windows in ArrayOf(Window, 2)
        from credentials in Optional(Credentials)
        from contact in OptionalText
        select new Vendor { Id = id, Name = name, RemoteAccess = method, AllowedZones = zones, AccessWindows = windows, Credentials = credentials, Contact = contact };

    public static Gen<ProductionLine> Line { get; } =
        from id in Id
        from name in Text
        from description in OptionalText
        select new ProductionLine { Id = id, Name = name, Description = description };

    public static Gen<SiteModel> Site { get; } =
        from name in Text
        from environment in Enum<EnvironmentClass>()
        from date in Date
        from timeZone in Optional(Gen.Elements("UTC", "Europe/Berlin", "America/Chicago", "Asia/Tokyo"))
        from description in OptionalText
        from lines in ArrayOf(Line, 2)
        from zones in ArrayOf(Zone, 4)
        from conduits in ArrayOf(Conduit, 4)
        from assets in ArrayOf(Asset, 6)
        from vendors in ArrayOf(Vendor, 2)
        select new SiteModel
        {
            Name = name,
            Environment = environment,
            EvaluationDate = date,
            TimeZone = timeZone,
            Description = description,
            ProductionLines = lines,
            Zones = zones,
            Conduits = conduits,
            Assets = assets,
            Vendors = vendors,
        };

    /// <summary>Models that break every rule: ids from a tiny pool (duplicates, dangling references), blank ids, null entries, undefined enum values.</summary>
    public static Gen<SiteModel> MessySite { get; } =
        from site in Site
        from pool in Gen.Elements("", " ", "z", "a", "b", "[x]").ArrayOf(8)
        from nulls in Gen.Elements(false, false, true).ArrayOf(6)
        from oddLevel in Gen.Elements(PurdueLevel.Level1, (PurdueLevel)7, (PurdueLevel)99)
        select Mess(site, pool, nulls, oddLevel);

    private static SiteModel Mess(SiteModel site, string[] pool, bool[] nulls, PurdueLevel oddLevel)
    {
        int k = 0;
        string Next() => pool[k++ % pool.Length];
        EquatableArray<T> WithNull<T>(IEnumerable<T> items, bool addNull) =>
            addNull ? new EquatableArray<T>(items.Append(default!)) : new EquatableArray<T>(items);

        return site with
        {
            TimeZone = nulls[5] ? "Not/AZone" : site.TimeZone,
            Zones = WithNull(site.Zones.Select(z => z with { Id = Next(), PurdueLevel = nulls[0] ? oddLevel : z.PurdueLevel, AssetIds = WithNull(z.AssetIds.Select(_ => Next()), nulls[1]) }), nulls[0]),
            Assets = WithNull(site.Assets.Select(a => a with { Id = Next(), ProductionLineId = Next(), Interfaces = WithNull(a.Interfaces, nulls[2]) }), nulls[1]),
            Conduits = WithNull(site.Conduits.Select(c => c with { Id = Next(), ZoneA = Next(), ZoneB = Next(), AllowedFlows = WithNull(c.AllowedFlows, nulls[3]) }), nulls[2]),
            Vendors = WithNull(site.Vendors.Select(v => v with { Id = Next(), AllowedZones = v.AllowedZones.Select(_ => Next()).ToEquatableArray(), AccessWindows = WithNull(v.AccessWindows, nulls[4]) }), nulls[3]),
            ProductionLines = WithNull(site.ProductionLines.Select(l => l with { Id = Next() }), nulls[4]),
        };
    }

    public static Gen<Alert> Alert { get; } =
        from id in Id
        from ticks in Gen.Choose(0, int.MaxValue)
        from offset in Gen.Elements(0, 60, -300, 330)
        from rule in Gen.Elements("OTM-DET-001", "OTM-DET-004", "OTM-BAS-002")
        from severity in Enum<AlertSeverity>()
        from techniques in ArrayOf(Gen.Elements("T0855", "T0836", "T0843", "T0886"), 3)
        from assets in ArrayOf(Id, 3)
        from evidence in ArrayOf(from n in NonEmptyText from v in Text select new AlertEvidence { Name = n, Value = v }, 3)
        from message in Text
        select new Alert
        {
            Id = id,
            Time = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks * 1000L).ToOffset(TimeSpan.FromMinutes(offset)),
            RuleId = rule,
            Severity = severity,
            Techniques = techniques,
            AffectedAssets = assets,
            Evidence = evidence,
            Message = message,
        };
}

/// <summary>Registers the generators with FsCheck.Xunit (<c>[Property(Arbitrary = [typeof(ModelArbitraries)])]</c>).</summary>
public static class ModelArbitraries
{
    public static Arbitrary<SiteModel> SiteModel() => ModelGenerators.Site.ToArbitrary();

    public static Arbitrary<SecurityLevelVector> Vector() => ModelGenerators.Vector.ToArbitrary();

    public static Arbitrary<Alert> Alert() => ModelGenerators.Alert.ToArbitrary();
}
