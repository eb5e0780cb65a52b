using FsCheck.Fluent;
using OtSecurity.Model;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Attack;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Properties;

/// <summary>A seed for <see cref="RandomPlant"/>: FsCheck draws it from the whole int range.</summary>
public readonly record struct Seed(int Value);

public static class SeedArbitrary
{
    public static FsCheck.Arbitrary<Seed> Seed() => Arb.From(Gen.Choose(0, int.MaxValue).Select(static i => new Seed(i)));
}

/// <summary>What one random case holds.</summary>
public sealed record Scenario(
    SiteModel Site,
    Alert Alert,
    ActionProposal[]? Proposals,
    IResponsePolicy[] Policies,
    IResponseAction[] ExtraActions,
    DateTimeOffset Now,
    double HourlyRate); // negative: OtSecurity.Risk's downtime model instead of a flat rate

/// <summary>
/// Our own random generator of site models, alerts, action sets and adversarial policies. It makes valid and
/// broken models alike: random Purdue levels, conduits between any zones (self-loops, unknown ends, duplicate
/// ids), assets of every kind and safety role in zero, one or two zones, vendors, windows, time zones (known and
/// unknown), alerts naming known and unknown assets and techniques, explicit proposals with valid, wrong and
/// unknown targets, a product action whose radius is drawn at random (and may lie about being a notification),
/// and policies that approve everything (one even claims the SIS guard's id), throw, fault, return nothing or
/// return malformed decisions. Deterministic: the same seed gives the same scenario.
/// </summary>
public static class RandomPlant
{
    private static readonly PurdueLevel[] Levels = Enum.GetValues<PurdueLevel>();
    private static readonly AssetKind[] Kinds = Enum.GetValues<AssetKind>();
    private static readonly ChannelKind[] Channels = Enum.GetValues<ChannelKind>();
    private static readonly SegmentationLevel[] Segmentations = Enum.GetValues<SegmentationLevel>();
    private static readonly RemoteAccessMethod[] Methods = Enum.GetValues<RemoteAccessMethod>();
    private static readonly AlertSeverity[] Severities = Enum.GetValues<AlertSeverity>();
    private static readonly string[] Techniques = [.. AttackForIcsCatalog.All.Select(static t => t.Id)];
    private static readonly string[] ActionIds = [.. BuiltInActions.Create().Select(static a => a.Id)];

    public static Scenario Generate(int seed, bool adversarialPolicies = true)
    {
        var rng = new Random(seed);
        int zoneCount = rng.Next(2, 9);
        string[] zoneIds = [.. Enumerable.Range(0, zoneCount).Select(static i => $"z{i}")];
        string[] lines = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(static i => $"l{i}")];

        var assets = new List<Asset>();
        var members = zoneIds.ToDictionary(static z => z, static _ => new List<string>());
        int assetCount = rng.Next(1, 17);
        for (int i = 0; i < assetCount; i++)
        {
            string id = rng.Next(100) < 3 && i > 0 ? $"a{i - 1}" : $"a{i}"; // sometimes a duplicate id
            double roll = rng.NextDouble();
            SafetyRole role = roll < 0.70 ? SafetyRole.None : roll < 0.80 ? SafetyRole.SafetyInstrumentedFunction : roll < 0.90 ? SafetyRole.SafetyRelated : SafetyRole.EmergencyStop;
            assets.Add(new Asset
            {
                Id = id,
                Name = $"Asset {i}",
                Kind = Pick(rng, Kinds),
                SafetyRole = role,
                ProductionLineId = lines.Length > 0 && rng.Next(2) == 0 ? Pick(rng, lines) : rng.Next(50) == 0 ? "ghost-line" : null,
                Criticality = rng.Next(5) == 0 ? null : (Criticality)rng.Next(4),
            });

            int placement = rng.Next(100);
            if (placement < 90)
            {
                members[Pick(rng, zoneIds)].Add(id);
            }
            else if (placement < 95)
            {
                members[Pick(rng, zoneIds)].Add(id);
                members[Pick(rng, zoneIds)].Add(id);
            }
        }

