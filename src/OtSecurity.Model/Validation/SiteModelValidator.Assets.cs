using System.Net;
using OtSecurity.Model.Assets;

namespace OtSecurity.Model.Validation;

public static partial class SiteModelValidator
{
    private sealed partial class Run
    {
        public void CheckAssets()
        {
            var byAddress = new Dictionary<IPAddress, Item<Asset>>();
            foreach (Item<Asset> item in _assets)
            {
                Asset asset = item.Value;
                if (asset.ProductionLineId is { } line && !_lineById.ContainsKey(line))
                {
                    Add(ValidationRules.UnknownReference, $"{item.Path}.productionLineId", $"{Describe(asset)} serves production line '{line}', but the site has no production line with that id.");
                }

                if (asset.Kind == AssetKind.SafetyController && asset.SafetyRole == SafetyRole.None)
                {
                    Add(ValidationRules.SafetyControllerWithoutRole, $"{item.Path}.safetyRole", $"{Describe(asset)} is a safety controller but its safety role is none, so the safety checks and the response engine do not protect it; set safetyRole (usually safetyInstrumentedFunction).");
                }

                for (int i = 0; i < asset.Interfaces.Count; i++)
                {
                    AssetNetworkInterface? nic = asset.Interfaces[i];
                    string path = $"{item.Path}.interfaces[{i}]";
                    if (nic is null)
                    {
                        Add(ValidationRules.NullEntry, path, $"Interface {i} of {Describe(asset)} is empty (null); remove it or fill it in.");
                        continue;
                    }

                    if (nic.Vlan is { } vlan && vlan is < 1 or > 4094)
                    {
                        Add(ValidationRules.VlanOutOfRange, $"{path}.vlan", $"Interface {i} of {Describe(asset)} is in VLAN {vlan}, but IEEE 802.1Q VLAN ids run from 1 to 4094.");
                    }

                    if (nic.IpAddress is { } address)
                    {
                        if (byAddress.TryGetValue(address, out Item<Asset> owner))
                        {
                            if (owner.Index != item.Index)
                            {
                                Add(ValidationRules.DuplicateIpAddress, $"{path}.ipAddress", $"{Describe(asset)} has IP address {address}, which {Describe(owner.Value)} also has; traffic cannot be attributed to the right asset — correct one of them (or, for a redundant pair, give each its own address).");
                            }
                        }
                        else
                        {
                            byAddress.Add(address, item);
                        }
                    }
                }
            }
        }
    }
}
