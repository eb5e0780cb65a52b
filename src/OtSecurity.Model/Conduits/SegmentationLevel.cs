namespace OtSecurity.Model.Conduits;

/// <summary>How strongly a conduit separates its two zones, ordered from weakest to strongest.</summary>
public enum SegmentationLevel
{
    /// <summary>No separation: the zones share one flat network.</summary>
    None = 0,

    /// <summary>VLAN separation only (a switch configuration, no traffic filtering).</summary>
    Vlan = 1,

    /// <summary>A firewall between the zones filters traffic.</summary>
    Firewall = 2,

    /// <summary>Data is exchanged through a DMZ: neither zone talks to the other directly.</summary>
    Dmz = 3,

    /// <summary>A complete air gap: no network connection; data moves only by hand.</summary>
    AirGap = 4,
}
