namespace OtSecurity.Model.Assets;

/// <summary>How much the plant depends on an asset: the consequence of losing it.</summary>
public enum Criticality
{
    /// <summary>Losing it is an inconvenience; production continues.</summary>
    Low = 0,

    /// <summary>Losing it degrades production or visibility.</summary>
    Medium,

    /// <summary>Losing it stops a production line or a major function.</summary>
    High,

    /// <summary>Losing it stops the site or endangers people or the environment.</summary>
    Critical,
}
