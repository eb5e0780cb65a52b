namespace OtSecurity.Risk.Exposure;

/// <summary>The kinds of factor an exposure score is made of.</summary>
public enum ExposureFactorKind
{
    /// <summary>Segmentation toward IT and the internet along the weakest conduit path.</summary>
    Segmentation,

    /// <summary>Air-gap erosion: a removable-media channel.</summary>
    RemovableMedia,

    /// <summary>Air-gap erosion: a vendor remote connection.</summary>
    VendorConnection,

    /// <summary>Air-gap erosion: a monitoring (data-out) connection from a zone declared air-gapped.</summary>
    MonitoringConnection,

    /// <summary>Air-gap erosion: a temporary connection.</summary>
    TemporaryConnection,

    /// <summary>Air-gap erosion: wireless.</summary>
    Wireless,

    /// <summary>Vendor access posture: always-on access, shared credentials, credential age, no multi-factor, no session logging.</summary>
    VendorAccessPosture,

    /// <summary>An operating system past its end of support.</summary>
    LegacyOperatingSystem,

    /// <summary>No patch available, or patches only after vendor certification.</summary>
    Patchability,

    /// <summary>A finding observed by monitoring.</summary>
    ObservedFinding,
}

/// <summary>One additive part of an exposure score.</summary>
/// <param name="Kind">The factor kind.</param>
/// <param name="Points">Its contribution in points (the score is the sum, clamped to 0–100).</param>
/// <param name="Description">What it is, in words a plant engineer uses.</param>
/// <param name="Evidence">The model element that shows it (conduit, vendor, asset or finding id).</param>
public sealed record ExposureFactor(ExposureFactorKind Kind, double Points, string Description, string Evidence);