        if (rng.Next(30) == 0)
        {
            members[Pick(rng, zoneIds)].Add("ghost");
        }

        Zone[] zones = [.. zoneIds.Select(id => new Zone
        {
            Id = id,
            Name = $"Zone {id}",
            PurdueLevel = Pick(rng, Levels),
            AssetIds = [.. members[id]],
            MaintenanceWindows = rng.Next(2) == 0 ? [] : [RandomWindow(rng)],
        })];

        var conduits = new List<Conduit>();
        int conduitCount = rng.Next(0, zoneCount * 2 + 1);
        for (int i = 0; i < conduitCount; i++)
        {
            string a = Pick(rng, zoneIds);
            int shape = rng.Next(100);
            string b = shape < 5 ? a : shape < 10 ? "z-unknown" : Pick(rng, zoneIds);
            conduits.Add(new Conduit
            {
                Id = rng.Next(100) < 3 && i > 0 ? $"c{i - 1}" : $"c{i}",
                ZoneA = a,
                ZoneB = b,
                Segmentation = Pick(rng, Segmentations),
                Channel = Pick(rng, Channels),
            });
        }

        Vendor[] vendors = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(i => new Vendor
        {
            Id = $"v{i}",
            Name = $"Vendor {i}",
            RemoteAccess = Pick(rng, Methods),
            AllowedZones = [.. zoneIds.Where(_ => rng.Next(3) == 0)],
            AccessWindows = rng.Next(2) == 0 ? [] : [RandomWindow(rng)],
            Credentials = rng.Next(2) == 0 ? null : new VendorCredentials { SharedAccount = rng.Next(2) == 0, MultiFactor = rng.Next(2) == 0 },
        })];

        var site = new SiteModel
        {
            Name = $"Random plant {seed}",
            Environment = (EnvironmentClass)rng.Next(4),
            EvaluationDate = new DateOnly(2026, 11, 1),
            TimeZone = rng.Next(10) switch { < 7 => null, < 9 => "Europe/Berlin", _ => "Bogus/Zone" },
            ProductionLines = [.. lines.Select(static l => new ProductionLine { Id = l, Name = l })],
            Zones = zones,
            Conduits = [.. conduits],
            Assets = [.. assets],
            Vendors = vendors,
        };

        string[] assetIds = [.. assets.Select(static a => a.Id)];
        var evidence = new List<AlertEvidence>();
        if (vendors.Length > 0 && rng.Next(5) == 0)
        {
            evidence.Add(new AlertEvidence { Name = "vendor", Value = Pick(rng, vendors).Id });
        }

        var alert = new Alert
        {
            Id = $"alt-{seed}",
            Time = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero),
            RuleId = "RND-001",
            Severity = Pick(rng, Severities),
            Techniques = [.. Enumerable.Range(0, rng.Next(0, 5)).Select(_ => rng.Next(10) == 0 ? "T9999" : Pick(rng, Techniques))],
            AffectedAssets = [.. Enumerable.Range(0, rng.Next(0, 5)).Select(_ => rng.Next(10) == 0 ? "ghost" : Pick(rng, assetIds))],
            Evidence = [.. evidence],
            Message = "Random alert",
        };

        ActionProposal[]? proposals = null;
        if (rng.Next(2) == 0)
        {
            string[] conduitIds = [.. conduits.Select(static c => c.Id)];
            string[] vendorIds = [.. vendors.Select(static v => v.Id)];
            proposals = [.. Enumerable.Range(0, rng.Next(1, 13)).Select(_ => RandomProposal(rng, zoneIds, assetIds, conduitIds, vendorIds, lines))];
        }

        var policies = new List<IResponsePolicy>();
        if (adversarialPolicies)
        {
            if (rng.Next(2) == 0)
            {
                policies.Add(new AlwaysApprovePolicy(rng.Next(2) == 0 ? PolicyIds.SisGuard : "always-approve"));
            }

            if (rng.Next(3) == 0)
            {
                policies.Add(new AlwaysApprovePolicy(PolicyIds.EmergencyStopGuard, order: int.MaxValue));
            }

            switch (rng.Next(6))
            {
                case 0: policies.Add(new ThrowingPolicy()); break;
                case 1: policies.Add(new FaultingAsyncPolicy()); break;
                case 2: policies.Add(new NullPolicy()); break;
                case 3: policies.Add(new MalformedPolicy(rng.Next(4))); break;
            }
        }

        return new Scenario(
            site,
            alert,
            proposals,
            [.. policies],
            [new RandomRadiusAction(rng.Next())],
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(rng.Next(7 * 24 * 60)),
            rng.Next(4) switch { 0 => -1, 1 => 100, 2 => 10_000, _ => 1_000_000 });
    }

    private static ActionProposal RandomProposal(Random rng, string[] zones, string[] assets, string[] conduits, string[] vendors, string[] lines)
    {
        int which = rng.Next(100);
        string action = which < 5 ? "bogus-action" : which < 20 ? RandomRadiusAction.ActionId : Pick(rng, ActionIds);
        var kind = (ActionTargetKind)rng.Next(6);
        string[] pool = kind switch
        {
            ActionTargetKind.Zone => zones,
            ActionTargetKind.Asset => assets,
            ActionTargetKind.Conduit => conduits,
            ActionTargetKind.Vendor => vendors,
            ActionTargetKind.ProductionLine => lines,
            _ => ["site"],
        };
        string id = pool.Length == 0 || rng.Next(10) == 0 ? "ghost" : Pick(rng, pool);
        return new ActionProposal
        {
            ActionId = action,
            Target = new ActionTarget(kind, id),
            Reason = "random",
            Scope = [.. assets.Where(_ => rng.Next(4) == 0)],
        };
    }

    private static WeeklyWindow RandomWindow(Random rng) => new()
    {
        Days = [.. Enum.GetValues<DayOfWeek>().Where(_ => rng.Next(3) == 0)],
        Start = new TimeOnly(rng.Next(24), 0),
        End = new TimeOnly(rng.Next(24), 0),
    };

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>
    /// A product action whose blast radius is drawn at random from the site (deterministically per target), with
    /// random traits — including a false claim to be a notification — and random effects.
    /// </summary>
    public sealed class RandomRadiusAction(int seed) : IResponseAction
    {
        public const string ActionId = "random-radius";

        public string Id => ActionId;

        public string Name => "Random radius";

        public string Description => "A product action with a random blast radius.";

        public ActionPhase Phase => (ActionPhase)(Math.Abs(seed) % 6);

        public ActionTraits Traits => (ActionTraits)(Math.Abs(seed) % 32);

        public double ExpectedOutageHours => Math.Abs(seed) % 3;

        public IEnumerable<ActionProposal> Propose(ProposalContext context) =>
            context.AffectedAssets.Take(2).Select(a => new ActionProposal { ActionId = Id, Target = ActionTarget.Asset(a.Id), Reason = "random" });

        public ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
        {
            var rng = new Random(seed ^ Fnv(proposal.StepId));
            if (rng.Next(20) == 0)
            {
                throw new InvalidOperationException("random radius failure");
            }

            return new ActionBlastRadius
            {
                Assets = [.. graph.Site.Assets.Where(a => a is not null && rng.Next(4) == 0).Select(static a => a.Id)],
                Conduits = [.. graph.Site.Conduits.Where(c => c is not null && rng.Next(4) == 0).Select(static c => c.Id)],
                Zones = [.. graph.Site.Zones.Where(z => z is not null && rng.Next(5) == 0).Select(static z => z.Id)],
                Effect = (ProcessEffect)rng.Next(4),
                DelaysTraffic = rng.Next(5) == 0,
                RemovesOperatorView = rng.Next(5) == 0,
                UnknownReferences = rng.Next(20) == 0 ? ["asset:phantom"] : [],
            };
        }

        private static int Fnv(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }
}
