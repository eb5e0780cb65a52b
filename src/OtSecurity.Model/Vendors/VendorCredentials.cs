namespace OtSecurity.Model.Vendors;

/// <summary>Facts about the credentials a vendor uses at the site.</summary>
public sealed record VendorCredentials
{
    /// <summary>True when several people (or the vendor and the plant) share one account.</summary>
    public bool SharedAccount { get; init; }

    /// <summary>True when the vendor's login requires a second factor.</summary>
    public bool MultiFactor { get; init; }

    /// <summary>When the password or key was last changed; null when it has never been changed since it was issued.</summary>
    public DateOnly? LastRotated { get; init; }
}
