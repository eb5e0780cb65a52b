using OtSecurity.Model.Assets;
using OtSecurity.Model.Attack;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Playbooks;

public sealed partial class PlaybookGenerator
{
    private static string List(IEnumerable<string> items, string none = "none")
    {
        string text = string.Join(", ", items);
        return text.Length == 0 ? none : text;
    }

    private static IEnumerable<PlaybookContact> Contacts(SiteGraph graph, List<string> notes)
    {
        foreach (Vendor vendor in graph.Vendors)
        {
            string[] zones = [.. vendor.AllowedZones.Where(static z => z is not null)];
            string access = vendor.HasRemoteAccess ? $"remote access {vendor.RemoteAccess}" : "on site only";
            string windows = vendor.AccessWindows.IsEmpty ? "no access window agreed" : $"access windows {string.Join("; ", vendor.AccessWindows.Where(static w => w is not null))}";
            string[] supported = [.. graph.Assets.Where(a => zones.Any(z => graph.ZonesOf(a.Id).Contains(z))).Select(static a => a.Id)];
            yield return new PlaybookContact(vendor.Name, vendor.Contact, $"vendor ({vendor.Id}), {access}, {windows}", [.. supported], [.. zones]);
            if (vendor.Contact is null)
            {
                notes.Add($"Vendor {vendor.Id} has no contact in the site model: add one before an incident needs it.");
            }
        }

        foreach (IGrouping<string, Asset> group in graph.Assets.Where(static a => a.SupportContact is not null).GroupBy(static a => a.SupportContact!, StringComparer.Ordinal))
        {
            string[] zones = [.. graph.InZoneOrder(group.SelectMany(a => graph.ZonesOf(a.Id)))];
            yield return new PlaybookContact(group.Key, group.Key, "support contact of the assets", [.. group.Select(static a => a.Id)], [.. zones]);
        }

        string[] orphans = [.. graph.Assets.Where(static a => a.SupportContact is null && a.Kind != AssetKind.Unknown).Select(static a => a.Id)];
        if (orphans.Length > 0)
        {
            notes.Add($"No support contact is recorded for {List(orphans)}.");
        }
    }

    private IEnumerable<RecoveryStage> Recovery(SiteGraph graph)
    {
        Asset[] safety = [.. graph.Assets.Where(static a => a.SafetyRole != SafetyRole.None)];
        Asset[] field = [.. graph.Assets.Where(a => a.SafetyRole == SafetyRole.None && Level(graph, a) <= PurdueLevel.Level1)];
        Asset[] supervisory = [.. graph.Assets.Where(a => a.SafetyRole == SafetyRole.None && Level(graph, a) == PurdueLevel.Level2)];
        Asset[] operations = [.. graph.Assets.Where(a => a.SafetyRole == SafetyRole.None && Level(graph, a) == PurdueLevel.Level3)];
        Asset[] dmz = [.. graph.Assets.Where(a => a.SafetyRole == SafetyRole.None && Level(graph, a) == PurdueLevel.Dmz)];
        string[] boundary = [.. graph.Zones.Where(z => z.PurdueLevel.IsOperational())
            .Select(z => BlockBoundaryFlowAction.BoundaryConduit(graph, z.Id)?.Id).OfType<string>().Distinct(StringComparer.Ordinal)];
        string evidence = _options.RestorationFirst
            ? "The site declares restoration first: restore, then keep what evidence is left (captures, uploads, images)."
            : "Keep the evidence of each asset (program upload, captures, images) before restoring it.";
        int order = 0;
        yield return new RecoveryStage(++order, "Safety first: the safety instrumented functions and emergency stops", [.. safety.Select(static a => a.Id)],
        [
            "Confirm with the shift supervisor and the process safety engineer that every safety function is healthy, in automatic and not bypassed.",
            "The safety vendor checks the SIS program against its approved version and reads its event log; the security team does not connect to the safety network.",
            "Proof-test any safety function that was tripped, bypassed or reached before restart.",
        ]);
        yield return new RecoveryStage(++order, "Level 0–1: controllers, drives, I/O and field devices, line by line", [.. field.Select(static a => a.Id)],
        [
            evidence,
            "Restore the last known-good program and configuration (compare the upload with the golden copy first); check firmware versions.",
            "Walk the I/O with operations in manual before returning each line to automatic.",
        ]);
        yield return new RecoveryStage(++order, "Level 2: supervisory control (HMIs, SCADA servers)", [.. supervisory.Select(static a => a.Id)],
        [
            "Re-image HMIs and SCADA servers from known-good media; restore project files from the offline backup and verify hashes.",
            "Check alarms, set points and trends against the controllers before the operators rely on the screens again.",
        ]);
        yield return new RecoveryStage(++order, "Level 3: site operations (historian, engineering workstations, OPC, domain)", [.. operations.Select(static a => a.Id)],
        [
            "Rebuild engineering workstations from known-good images; rotate every credential they held; no program download until they are rebuilt.",
            "Restore the historian and backfill data from the controllers' buffers where they hold it.",
        ]);
        yield return new RecoveryStage(++order, "Level 3.5: the industrial DMZ (jump hosts, mirrors, patch servers)", [.. dmz.Select(static a => a.Id)],
        [
            "Rebuild remote-access gateways; re-issue vendor accounts as named accounts with MFA and agreed access windows.",
        ]);
        yield return new RecoveryStage(++order, "Last: reconnect the enterprise across the IT/OT boundary", [.. boundary],
        [
            $"Re-open the boundary conduits ({List(boundary)}) one flow at a time, reviewing every rule that containment added.",
            "Keep monitoring raised for at least two weeks after reconnection.",
        ]);
    }

