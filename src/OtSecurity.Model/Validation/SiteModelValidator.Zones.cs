using OtSecurity.Model.Assets;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Validation;

public static partial class SiteModelValidator
{
    private sealed partial class Run
    {
        public void CheckMembership()
        {
            foreach (Item<Zone> zone in _zones)
            {
                var seenInZone = new HashSet<string>(StringComparer.Ordinal);
                for (int j = 0; j < zone.Value.AssetIds.Count; j++)
                {
                    string? id = zone.Value.AssetIds[j];
                    string path = $"{zone.Path}.assetIds[{j}]";
                    if (!Usable(id))
                    {
                        Add(ValidationRules.UnknownReference, path, $"Member {j} of {Describe(zone.Value)} is blank; list the id of an asset.");
                        continue;
                    }

                    if (!_assetById.ContainsKey(id!))
                    {
                        Add(ValidationRules.UnknownReference, path, $"{Capital(Describe(zone.Value))} lists asset '{id}', but the site has no asset with that id.");
                        continue;
                    }

                    if (!seenInZone.Add(id!))
                    {
                        Add(ValidationRules.AssetInSeveralZones, path, $"{Capital(Describe(zone.Value))} lists asset '{id}' twice; list each member once.");
                        continue;
                    }

                    if (!_memberships.TryGetValue(id!, out List<(Item<Zone>, int)>? list))
                    {
                        list = [];
                        _memberships.Add(id!, list);
                    }

                    list.Add((zone, j));
                }
            }

            foreach (Item<Asset> asset in _assetById.Values.OrderBy(static a => a.Index))
            {
                List<(Item<Zone> Zone, int Position)>? zones = _memberships.GetValueOrDefault(asset.Value.Id);
                if (zones is null)
                {
                    Add(ValidationRules.AssetInNoZone, asset.Path, $"{Describe(asset.Value)} is in no zone, so no security level, conduit or compensating control applies to it; add its id to the assetIds of the zone it sits in.");
                }
                else if (zones.Count > 1)
                {
                    Add(ValidationRules.AssetInSeveralZones, asset.Path, $"{Describe(asset.Value)} is listed in {zones.Count} zones ({string.Join(", ", zones.Select(z => Describe(z.Zone.Value)))}); an asset belongs to exactly one zone — if it bridges zones, model the bridge as a conduit.");
                }
            }
        }

        public void CheckZones()
        {
            foreach (Item<Zone> item in _zones)
            {
                Zone zone = item.Value;
                CheckSafetySeparation(item);
                CheckSecurityLevels(item);
                CheckLegacy(item);
                CheckZoneWireless(item);
                CheckWindows(zone.MaintenanceWindows, $"{item.Path}.maintenanceWindows", $"a maintenance window of {Describe(zone)}");
            }
        }

        private void CheckSafetySeparation(Item<Zone> item)
        {
            List<Item<Asset>> members = [.. MembersOf(item.Value).Distinct()];
            if (!members.Any(static a => a.Value.IsSafetyFunction))
            {
                return;
            }

            List<Item<Asset>> others = [.. members.Where(static a => a.Value.SafetyRole == SafetyRole.None)];
            if (others.Count > 0)
            {
                string safety = string.Join(", ", members.Where(static a => a.Value.IsSafetyFunction).Select(a => Describe(a.Value)));
                Add(ValidationRules.SafetyZoneShared, item.Path, $"{Capital(Describe(item.Value))} holds the safety function(s) {safety} together with non-safety assets {string.Join(", ", others.Select(a => Describe(a.Value)))}; a compromise of any of them reaches the safety system — move the non-safety assets to their own zone behind a conduit.");
            }
        }

