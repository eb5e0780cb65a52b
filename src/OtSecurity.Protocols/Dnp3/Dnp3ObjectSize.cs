namespace OtSecurity.Protocols.Dnp3;

/// <summary>How the size of one object of a group and variation is known.</summary>
public enum Dnp3ObjectSizeKind : byte
{
    /// <summary>Not known from the group and variation: objects are walkable only with a size prefix.</summary>
    Unknown = 0,

    /// <summary>A fixed number of octets per object.</summary>
    Octets,

    /// <summary>A fixed number of bits per object, objects packed LSB first (groups 1, 3, 10, 12 variation 3, 80).</summary>
    PackedBits,

    /// <summary>The objects carry no data (group 60 class objects).</summary>
    Empty,

    /// <summary>A device attribute (group 0): a data type octet, a length octet and that many value octets.</summary>
    DeviceAttribute,
}

/// <summary>The size of one object: its kind and the number of octets or bits.</summary>
/// <param name="Kind">How the size is known.</param>
/// <param name="Value">Octets (for <see cref="Dnp3ObjectSizeKind.Octets"/>) or bits (for <see cref="Dnp3ObjectSizeKind.PackedBits"/>); otherwise 0.</param>
public readonly record struct Dnp3ObjectSize(Dnp3ObjectSizeKind Kind, int Value)
{
    /// <summary>True unless the kind is <see cref="Dnp3ObjectSizeKind.Unknown"/>.</summary>
    public bool IsKnown => Kind != Dnp3ObjectSizeKind.Unknown;

    /// <summary>The size of each object of a group and variation, from the IEEE 1815-2012 object library.</summary>
    /// <param name="group">The group.</param>
    /// <param name="variation">The variation (not 0).</param>
    /// <returns>The size, or an unknown size for variable-length or unlisted objects.</returns>
    public static Dnp3ObjectSize Of(byte group, byte variation)
    {
        int octets = OctetsOf(group, variation);
        if (octets > 0)
        {
            return new Dnp3ObjectSize(Dnp3ObjectSizeKind.Octets, octets);
        }

        return (group, variation) switch
        {
            (1, 1) or (10, 1) or (12, 3) or (80, 1) => new Dnp3ObjectSize(Dnp3ObjectSizeKind.PackedBits, 1),
            (3, 1) => new Dnp3ObjectSize(Dnp3ObjectSizeKind.PackedBits, 2),
            (60, >= 1 and <= 4) => new Dnp3ObjectSize(Dnp3ObjectSizeKind.Empty, 0),
            (0, _) when variation != 0 => new Dnp3ObjectSize(Dnp3ObjectSizeKind.DeviceAttribute, 0),
            _ => default,
        };
    }

    private static int OctetsOf(byte group, byte variation) => group switch
    {
        // Binary inputs and events: flags, 48-bit absolute time, 16-bit relative time.
        1 => variation == 2 ? 1 : 0,
        2 or 4 => variation switch { 1 => 1, 2 => 7, 3 => 3, _ => 0 },
        3 => variation == 2 ? 1 : 0,

        // Binary outputs: status, events, CROB (11 octets), pattern control block.
        10 => variation == 2 ? 1 : 0,
        11 or 13 => variation switch { 1 => 1, 2 => 7, _ => 0 },
        12 => variation is 1 or 2 ? 11 : 0,

        // Counters: 32/16-bit with flag, delta, without flag; frozen and events add a 48-bit time.
        20 => variation switch { 1 or 3 => 5, 2 or 4 => 3, 5 or 7 => 4, 6 or 8 => 2, _ => 0 },
        21 => variation switch { 1 or 3 => 5, 2 or 4 => 3, 5 or 7 => 11, 6 or 8 => 9, 9 or 11 => 4, 10 or 12 => 2, _ => 0 },
        22 or 23 => variation switch { 1 or 3 => 5, 2 or 4 => 3, 5 or 7 => 11, 6 or 8 => 9, _ => 0 },

        // Analog inputs: 32/16-bit, single and double float, with or without flag and time.
        30 => variation switch { 1 or 5 => 5, 2 => 3, 3 => 4, 4 => 2, 6 => 9, _ => 0 },
        31 => variation switch { 1 or 7 => 5, 2 => 3, 3 => 11, 4 => 9, 5 => 4, 6 => 2, 8 => 9, _ => 0 },
        32 or 33 or 42 or 43 => variation switch { 1 or 5 => 5, 2 => 3, 3 or 7 => 11, 4 or 6 => 9, 8 => 15, _ => 0 },
        34 => variation switch { 1 => 2, 2 or 3 => 4, _ => 0 },

        // Analog outputs: status and command blocks (value plus status/flag octet).
        40 or 41 => variation switch { 1 or 3 => 5, 2 => 3, 4 => 9, _ => 0 },

        // Time: absolute time, time and interval, last recorded time, indexed time and long interval.
        50 => variation switch { 1 or 3 => 6, 2 => 10, 4 => 11, _ => 0 },
        51 => variation is 1 or 2 ? 6 : 0,
        52 => variation is 1 or 2 ? 2 : 0,

        // Numeric formats.
        101 => variation switch { 1 => 2, 2 => 4, 3 => 8, _ => 0 },
        102 => variation == 1 ? 1 : 0,

        // Octet strings and virtual terminal blocks: the variation is the length.
        110 or 111 or 112 or 113 => variation,

        // Secure Authentication: aggressive mode request (CSQ + user), session key status request (user).
        120 => variation switch { 3 => 6, 4 => 2, _ => 0 },

        // Security statistics: flags, association id, 32-bit count (+ 48-bit time for events).
        121 => variation == 1 ? 7 : 0,
        122 => variation switch { 1 => 7, 2 => 13, _ => 0 },
        _ => 0,
    };
}
