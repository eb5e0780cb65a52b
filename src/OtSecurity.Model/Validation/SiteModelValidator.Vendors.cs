using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Validation;

public static partial class SiteModelValidator
{
    private sealed partial class Run
    {
        public void CheckVendors()
        {
            foreach (Item<Vendor> item in _vendors)
            {
                Vendor vendor = item.Value;
                string who = Describe(vendor);
                for (int i = 0; i < vendor.AllowedZones.Count; i++)
                {
                    string? zoneId = vendor.AllowedZones[i];
                    string path = $"{item.Path}.allowedZones[{i}]";
                    if (!Usable(zoneId) || !_zoneById.TryGetValue(zoneId!, out Item<Zone> zone))
                    {
                        Add(ValidationRules.UnknownReference, path, $"{Capital(who)} may reach zone '{zoneId}', but the site has no zone with that id.");
                        continue;
                    }

                    if (vendor.HasRemoteAccess && zone.Value.AirGapped)
                    {
                        Add(ValidationRules.AirGapVendorAccess, path, $"{Capital(Describe(zone.Value))} is declared air-gapped, but {who} reaches it remotely ({Method(vendor.RemoteAccess)}).");
                    }
                }

                if (vendor.Credentials is { } credentials)
                {
                    if (credentials.SharedAccount)
                    {
                        Add(ValidationRules.VendorSharedAccount, $"{item.Path}.credentials.sharedAccount", $"{Capital(who)} uses a shared account, so nobody can tell which person did what; issue a named account per technician.");
                    }

                    if (credentials.LastRotated is not { } rotated)
                    {
                        Add(ValidationRules.VendorNeverRotated, $"{item.Path}.credentials.lastRotated", $"The credentials of {who} have never been changed since they were issued; anyone who ever knew them still does — rotate them and record the date.");
                    }
                    else if (rotated < _model.EvaluationDate.AddDays(-365))
                    {
                        Add(ValidationRules.VendorStaleCredentials, $"{item.Path}.credentials.lastRotated", $"The credentials of {who} were last changed on {rotated:yyyy-MM-dd}, more than a year before {_model.EvaluationDate:yyyy-MM-dd}; rotate them.");
                    }
                }

                if (vendor.HasRemoteAccess && vendor.AccessWindows.IsEmpty)
                {
                    Add(ValidationRules.VendorAlwaysOn, $"{item.Path}.accessWindows", $"{Capital(who)} has remote access ({Method(vendor.RemoteAccess)}) with no access window, so the path is open around the clock; agree windows and enable access only inside them.");
                }

                if (vendor.HasRemoteAccess && vendor.AllowedZones.IsEmpty)
                {
                    Add(ValidationRules.VendorNoScope, $"{item.Path}.allowedZones", $"{Capital(who)} has remote access ({Method(vendor.RemoteAccess)}) but no allowed zones, so its scope is undefined and scope creep cannot be detected; list the zones it may reach.");
                }

                CheckWindows(vendor.AccessWindows, $"{item.Path}.accessWindows", $"an access window of {who}");
            }
        }

        private static string Method(RemoteAccessMethod method) => method switch
        {
            RemoteAccessMethod.JumpHost => "through the jump host",
            RemoteAccessMethod.Vpn => "over VPN",
            RemoteAccessMethod.DirectRemoteDesktop => "by direct remote desktop",
            RemoteAccessMethod.RemoteSupportTool => "with a remote-support tool",
            RemoteAccessMethod.VendorCloud => "through the vendor's cloud",
            RemoteAccessMethod.Modem => "by modem",
            _ => method.ToString(),
        };
    }
}
