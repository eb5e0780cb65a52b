namespace OtSecurity.Model.Conduits;

/// <summary>The physical or logical channel a conduit uses.</summary>
public enum ChannelKind
{
    /// <summary>A permanent wired network connection.</summary>
    Wired = 0,

    /// <summary>A wireless link (Wi-Fi, wireless bridge, cellular).</summary>
    Wireless,

    /// <summary>Removable media carried between the zones (USB drives, laptops' disks, DVDs).</summary>
    RemovableMedia,

    /// <summary>A vendor's remote-access path (VPN, remote desktop, remote support tool, modem).</summary>
    VendorRemoteAccess,

    /// <summary>A temporary connection (a laptop plugged in for commissioning, a monitoring link left in place).</summary>
    TemporaryConnection,
}
