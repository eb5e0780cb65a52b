namespace OtSecurity.Protocols.Modbus;

/// <summary>The size and quantity limits of the Modbus specifications, in one place.</summary>
public static class ModbusLimits
{
    /// <summary>Maximum PDU size: 253 bytes (Application Protocol §4.1, inherited from the 256-byte serial ADU).</summary>
    public const int MaxPduLength = 253;

    /// <summary>MBAP header size: transaction id, protocol id, length, unit id (TCP Implementation Guide §3.1.3).</summary>
    public const int MbapHeaderLength = 7;

    /// <summary>Minimum MBAP length field: unit id plus function code.</summary>
    public const int MinMbapLength = 2;

    /// <summary>Maximum MBAP length field: unit id plus a 253-byte PDU.</summary>
    public const int MaxMbapLength = MaxPduLength + 1;

    /// <summary>Maximum Modbus/TCP ADU: 7-byte MBAP header plus a 253-byte PDU (260 bytes).</summary>
    public const int MaxTcpAduLength = MbapHeaderLength + MaxPduLength;

    /// <summary>Maximum RTU frame: address, 253-byte PDU, CRC (256 bytes; Serial Line §2.5.1).</summary>
    public const int MaxRtuFrameLength = 1 + MaxPduLength + 2;

    /// <summary>Minimum RTU frame: address, function code, CRC.</summary>
    public const int MinRtuFrameLength = 4;

    /// <summary>Maximum ASCII frame: ':' + 2 × (address, 253-byte PDU, LRC) + CR LF (513 characters; Serial Line §2.5.2).</summary>
    public const int MaxAsciiFrameLength = 1 + (2 * (1 + MaxPduLength + 1)) + 2;

    /// <summary>Quantity of coils or discrete inputs per read: 1..2000 (§6.1, §6.2).</summary>
    public const int MaxReadBits = 2000;

    /// <summary>Quantity of registers per read: 1..125 (§6.3, §6.4, §6.17 read part).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Quantity of coils per write: 1..1968 (§6.11).</summary>
    public const int MaxWriteCoils = 1968;

    /// <summary>Quantity of registers per write: 1..123 (§6.12).</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>Quantity of registers written by Read/Write Multiple Registers: 1..121 (§6.17).</summary>
    public const int MaxReadWriteWriteRegisters = 121;

    /// <summary>Maximum FIFO count of Read FIFO Queue: 31 (§6.18).</summary>
    public const int MaxFifoCount = 31;

    /// <summary>Maximum record number of a file record: 9999, 0x270F (§6.14).</summary>
    public const int MaxRecordNumber = 0x270F;

    /// <summary>File record reference type: always 6 (§6.14).</summary>
    public const byte FileReferenceType = 6;

    /// <summary>Maximum number of event bytes in a Get Comm Event Log response: 64 (§6.10).</summary>
    public const int MaxCommEvents = 64;

    /// <summary>Write Single Coil value for ON (§6.5).</summary>
    public const ushort CoilOn = 0xFF00;

    /// <summary>Write Single Coil value for OFF (§6.5).</summary>
    public const ushort CoilOff = 0x0000;
}
