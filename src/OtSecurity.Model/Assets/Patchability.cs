namespace OtSecurity.Model.Assets;

/// <summary>Whether and how an asset can receive security patches.</summary>
public enum Patchability
{
    /// <summary>Patches can be installed in a maintenance window.</summary>
    Patchable = 0,

    /// <summary>Patches exist but the control-system vendor must certify them first.</summary>
    VendorCertificationRequired,

    /// <summary>No patch is available (end of life, or the vendor does not patch).</summary>
    NoPatchAvailable,
}
