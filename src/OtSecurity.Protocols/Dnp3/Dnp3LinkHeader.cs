namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// The fields of a DNP3 link header (IEEE 1815-2012 §9.2.4.1): LENGTH, CONTROL, DESTINATION and SOURCE.
/// </summary>
public readonly record struct Dnp3LinkHeader
{
    /// <summary>DIR bit of the control octet: set on frames from the master.</summary>
    public const byte DirectionBit = 0x80;

    /// <summary>PRM bit of the control octet: set on frames from the primary (initiating) station.</summary>
    public const byte PrimaryBit = 0x40;

    /// <summary>FCB bit of the control octet (primary frames).</summary>
    public const byte FrameCountBitMask = 0x20;

    /// <summary>FCV bit of the control octet (primary frames), DFC bit on secondary frames.</summary>
    public const byte FrameCountValidOrDataFlowControlMask = 0x10;

    /// <summary>The 4-bit function code of the control octet.</summary>
    public const byte FunctionMask = 0x0F;

    /// <summary>Creates a header.</summary>
    /// <param name="length">The LENGTH field: 5 plus the number of user data octets.</param>
    /// <param name="control">The CONTROL octet.</param>
    /// <param name="destinationAddress">The destination address.</param>
    /// <param name="sourceAddress">The source address.</param>
    public Dnp3LinkHeader(byte length, byte control, ushort destinationAddress, ushort sourceAddress)
    {
        Length = length;
        Control = control;
        DestinationAddress = destinationAddress;
        SourceAddress = sourceAddress;
    }

    /// <summary>The LENGTH field: octets of control, destination, source and user data, CRCs excluded (5..255).</summary>
    public byte Length { get; }

    /// <summary>The CONTROL octet.</summary>
    public byte Control { get; }

    /// <summary>The destination address (0xFFFD–0xFFFF are broadcast addresses, §9.2.4.1.4).</summary>
    public ushort DestinationAddress { get; }

    /// <summary>The source address.</summary>
    public ushort SourceAddress { get; }

    /// <summary>Number of user data octets the frame carries (LENGTH − 5), CRCs excluded.</summary>
    public int UserDataLength => Length - 5;

    /// <summary>DIR: true when the frame was sent by the master.</summary>
    public bool IsFromMaster => (Control & DirectionBit) != 0;

    /// <summary>PRM: true when the frame was sent by the primary (initiating) station.</summary>
    public bool IsPrimary => (Control & PrimaryBit) != 0;

    /// <summary>FCB (primary frames only): the frame count bit.</summary>
    public bool FrameCountBit => IsPrimary && (Control & FrameCountBitMask) != 0;

    /// <summary>FCV (primary frames only): the frame count bit is valid.</summary>
    public bool FrameCountValid => IsPrimary && (Control & FrameCountValidOrDataFlowControlMask) != 0;

    /// <summary>DFC (secondary frames only): data flow control, the secondary's buffers are full.</summary>
    public bool DataFlowControl => !IsPrimary && (Control & FrameCountValidOrDataFlowControlMask) != 0;

    /// <summary>The 4-bit function code; its meaning depends on <see cref="IsPrimary"/>.</summary>
    public byte FunctionCode => (byte)(Control & FunctionMask);

    /// <summary>The function as a primary function (meaningful when <see cref="IsPrimary"/>).</summary>
    public Dnp3PrimaryFunction PrimaryFunction => (Dnp3PrimaryFunction)FunctionCode;

    /// <summary>The function as a secondary function (meaningful when <see cref="IsPrimary"/> is false).</summary>
    public Dnp3SecondaryFunction SecondaryFunction => (Dnp3SecondaryFunction)FunctionCode;

    /// <summary>True when the frame carries application data (a primary CONFIRMED_USER_DATA or UNCONFIRMED_USER_DATA with user data).</summary>
    public bool CarriesUserData => IsPrimary && UserDataLength > 0
        && (PrimaryFunction is Dnp3PrimaryFunction.ConfirmedUserData or Dnp3PrimaryFunction.UnconfirmedUserData);

    /// <summary>Composes a control octet for a primary frame.</summary>
    /// <param name="fromMaster">DIR.</param>
    /// <param name="function">The primary function.</param>
    /// <param name="frameCountBit">FCB.</param>
    /// <param name="frameCountValid">FCV.</param>
    /// <returns>The control octet.</returns>
    public static byte PrimaryControl(bool fromMaster, Dnp3PrimaryFunction function, bool frameCountBit = false, bool frameCountValid = false)
        => (byte)((fromMaster ? DirectionBit : 0) | PrimaryBit | (frameCountBit ? FrameCountBitMask : 0)
            | (frameCountValid ? FrameCountValidOrDataFlowControlMask : 0) | ((byte)function & FunctionMask));

    /// <summary>Composes a control octet for a secondary frame.</summary>
    /// <param name="fromMaster">DIR.</param>
    /// <param name="function">The secondary function.</param>
    /// <param name="dataFlowControl">DFC.</param>
    /// <returns>The control octet.</returns>
    public static byte SecondaryControl(bool fromMaster, Dnp3SecondaryFunction function, bool dataFlowControl = false)
        => (byte)((fromMaster ? DirectionBit : 0) | (dataFlowControl ? FrameCountValidOrDataFlowControlMask : 0) | ((byte)function & FunctionMask));
}
