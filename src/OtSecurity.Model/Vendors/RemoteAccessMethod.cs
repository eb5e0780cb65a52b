namespace OtSecurity.Model.Vendors;

/// <summary>How a vendor reaches the plant remotely.</summary>
public enum RemoteAccessMethod
{
    /// <summary>No remote access: the vendor works on site only.</summary>
    None = 0,

    /// <summary>Through the plant's jump host or remote-access gateway (the recommended path).</summary>
    JumpHost,

    /// <summary>A site-to-site or client VPN straight into the plant network.</summary>
    Vpn,

    /// <summary>Remote desktop straight to a plant computer.</summary>
    DirectRemoteDesktop,

    /// <summary>A remote-support tool installed on a plant computer (TeamViewer, AnyDesk and the like).</summary>
    RemoteSupportTool,

    /// <summary>A vendor cloud service the equipment connects out to.</summary>
    VendorCloud,

    /// <summary>A dial-up or cellular modem attached to the equipment.</summary>
    Modem,
}
