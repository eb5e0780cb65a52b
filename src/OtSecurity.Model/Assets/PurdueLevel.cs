namespace OtSecurity.Model.Assets;

/// <summary>
/// A level of the Purdue reference model (ISA-95 / ISA-99). Values are ten times the level, so levels
/// compare with the usual operators and the DMZ (level 3.5) sits between levels 3 and 4.
/// </summary>
public enum PurdueLevel
{
    /// <summary>Level 0: the physical process (sensors, actuators, drives).</summary>
    Level0 = 0,

    /// <summary>Level 1: basic control (PLCs, RTUs, safety controllers, remote I/O).</summary>
    Level1 = 10,

    /// <summary>Level 2: area supervisory control (HMIs, SCADA servers).</summary>
    Level2 = 20,

    /// <summary>Level 3: site operations (historians, engineering workstations, OPC servers).</summary>
    Level3 = 30,

    /// <summary>Level 3.5: the industrial DMZ between the enterprise and operations.</summary>
    Dmz = 35,

    /// <summary>Level 4: enterprise business systems (site IT).</summary>
    Level4 = 40,

    /// <summary>Level 5: enterprise network and the internet edge.</summary>
    Level5 = 50,
}

/// <summary>Helpers for <see cref="PurdueLevel"/>.</summary>
public static class PurdueLevels
{
    /// <summary>The level as plant engineers write it: "0", "1", "2", "3", "3.5", "4" or "5".</summary>
    /// <param name="level">The level.</param>
    public static string ToDisplayString(this PurdueLevel level) => level switch
    {
        PurdueLevel.Level0 => "0",
        PurdueLevel.Level1 => "1",
        PurdueLevel.Level2 => "2",
        PurdueLevel.Level3 => "3",
        PurdueLevel.Dmz => "3.5",
        PurdueLevel.Level4 => "4",
        PurdueLevel.Level5 => "5",
        _ => ((int)level / 10.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>True for the enterprise (IT) levels 4 and 5.</summary>
    /// <param name="level">The level.</param>
    public static bool IsEnterprise(this PurdueLevel level) => level >= PurdueLevel.Level4;

    /// <summary>True for the operational-technology levels 0 to 3.</summary>
    /// <param name="level">The level.</param>
    public static bool IsOperational(this PurdueLevel level) => level <= PurdueLevel.Level3;

    /// <summary>True for the control levels 0 to 2 (process, basic control, supervisory control).</summary>
    /// <param name="level">The level.</param>
    public static bool IsControl(this PurdueLevel level) => level <= PurdueLevel.Level2;
}