    private static PurdueLevel Level(SiteGraph graph, Asset asset) =>
        graph.ZonesOf(asset.Id).Select(graph.FindZone).OfType<Zone>().Select(static z => z.PurdueLevel).DefaultIfEmpty(asset.PurdueLevel ?? PurdueLevel.Level3).Min();

    private static IEnumerable<string> Call(SiteGraph graph, Zone zone, Asset[] assets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Asset asset in assets.OrderBy(static a => a.SafetyRole == SafetyRole.None ? 1 : 0))
        {
            if (asset.SupportContact is { } contact && seen.Add(contact))
            {
                string[] supported = [.. assets.Where(a => string.Equals(a.SupportContact, contact, StringComparison.Ordinal)).Select(static a => a.Id)];
                yield return $"{contact} — for {List(supported)}";
            }
        }

        foreach (Vendor vendor in graph.Vendors.Where(v => v.AllowedZones.Contains(zone.Id)))
        {
            yield return $"{vendor.Name}: {vendor.Contact ?? "no contact recorded"} — {(vendor.HasRemoteAccess ? $"has {vendor.RemoteAccess} remote access into this zone" : "works here on site")}";
        }

        if (assets.Any(static a => a.SafetyRole != SafetyRole.None))
        {
            yield return "The process safety engineer and the shift supervisor, before anything in this zone is touched.";
        }
    }

    private static IEnumerable<string> Fallbacks(SiteGraph graph, Zone zone, Asset[] assets)
    {
        bool any = false;
        if (assets.Any(static a => a.SafetyRole != SafetyRole.None))
        {
            any = true;
            yield return "The safety functions act on their own: leave the SIS in automatic and the emergency stops armed; never bypass or force them from the security side. If the SIS trips, follow the plant's trip response procedure.";
        }

        Asset[] stations = [.. assets.Where(static a => a.Kind is AssetKind.Hmi or AssetKind.OpcScadaServer && a.SafetyRole == SafetyRole.None)];
        if (stations.Length > 0 && zone.PurdueLevel >= PurdueLevel.Level2)
        {
            any = true;
            string[] lines = [.. stations.Select(static a => a.ProductionLineId).OfType<string>().Distinct(StringComparer.Ordinal)];
            string[] panels = [.. graph.Assets.Where(a => a.Kind == AssetKind.Hmi && a.SafetyRole == SafetyRole.None && graph.ZonesOf(a.Id).Any(z => graph.FindZone(z)?.PurdueLevel <= PurdueLevel.Level1)).Select(static a => a.Id)];
            yield return $"If {List(stations.Select(static a => a.Id))} are lost or isolated: staff the local panels ({List(panels, "none recorded: operators go to the machines")}), put an operator at each line{(lines.Length == 0 ? string.Empty : $" ({List(lines)})")}, log key readings by hand every 15 minutes and keep radio contact with the control room; the shift supervisor decides on a controlled stop if the process cannot be watched.";
        }

        Asset[] controllers = [.. assets.Where(static a => ResponseActionBase.IsController(a) && a.SafetyRole == SafetyRole.None)];
        if (controllers.Length > 0)
        {
            any = true;
            string[] panels = [.. assets.Where(static a => a.Kind == AssetKind.Hmi && a.SafetyRole == SafetyRole.None).Select(static a => a.Id)];
            yield return $"If {List(controllers.Select(static a => a.Id))} must be stopped or cut off from supervision: run the process from {(panels.Length == 0 ? "the local controls" : $"the local panel(s) {List(panels)}")} or in hand mode at the drives and motor control centre where the process allows; otherwise bring it to a controlled stop by the shift supervisor's procedure.";
        }

        if (assets.Any(static a => a.Kind == AssetKind.Historian))
        {
            any = true;
            yield return "If the historian is lost or isolated: the process runs on; record production and quality data by hand and backfill later.";
        }

        if (assets.Any(static a => a.Kind == AssetKind.EngineeringWorkstation))
        {
            any = true;
            yield return "If the engineering workstation is lost or quarantined: freeze every program change until it is rebuilt from a known-good image; no downloads from other laptops.";
        }

        if (assets.Any(static a => a.Kind is AssetKind.Rtu or AssetKind.Ied))
        {
            any = true;
            yield return "If the RTUs/IEDs lose supervision: protection relays keep protecting on their own; send the utilities operator to the substation for local control.";
        }

        if (assets.Any(static a => a.Kind == AssetKind.BuildingController))
        {
            any = true;
            yield return "If building control is lost: HVAC and lighting run on their local controllers or manual switches; check temperature-sensitive areas every hour.";
        }

        if (zone.PurdueLevel == PurdueLevel.Dmz)
        {
            any = true;
            yield return "If the DMZ is isolated: production continues; the historian mirror and remote access stop; vendors work on site under escort.";
        }
        else if (zone.PurdueLevel.IsEnterprise())
        {
            any = true;
            yield return "If the IT/OT boundary is cut: production continues; production orders, quality releases and shipping go by phone and paper.";
        }

        if (!any)
        {
            yield return "Nothing in this zone is needed to keep the process running; contain it within the safety constraints above.";
        }
    }

    private static IEnumerable<string> Evidence(SiteGraph graph, Zone zone, Asset[] assets)
    {
        yield return $"A traffic capture of {zone.Id} from its monitoring point (SPAN or tap) from the first alert on, with hashes of the raw files.";
        Asset[] hosts = [.. assets.Where(static a => ResponseActionBase.IsHost(a))];
        if (hosts.Length > 0)
        {
            yield return $"Memory images first (volatile), then disk images, event logs and project files, of {List(hosts.Select(static a => a.Id))}.";
        }

        Asset[] controllers = [.. assets.Where(static a => ResponseActionBase.IsController(a) && a.SafetyRole == SafetyRole.None)];
        if (controllers.Length > 0)
        {
            yield return $"A program upload of {List(controllers.Select(static a => a.Id))} compared online with the golden copy, with the diagnostic buffer and the firmware versions.";
        }

        Asset[] safety = [.. assets.Where(static a => a.SafetyRole != SafetyRole.None)];
        if (safety.Length > 0)
        {
            yield return $"The SIS program, event and diagnostic logs of {List(safety.Select(static a => a.Id))}: retrieved by the safety vendor or the safety engineer only; the security tools do not connect.";
        }

        Asset[] stations = [.. assets.Where(static a => a.Kind is AssetKind.Hmi or AssetKind.OpcScadaServer)];
        if (stations.Length > 0)
        {
            yield return $"Alarm and event journals and operator action logs of {List(stations.Select(static a => a.Id))}.";
        }

        string[] conduits = [.. graph.Conduits.Where(c => c.Connects(zone.Id)).Select(static c => c.Id)];
        if (conduits.Length > 0)
        {
            yield return $"Firewall and switch logs of {List(conduits)}.";
        }

        string[] vendors = [.. graph.Vendors.Where(v => v.HasRemoteAccess && v.AllowedZones.Contains(zone.Id)).Select(static v => v.Id)];
        if (vendors.Length > 0)
        {
            yield return $"Remote-access gateway session logs and recordings for {List(vendors)}.";
        }
    }

    private static TechniquePlaybook Technique(SiteGraph graph, AttackTechnique technique)
    {
        ResponseFamily families = TechniqueResponseMap.For(technique.Id);
        var exposure = new List<string>();
        var containment = new List<string> { "Notify on-call security and operations and open a ticket; raise monitoring and capture traffic in the affected zones (automatic: they touch nothing)." };
        var evidence = new List<string> { "Captures of the affected zones and the detection's evidence (frames, flows, values)." };
        var recovery = new List<string>();
        string[] boundary = [.. graph.Zones.Where(z => z.PurdueLevel.IsOperational()).Select(z => BlockBoundaryFlowAction.BoundaryConduit(graph, z.Id)?.Id).OfType<string>().Distinct(StringComparer.Ordinal)];
        string[] controllers = [.. graph.Assets.Where(static a => ResponseActionBase.IsController(a) && a.SafetyRole == SafetyRole.None).Select(static a => a.Id)];
        string[] safety = [.. graph.Assets.Where(static a => a.SafetyRole != SafetyRole.None).Select(static a => a.Id)];
        string[] dependent = [.. graph.InConduitOrder(graph.SisDependentConduits.Union(graph.EmergencyStopDependentConduits))];

        if ((families & ResponseFamily.FromOutside) != 0)
        {
            exposure.Add($"The IT/OT boundary conduits: {List(boundary)}.");
            containment.Add($"Block the affected assets' flows at the boundary ({List(boundary)}): automatic when it removes no operator's view or control.");
            evidence.Add("Boundary firewall logs and proxy/DNS logs for the external addresses.");
            recovery.Add("Reconnect the boundary last, reviewing every rule that containment added.");
        }

        if ((families & (ResponseFamily.RemoteAccess | ResponseFamily.CredentialAbuse)) != 0)
        {
            Vendor[] remote = [.. graph.Vendors.Where(static v => v.HasRemoteAccess)];
            string[] gateways = [.. graph.Assets.Where(static a => a.Kind == AssetKind.RemoteAccessGateway).Select(static a => a.Id)];
            exposure.Add($"Vendors with remote access: {List(remote.Select(v => $"{v.Id} ({v.RemoteAccess}{(v.Credentials?.SharedAccount == true ? ", shared account" : string.Empty)}{(v.Credentials is { MultiFactor: false } ? ", no MFA" : string.Empty)}{(v.AccessWindows.IsEmpty ? ", always on" : string.Empty)})"))}; gateways: {List(gateways)}.");
            containment.Add("End the vendor's session and disable the account (automatic unless the session reaches a safety asset — then the safety vendor and operations end it by their own procedure).");
            evidence.Add("Gateway session logs and recordings; the account's login history.");
            recovery.Add("Rotate the vendor's credentials; issue named accounts with MFA; agree access windows and scopes.");
        }

        if ((families & ResponseFamily.LateralMovement) != 0)
        {
            string[] ews = [.. graph.Assets.Where(static a => a.Kind == AssetKind.EngineeringWorkstation).Select(static a => a.Id)];
            exposure.Add($"Engineering workstations ({List(ews)}) and the conduits from their zones to the controllers.");
            containment.Add($"Isolate the conduits on the path (disruptive: automatic only inside maintenance windows and under the cost threshold; denied on the conduits the safety functions depend on: {List(dependent)}); quarantine the source host (needs approval if it is an HMI).");
            recovery.Add("Re-enable conduits one at a time after the source host is rebuilt.");
        }

        if ((families & ResponseFamily.HostCompromise) != 0)
        {
            string[] legacy = [.. graph.Assets.Where(a => ResponseActionBase.IsHost(a) && graph.Site.IsLegacy(a)).Select(static a => a.Id)];
            exposure.Add($"Hosts ({graph.Assets.Count(ResponseActionBase.IsHost)}), of which legacy (unsupported operating system): {List(legacy)}.");
            containment.Add("Snapshot, then quarantine the host (disruptive; needs approval when it removes an operator's view or control).");
            evidence.Add("Memory image, disk image, event logs and project files of the host, in that order.");
            recovery.Add("Re-image from known-good media (never automatic; after the snapshot unless restoration comes first); restore project files from the offline backup and verify hashes.");
        }

        if ((families & ResponseFamily.ControllerTampering) != 0)
        {
            exposure.Add($"Controllers: {List(controllers)}.");
            containment.Add("Upload the program and configuration (a read; automatic for non-safety controllers).");
            evidence.Add("Program upload compared with the golden copy; diagnostic buffer; firmware versions.");
            recovery.Add("Restore the last known-good program (a program download: never automatic, only after the upload is kept); walk the I/O with operations before returning to automatic.");
        }

        if ((families & ResponseFamily.ProcessManipulation) != 0)
        {
            exposure.Add($"The processes run by {List(controllers)}.");
            containment.Add("Ask operations to bring the controller and its process to a safe state (never automatic: only operations know whether the process can take it now).");
            evidence.Add("Historian trends, alarm journals and operator action logs around the event.");
        }

        if ((families & ResponseFamily.SafetyImpact) != 0)
        {
            exposure.Add($"Safety functions: {List(safety)}.");
            containment.Add("Ask the shift supervisor whether to bring the line down in a controlled way (never automatic); security response never acts on the safety functions themselves.");
            recovery.Add("Proof-test the safety functions before restart (safety vendor and process safety engineer).");
        }

        if ((families & ResponseFamily.Reconnaissance) != 0)
        {
            exposure.Add("Any zone the adversary can reach; discovery precedes an attack.");
            containment.Add("Watch: raise monitoring in the zones where it was seen; keep captures; block at the boundary only if the traffic comes from outside.");
        }

        if (recovery.Count == 0)
        {
            recovery.Add("Return monitoring to normal once the activity is explained.");
        }

        return new TechniquePlaybook
        {
            TechniqueId = technique.Id,
            Name = technique.Name,
            Tactics = [.. technique.Tactics.Select(static t => t.GetName())],
            Families = families,
            Exposure = [.. exposure],
            Containment = [.. containment],
            Evidence = [.. evidence],
            Recovery = [.. recovery],
        };
    }
}
