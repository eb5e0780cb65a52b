using System.Buffers;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// A Modbus ASCII frame (MODBUS over Serial Line V1.02 §2.5.2): ':' then address, PDU and LRC as upper-case
/// hexadecimal pairs, then CR and the end delimiter (LF unless changed by Diagnostics sub-function 03).
/// The binary bytes are decoded into a caller-supplied buffer; the view points into it.
/// </summary>
public readonly ref struct ModbusAsciiFrame
{
    /// <summary>The default end delimiter, LF.</summary>
    public const byte DefaultEndDelimiter = (byte)'\n';

    /// <summary>The size a decode buffer needs: address, 253-byte PDU and LRC.</summary>
    public const int DecodeBufferLength = 1 + ModbusLimits.MaxPduLength + 1;

    private ModbusAsciiFrame(byte address, ModbusPdu pdu, byte lrc)
    {
        Address = address;
        Pdu = pdu;
        Lrc = lrc;
    }

    /// <summary>Server address: 0 broadcast, 1..247 a server (Serial Line §2.2).</summary>
    public byte Address { get; }

    /// <summary>The validated PDU (in the decode buffer).</summary>
    public ModbusPdu Pdu { get; }

    /// <summary>The LRC as sent.</summary>
    public byte Lrc { get; }

    /// <summary>Reads one frame ending in CR LF.</summary>
    /// <param name="source">Characters received.</param>
    /// <param name="direction">Request, response, or unknown (inferred from the PDU's structure).</param>
    /// <param name="decodeBuffer">At least <see cref="DecodeBufferLength"/> bytes; the frame's PDU points into it.</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The frame length in characters, on Done; 0 otherwise.</param>
    /// <param name="error">Why, on InvalidData (offsets count characters from the ':').</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid frame) or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, ModbusDirection direction, Span<byte> decodeBuffer, out ModbusAsciiFrame frame, out int bytesConsumed, out ProtocolError error) =>
        TryRead(source, direction, DefaultEndDelimiter, decodeBuffer, out frame, out bytesConsumed, out error);

    /// <summary>Reads one frame ending in CR and <paramref name="endDelimiter"/>.</summary>
    /// <param name="source">Characters received.</param>
    /// <param name="direction">Request, response, or unknown (inferred from the PDU's structure).</param>
    /// <param name="endDelimiter">The character after CR (LF by default; Diagnostics sub-function 03 changes it).</param>
    /// <param name="decodeBuffer">At least <see cref="DecodeBufferLength"/> bytes; the frame's PDU points into it.</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The frame length in characters, on Done; 0 otherwise.</param>
    /// <param name="error">Why, on InvalidData (offsets count characters from the ':').</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid frame) or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, ModbusDirection direction, byte endDelimiter, Span<byte> decodeBuffer, out ModbusAsciiFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        if (decodeBuffer.Length < DecodeBufferLength)
        {
            throw new ArgumentException("The decode buffer must hold at least 255 bytes.", nameof(decodeBuffer));
        }

        frame = default;
        bytesConsumed = 0;
        error = default;
        if (source.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        // §2.5.2.1: a frame starts with ':' (0x3A).
        if (source[0] != (byte)':')
        {
            error = ModbusErrors.Create(ModbusError.InvalidAsciiStart, 0);
            return OperationStatus.InvalidData;
        }

        // At most 2 × 255 hexadecimal characters (address, 253-byte PDU, LRC) before the CR.
        const int maxHex = 2 * DecodeBufferLength;
        int cr = -1;
        for (int i = 1; i < source.Length; i++)
        {
            byte c = source[i];
            if (c == (byte)'\r')
            {
                cr = i;
                break;
            }

            if (HexValue(c) < 0)
            {
                error = ModbusErrors.Create(ModbusError.InvalidAsciiCharacter, i);
                return OperationStatus.InvalidData;
            }

            if (i > maxHex)
            {
                error = ModbusErrors.Create(ModbusError.FrameTooLong, i);
                return OperationStatus.InvalidData;
            }
        }

        if (cr < 0)
        {
            return OperationStatus.NeedMoreData;
        }

        int hexCount = cr - 1;
        if ((hexCount & 1) != 0 || hexCount < 6)
        {
            error = ModbusErrors.Create(ModbusError.InvalidAsciiLength, cr);
            return OperationStatus.InvalidData;
        }

        if (cr + 1 >= source.Length)
        {
            return OperationStatus.NeedMoreData;
        }

        if (source[cr + 1] != endDelimiter)
        {
            error = ModbusErrors.Create(ModbusError.InvalidAsciiEnd, cr + 1);
            return OperationStatus.InvalidData;
        }

        int count = hexCount / 2;
        for (int i = 0; i < count; i++)
        {
            decodeBuffer[i] = (byte)((HexValue(source[1 + (2 * i)]) << 4) | HexValue(source[2 + (2 * i)]));
        }

        // §2.5.2.2: the LRC covers address and PDU, not ':' nor CR LF.
        byte lrc = decodeBuffer[count - 1];
        if (ModbusChecksums.ComputeLrc(decodeBuffer[..(count - 1)]) != lrc)
        {
            error = ModbusErrors.Create(ModbusError.LrcMismatch, cr - 2);
            return OperationStatus.InvalidData;
        }

        if (decodeBuffer[0] >= 248)
        {
            error = ModbusErrors.Create(ModbusError.ReservedServerAddress, 1);
            return OperationStatus.InvalidData;
        }

        if (!ModbusPdu.TryRead(decodeBuffer[1..(count - 1)], direction, out ModbusPdu pdu, out ProtocolError pduError))
        {
            error = pduError with { Offset = 1 + (2 * (1 + pduError.Offset)) };
            return OperationStatus.InvalidData;
        }

        frame = new ModbusAsciiFrame(decodeBuffer[0], pdu, lrc);
        bytesConsumed = cr + 2;
        return OperationStatus.Done;
    }

    /// <summary>The frame length in characters for a PDU of <paramref name="pduLength"/> bytes.</summary>
    /// <param name="pduLength">1..253.</param>
    /// <returns>':' + 2 × (address + PDU + LRC) + CR LF.</returns>
    public static int GetEncodedLength(int pduLength) => 1 + (2 * (pduLength + 2)) + 2;

    /// <summary>Writes a frame ending in CR LF.</summary>
    /// <param name="address">0 (broadcast) or 1..247.</param>
    /// <param name="pdu">The PDU bytes, 1..253 (written with <see cref="ModbusPduWriter"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Characters written.</param>
    /// <returns>Done or DestinationTooSmall (nothing written).</returns>
    public static OperationStatus TryWrite(byte address, ReadOnlySpan<byte> pdu, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (address >= 248)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "Serial-line addresses 248..255 are reserved (Serial Line 2.2).");
        }

        if (pdu.IsEmpty || pdu.Length > ModbusLimits.MaxPduLength)
        {
            throw new ArgumentException("A Modbus PDU is 1..253 bytes.", nameof(pdu));
        }

        int length = GetEncodedLength(pdu.Length);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)':';
        WriteHex(address, destination[1..]);
        byte sum = address;
        for (int i = 0; i < pdu.Length; i++)
        {
            WriteHex(pdu[i], destination[(3 + (2 * i))..]);
            sum += pdu[i];
        }

        WriteHex((byte)-sum, destination[(3 + (2 * pdu.Length))..]);
        destination[length - 2] = (byte)'\r';
        destination[length - 1] = (byte)'\n';
        bytesWritten = length;
        return OperationStatus.Done;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static void WriteHex(byte value, Span<byte> destination)
    {
        const string digits = "0123456789ABCDEF";
        destination[0] = (byte)digits[value >> 4];
        destination[1] = (byte)digits[value & 0xF];
    }
}
