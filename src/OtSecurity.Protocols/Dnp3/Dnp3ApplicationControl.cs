namespace OtSecurity.Protocols.Dnp3;

/// <summary>The application control octet (IEEE 1815-2012 §4.2.2.4): FIR, FIN, CON, UNS and a 4-bit sequence number.</summary>
public readonly record struct Dnp3ApplicationControl
{
    /// <summary>FIR: first fragment of a message.</summary>
    public const byte FirstBit = 0x80;

    /// <summary>FIN: final fragment of a message.</summary>
    public const byte FinalBit = 0x40;

    /// <summary>CON: the receiver must confirm this fragment.</summary>
    public const byte ConfirmBit = 0x20;

    /// <summary>UNS: an unsolicited response, or the confirm of one.</summary>
    public const byte UnsolicitedBit = 0x10;

    /// <summary>SEQ: the 4-bit sequence number.</summary>
    public const byte SequenceMask = 0x0F;

    /// <summary>Wraps an application control octet.</summary>
    /// <param name="value">The octet.</param>
    public Dnp3ApplicationControl(byte value) => Value = value;

    /// <summary>Composes an application control octet.</summary>
    /// <param name="isFirst">FIR.</param>
    /// <param name="isFinal">FIN.</param>
    /// <param name="confirm">CON.</param>
    /// <param name="unsolicited">UNS.</param>
    /// <param name="sequence">0..15.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is above 15.</exception>
    public Dnp3ApplicationControl(bool isFirst, bool isFinal, bool confirm, bool unsolicited, byte sequence)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, SequenceMask);
        Value = (byte)((isFirst ? FirstBit : 0) | (isFinal ? FinalBit : 0) | (confirm ? ConfirmBit : 0)
            | (unsolicited ? UnsolicitedBit : 0) | sequence);
    }

    /// <summary>The octet.</summary>
    public byte Value { get; }

    /// <summary>FIR.</summary>
    public bool IsFirst => (Value & FirstBit) != 0;

    /// <summary>FIN.</summary>
    public bool IsFinal => (Value & FinalBit) != 0;

    /// <summary>CON.</summary>
    public bool Confirm => (Value & ConfirmBit) != 0;

    /// <summary>UNS.</summary>
    public bool Unsolicited => (Value & UnsolicitedBit) != 0;

    /// <summary>SEQ (0..15); a response carries the sequence number of the request it answers.</summary>
    public byte Sequence => (byte)(Value & SequenceMask);
}