        private void CheckSecurityLevels(Item<Zone> item)
        {
            Zone zone = item.Value;
            if (zone.TargetLevel is not { } target)
            {
                Add(ValidationRules.NoTarget, item.Path, $"{Capital(Describe(zone))} has no target security level (SL-T), so its protection cannot be judged; set targetLevel from the zone's risk assessment.");
                return;
            }

            if (zone.AchievedLevel is { } achieved)
            {
                foreach (SecurityLevelGap gap in achieved.CompareWithTarget(target).Shortfalls)
                {
                    Add(ValidationRules.AchievedBelowTarget, $"{item.Path}.achievedLevel", $"{Capital(Describe(zone))} achieves SL {(int)gap.Actual} for {Fr(gap.Requirement)} against a target of SL {(int)gap.Target}: a gap of {Levels(gap.Shortfall)}.");
                }
            }
            else
            {
                Add(ValidationRules.NoAchievedAssessment, item.Path, $"{Capital(Describe(zone))} has a target ({target}) but no achieved level (SL-A), so nobody knows whether the target is met; assess the zone and record achievedLevel.");
            }

            if (zone.CapabilityLevel is { } capability)
            {
                foreach (SecurityLevelGap gap in capability.CompareWithTarget(target).Shortfalls)
                {
                    Add(ValidationRules.CapabilityBelowTarget, $"{item.Path}.capabilityLevel", $"The systems of {Describe(zone)} can reach at most SL {(int)gap.Actual} for {Fr(gap.Requirement)} against a target of SL {(int)gap.Target} (a gap of {Levels(gap.Shortfall)}); only compensating countermeasures can close it.");
                }
            }
        }

        private static string Fr(FoundationalRequirement fr) => $"{fr.GetLabel()} {fr.GetFullName().ToLowerInvariant()} ({fr.GetAbbreviation()})";

        private void CheckLegacy(Item<Zone> item)
        {
            Zone zone = item.Value;
            if (zone.TargetLevel is not { } target || target.Max < SecurityLevel.SL2 || zone.CompensatingControls.Any(static c => !string.IsNullOrWhiteSpace(c)))
            {
                return;
            }

            foreach (Item<Asset> asset in MembersOf(zone).Distinct())
            {
                if (asset.Value.IsLegacy(_model.EvaluationDate))
                {
                    OperatingSystemInfo os = asset.Value.OperatingSystem!;
                    Add(ValidationRules.LegacyWithoutCompensation, asset.Path, $"{Describe(asset.Value)} runs {os}, out of support since {os.EndOfSupport:yyyy-MM-dd}, in {Describe(zone)} whose target is {target}, and the zone lists no compensating control; record the controls that protect it (for example application allow-listing, a host firewall, no internet, USB locked) or plan its replacement.");
                }
            }
        }

        private void CheckZoneWireless(Item<Zone> item)
        {
            Zone zone = item.Value;
            bool safety = IsSafetyZone(zone);
            if (zone.WirelessPresent)
            {
                if (zone.AirGapped)
                {
                    Add(ValidationRules.AirGapWireless, item.Path, $"{Capital(Describe(zone))} is declared air-gapped but has a wireless network present (wirelessPresent); a radio link crosses any air gap.");
                }

                if (safety)
                {
                    Add(ValidationRules.WirelessIntoSafetyZone, item.Path, $"{Capital(Describe(zone))} holds a safety function and has a wireless network present; anyone in radio range can reach the safety system — remove the wireless network from the safety zone.");
                }
            }

            foreach (Item<Asset> asset in MembersOf(zone).Distinct().Where(static a => a.Value.Kind == AssetKind.WirelessAccessPoint))
            {
                if (zone.AirGapped)
                {
                    Add(ValidationRules.AirGapWireless, asset.Path, $"Wireless access point {Describe(asset.Value)} sits in {Describe(zone)}, which is declared air-gapped; the access point is a path into the zone.");
                }

                if (safety)
                {
                    Add(ValidationRules.WirelessIntoSafetyZone, asset.Path, $"Wireless access point {Describe(asset.Value)} sits in safety {Describe(zone)}; move it out of the safety zone.");
                }
            }
        }

        private void CheckWindows(EquatableArray<WeeklyWindow> windows, string path, string what)
        {
            for (int i = 0; i < windows.Count; i++)
            {
                WeeklyWindow? window = windows[i];
                if (window is null)
                {
                    Add(ValidationRules.NullEntry, $"{path}[{i}]", $"Entry {i} of {path} is empty (null); remove it or fill it in.");
                }
                else if (window.Days.IsEmpty)
                {
                    Add(ValidationRules.WindowNeverOpens, $"{path}[{i}]", $"{Capital(what)} ({window.Start:HH\\:mm}–{window.End:HH\\:mm}) lists no days, so it never opens; list the days it applies to.");
                }
            }
        }

        private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
