using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// A Modbus RTU frame (MODBUS over Serial Line V1.02 §2.5.1): address, PDU, CRC-16 low byte first. Also the framing
/// of "RTU over TCP" (RTU frames carried unchanged in a TCP stream, as serial gateways do).
/// </summary>
/// <remarks>
/// On a serial line a frame ends with 3.5 character times of silence, which neither a capture nor a TCP stream keeps.
/// This reader therefore derives the frame length from the function code and byte counts (for requests and for
/// responses: the layouts differ) and checks the CRC there. Layouts that do not carry their length (user-defined and
/// unknown codes, Diagnostics Return Query Data, CANopen General Reference) are delimited by the first position where
/// the CRC matches and the PDU is valid. When the direction is unknown both layouts are tried and the CRC decides;
/// a false match needs a 16-bit CRC collision.
/// </remarks>
public readonly ref struct ModbusRtuFrame
{
    private ModbusRtuFrame(byte address, ModbusPdu pdu, ushort crc)
    {
        Address = address;
        Pdu = pdu;
        Crc = crc;
    }

    /// <summary>Server address: 0 broadcast, 1..247 a server (Serial Line §2.2).</summary>
    public byte Address { get; }

    /// <summary>The validated PDU.</summary>
    public ModbusPdu Pdu { get; }

    /// <summary>The CRC as sent.</summary>
    public ushort Crc { get; }

    /// <summary>Reads one frame, telling request from response by structure and CRC.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The frame length, on Done; 0 otherwise.</param>
    /// <returns>Done, NeedMoreData or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out ModbusRtuFrame frame, out int bytesConsumed) =>
        TryRead(source, ModbusDirection.Unknown, out frame, out bytesConsumed, out _);

    /// <summary>Reads one frame.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="direction">Request, response, or unknown (both layouts are tried; the CRC decides).</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The frame length, on Done; 0 otherwise.</param>
    /// <param name="error">Why, on InvalidData (offsets count from the address byte).</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid frame) or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, ModbusDirection direction, out ModbusRtuFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        error = default;
        if (source.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        // Serial Line §2.2: addresses 248..255 are reserved.
        if (source[0] >= 248)
        {
            error = ModbusErrors.Create(ModbusError.ReservedServerAddress, 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length > ModbusLimits.MaxRtuFrameLength)
        {
            source = source[..ModbusLimits.MaxRtuFrameLength];
        }

        bool exceptionBit = source.Length > 1 && source[1] >= 0x80;
        if (direction == ModbusDirection.Request || (direction == ModbusDirection.Unknown && !exceptionBit))
        {
            OperationStatus asRequest = Evaluate(source, request: true, out int requestLength, out ProtocolError requestError);
            if (direction == ModbusDirection.Request)
            {
                return Complete(source, asRequest, requestLength, ModbusDirection.Request, requestError, out frame, out bytesConsumed, out error);
            }

            OperationStatus asResponse = Evaluate(source, request: false, out int responseLength, out ProtocolError responseError);
            if (asRequest == OperationStatus.Done && (asResponse != OperationStatus.Done || requestLength <= responseLength))
            {
                return Complete(source, asRequest, requestLength, ModbusDirection.Request, requestError, out frame, out bytesConsumed, out error);
            }

            if (asResponse == OperationStatus.Done || asResponse == OperationStatus.NeedMoreData || asRequest == OperationStatus.InvalidData)
            {
                if (asResponse == OperationStatus.InvalidData && asRequest == OperationStatus.InvalidData && requestError.Offset >= responseError.Offset)
                {
                    error = requestError;
                    return OperationStatus.InvalidData;
                }

                return Complete(source, asResponse, responseLength, ModbusDirection.Response, responseError, out frame, out bytesConsumed, out error);
            }

            return OperationStatus.NeedMoreData;
        }

        OperationStatus status = Evaluate(source, request: false, out int length, out ProtocolError evaluateError);
        return Complete(source, status, length, ModbusDirection.Response, evaluateError, out frame, out bytesConsumed, out error);
    }

    /// <summary>
    /// Reads a frame whose extent is already known: a serial driver that delimits frames by the 3.5-character silence
    /// (Serial Line §2.5.1.1) hands over exactly one frame. The CRC is checked over the whole input.
    /// </summary>
    /// <param name="frameBytes">Exactly one frame: address, PDU, CRC.</param>
    /// <param name="direction">Request, response, or unknown (inferred from the PDU's structure).</param>
    /// <param name="frame">The frame, when valid.</param>
    /// <param name="error">Why, when invalid (offsets count from the address byte).</param>
    /// <returns>True when the frame is valid.</returns>
    public static bool TryReadDelimited(ReadOnlySpan<byte> frameBytes, ModbusDirection direction, out ModbusRtuFrame frame, out ProtocolError error)
    {
        frame = default;
        if (frameBytes.Length < ModbusLimits.MinRtuFrameLength)
        {
            error = ModbusErrors.Create(ModbusError.FrameTooShort, frameBytes.Length);
            return false;
        }

        if (frameBytes.Length > ModbusLimits.MaxRtuFrameLength)
        {
            error = ModbusErrors.Create(ModbusError.FrameTooLong, ModbusLimits.MaxRtuFrameLength);
            return false;
        }

        if (frameBytes[0] >= 248)
        {
            error = ModbusErrors.Create(ModbusError.ReservedServerAddress, 0);
            return false;
        }

        int pduLength = frameBytes.Length - 3;
        if (ModbusChecksums.ComputeCrc(frameBytes[..(1 + pduLength)]) != BinaryPrimitives.ReadUInt16LittleEndian(frameBytes[(1 + pduLength)..]))
        {
            error = ModbusErrors.Create(ModbusError.CrcMismatch, 1 + pduLength);
            return false;
        }

        if (!ModbusPdu.TryRead(frameBytes.Slice(1, pduLength), direction, out ModbusPdu pdu, out ProtocolError pduError))
        {
            error = pduError with { Offset = pduError.Offset + 1 };
            return false;
        }

        frame = new ModbusRtuFrame(frameBytes[0], pdu, BinaryPrimitives.ReadUInt16LittleEndian(frameBytes[(1 + pduLength)..]));
        error = default;
        return true;
    }

    private static OperationStatus Complete(ReadOnlySpan<byte> source, OperationStatus status, int length, ModbusDirection direction, ProtocolError evaluateError, out ModbusRtuFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        error = default;
        if (status == OperationStatus.InvalidData)
        {
            error = evaluateError;
        }

        if (status != OperationStatus.Done)
        {
            return status;
        }

        // Evaluate validated the PDU already; reading it again only builds the view.
        ModbusPdu.TryRead(source.Slice(1, length - 3), direction, out ModbusPdu pdu);
        frame = new ModbusRtuFrame(source[0], pdu, BinaryPrimitives.ReadUInt16LittleEndian(source[(length - 2)..]));
        bytesConsumed = length;
        return OperationStatus.Done;
    }

    /// <summary>Finds the frame length for one direction: Done with the length of a frame whose CRC and PDU are valid.</summary>
    private static OperationStatus Evaluate(ReadOnlySpan<byte> source, bool request, out int frameLength, out ProtocolError error)
    {
        frameLength = 0;
        error = default;
        PduLengthStatus status = ModbusPduLength.Get(source[1..], request, out int pduLength, out ModbusError lengthError);
        switch (status)
        {
            case PduLengthStatus.NeedMoreData:
                return OperationStatus.NeedMoreData;
            case PduLengthStatus.Invalid:
                error = ModbusErrors.Create(lengthError, 1);
                return OperationStatus.InvalidData;
            case PduLengthStatus.Known:
                int total = 1 + pduLength + 2;
                if (source.Length < total)
                {
                    return OperationStatus.NeedMoreData;
                }

                // Serial Line §2.5.1.2: the CRC covers address and PDU and is sent low byte first.
                if (ModbusChecksums.ComputeCrc(source[..(1 + pduLength)]) != BinaryPrimitives.ReadUInt16LittleEndian(source[(1 + pduLength)..]))
                {
                    error = ModbusErrors.Create(ModbusError.CrcMismatch, 1 + pduLength);
                    return OperationStatus.InvalidData;
                }

                if (!ModbusPdu.TryRead(source.Slice(1, pduLength), request ? ModbusDirection.Request : ModbusDirection.Response, out _, out ProtocolError pduError))
                {
                    error = pduError with { Offset = pduError.Offset + 1 };
                    return OperationStatus.InvalidData;
                }

                frameLength = total;
                return OperationStatus.Done;
            default:
                return ScanForCrc(source, request, out frameLength, out error);
        }
    }

    /// <summary>Delimits a layout without a length by the first CRC match over a valid PDU.</summary>
    private static OperationStatus ScanForCrc(ReadOnlySpan<byte> source, bool request, out int frameLength, out ProtocolError error)
    {
        frameLength = 0;
        error = default;
        ushort crc = 0xFFFF;
        int maxPdu = Math.Min(ModbusLimits.MaxPduLength, source.Length - 3);
        crc = ModbusChecksums.ComputeCrcContinue(crc, source[..1]);
        for (int pduLength = 1; pduLength <= maxPdu; pduLength++)
        {
            crc = ModbusChecksums.ComputeCrcContinue(crc, source.Slice(pduLength, 1));
            if (crc == BinaryPrimitives.ReadUInt16LittleEndian(source[(1 + pduLength)..])
                && ModbusPdu.TryRead(source.Slice(1, pduLength), request ? ModbusDirection.Request : ModbusDirection.Response, out _))
            {
                frameLength = 1 + pduLength + 2;
                return OperationStatus.Done;
            }
        }

        if (source.Length < ModbusLimits.MaxRtuFrameLength)
        {
            return OperationStatus.NeedMoreData;
        }

        error = ModbusErrors.Create(ModbusError.FrameTooLong, ModbusLimits.MaxRtuFrameLength - 1);
        return OperationStatus.InvalidData;
    }

    /// <summary>The frame length for a PDU of <paramref name="pduLength"/> bytes: address + PDU + CRC.</summary>
    /// <param name="pduLength">1..253.</param>
    /// <returns>The frame length.</returns>
    public static int GetEncodedLength(int pduLength) => 1 + pduLength + 2;

    /// <summary>Writes a frame: address, <paramref name="pdu"/>, CRC low byte first.</summary>
    /// <param name="address">0 (broadcast) or 1..247.</param>
    /// <param name="pdu">The PDU bytes, 1..253 (written with <see cref="ModbusPduWriter"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
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

        destination[0] = address;
        pdu.CopyTo(destination[1..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[(1 + pdu.Length)..], ModbusChecksums.ComputeCrc(destination[..(1 + pdu.Length)]));
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
