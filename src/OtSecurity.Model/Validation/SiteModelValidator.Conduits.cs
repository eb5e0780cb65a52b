using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Validation;

public static partial class SiteModelValidator
{
    private sealed partial class Run
    {
        public void CheckConduits()
        {
            foreach (Item<Conduit> item in _conduits)
            {
                Conduit conduit = item.Value;
                Zone? a = ResolveEnd(item, conduit.ZoneA, "zoneA");
                Zone? b = ResolveEnd(item, conduit.ZoneB, "zoneB");
                string name = $"conduit {Named(conduit.Name, conduit.Id)}";
                CheckFlows(item, name);
                if (a is null || b is null)
                {
                    continue;
                }

                if (string.Equals(a.Id, b.Id, StringComparison.Ordinal))
                {
                    Add(ValidationRules.ConduitToItself, item.Path, $"{Capital(name)} connects {Describe(a)} to itself; a conduit joins two different zones — traffic inside one zone needs no conduit.");
                    continue;
                }

                CheckPurdue(item, name, a, b);
                foreach ((Zone end, Zone other) in new[] { (a, b), (b, a) })
                {
                    if (conduit.Channel == ChannelKind.Wireless && IsSafetyZone(end))
                    {
                        Add(ValidationRules.WirelessIntoSafetyZone, item.Path, $"{Capital(name)} is a wireless link into safety {Describe(end)} (from {Describe(other)}); anyone in radio range can reach the safety system — use a wired, firewalled conduit.");
                    }

                    if (end.AirGapped)
                    {
                        CheckAirGapConduit(item, name, end, other);
                    }
                }
            }
        }

        private Zone? ResolveEnd(Item<Conduit> item, string? zoneId, string end)
        {
            if (!Usable(zoneId))
            {
                Add(ValidationRules.ConduitUnknownZone, $"{item.Path}.{end}", $"Conduit {Named(item.Value.Name, item.Value.Id)} has no {end}; name the zone at this end.");
                return null;
            }

            if (!_zoneById.TryGetValue(zoneId!, out Item<Zone> zone))
            {
                Add(ValidationRules.ConduitUnknownZone, $"{item.Path}.{end}", $"Conduit {Named(item.Value.Name, item.Value.Id)} connects to zone '{zoneId}', but the site has no zone with that id.");
                return null;
            }

            return zone.Value;
        }

        private void CheckPurdue(Item<Conduit> item, string name, Zone a, Zone b)
        {
            SegmentationLevel segmentation = item.Value.Segmentation;
            (Zone enterprise, Zone other)? pair =
                a.PurdueLevel.IsEnterprise() ? (a, b) : b.PurdueLevel.IsEnterprise() ? (b, a) : null;
            if (pair is not { } p)
            {
                return;
            }

            if (p.other.PurdueLevel.IsControl() && segmentation < SegmentationLevel.Dmz)
            {
                Add(ValidationRules.EnterpriseToControlWithoutDmz, item.Path, $"{Capital(name)} connects enterprise {Describe(p.enterprise)} at Purdue {p.enterprise.PurdueLevel.ToDisplayString()} straight to {Describe(p.other)} at Purdue {p.other.PurdueLevel.ToDisplayString()} with {Segmentation(segmentation)}; malware or an intruder on the business network reaches the controllers in one step — route the data through a DMZ (Purdue 3.5).");
            }

            if (p.other.PurdueLevel.IsOperational() && segmentation < SegmentationLevel.Firewall)
            {
                Add(ValidationRules.ItOtBelowFirewall, item.Path, $"{Capital(name)} separates IT {Describe(p.enterprise)} from OT {Describe(p.other)} with {Segmentation(segmentation)} only; without a firewall nothing filters what crosses — put a firewall (or a DMZ) between them.");
            }
        }

        private static string Segmentation(SegmentationLevel level) => level switch
        {
            SegmentationLevel.None => "no segmentation",
            SegmentationLevel.Vlan => "VLAN separation",
            SegmentationLevel.Firewall => "a firewall",
            SegmentationLevel.Dmz => "a DMZ",
            SegmentationLevel.AirGap => "an air gap",
            _ => $"segmentation level {(int)level}",
        };

        private void CheckAirGapConduit(Item<Conduit> item, string name, Zone gapped, Zone other)
        {
            string zone = Describe(gapped);
            switch (item.Value.Channel)
            {
                case ChannelKind.Wireless:
                    Add(ValidationRules.AirGapWireless, item.Path, $"{Capital(zone)} is declared air-gapped, but {name} is a wireless link to {Describe(other)}.");
                    break;
                case ChannelKind.RemovableMedia:
                    Add(ValidationRules.AirGapRemovableMedia, item.Path, $"{Capital(zone)} is declared air-gapped, but {name} carries removable media to and from {Describe(other)}; every USB stick or laptop disk crosses the gap — scan media at a kiosk and log each transfer.");
                    break;
                case ChannelKind.VendorRemoteAccess:
                    Add(ValidationRules.AirGapVendorAccess, item.Path, $"{Capital(zone)} is declared air-gapped, but {name} gives vendor remote access from {Describe(other)}.");
                    break;
                case ChannelKind.TemporaryConnection:
                    Add(ValidationRules.AirGapTemporaryConnection, item.Path, $"{Capital(zone)} is declared air-gapped, but {name} is a temporary connection to {Describe(other)}; temporary links tend to stay — remove it or stop calling the zone air-gapped.");
                    break;
                default:
                    Add(ValidationRules.AirGapNetworkConduit, item.Path, $"{Capital(zone)} is declared air-gapped, but {name} is a wired network connection to {Describe(other)} ({Segmentation(item.Value.Segmentation)}); the zone is not air-gapped.");
                    break;
            }
        }

        private void CheckFlows(Item<Conduit> item, string name)
        {
            Conduit conduit = item.Value;
            for (int i = 0; i < conduit.AllowedFlows.Count; i++)
            {
                AllowedFlow? flow = conduit.AllowedFlows[i];
                string path = $"{item.Path}.allowedFlows[{i}]";
                if (flow is null)
                {
                    Add(ValidationRules.NullEntry, path, $"Entry {i} of the allowed flows of {name} is empty (null); remove it or fill it in.");
                    continue;
                }

                if (!conduit.Connects(flow.InitiatingZone ?? string.Empty))
                {
                    Add(ValidationRules.FlowInitiatorNotAnEnd, $"{path}.initiatingZone", $"{Capital(name)} allows {flow.Protocol} initiated by zone '{flow.InitiatingZone}', which is not one of its ends ('{conduit.ZoneA}', '{conduit.ZoneB}').");
                }

                if (flow.Port is { } port && port is < 1 or > 65535)
                {
                    Add(ValidationRules.FlowPortOutOfRange, $"{path}.port", $"{Capital(name)} allows {flow.Protocol} on port {port}, which is not a TCP/UDP port (1–65535).");
                }
            }
        }
    }
}
