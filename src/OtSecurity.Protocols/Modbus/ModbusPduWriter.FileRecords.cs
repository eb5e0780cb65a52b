using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

public static partial class ModbusPduWriter
{
    /// <summary>Encoded length of a Read File Record request with <paramref name="subRequestCount"/> sub-requests.</summary>
    /// <param name="subRequestCount">Number of sub-requests.</param>
    /// <returns>The PDU length.</returns>
    public static int GetReadFileRecordRequestLength(int subRequestCount) => 2 + (ModbusPduValidator.FileSubRequestLength * subRequestCount);

    /// <summary>Writes a Read File Record request (§6.14) from its sub-requests.</summary>
    /// <param name="subRequests">1..35 sub-requests.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteReadFileRecordRequest(ReadOnlySpan<ModbusFileRecordReference> subRequests, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(GetReadFileRecordRequestLength(subRequests.Length), nameof(subRequests));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.ReadFileRecord;
        destination[1] = (byte)(length - 2);
        int at = 2;
        foreach (ModbusFileRecordReference sub in subRequests)
        {
            destination[at] = ModbusLimits.FileReferenceType;
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 1)..], sub.FileNumber);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 3)..], sub.RecordNumber);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 5)..], sub.RecordLength);
            at += ModbusPduValidator.FileSubRequestLength;
        }

        return Finish(destination, length, request: true, ModbusMessageKind.ReadFileRecordRequest, nameof(subRequests), out bytesWritten);
    }

    /// <summary>Encoded length of a Read File Record request view.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadFileRecordRequest message) => 2 + message.EncodedSubRequests.Length;

    /// <summary>Writes a Read File Record request (§6.14) from a view (for example one that was read).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadFileRecordRequest message, Span<byte> destination, out int bytesWritten) =>
        WriteLengthPrefixed(ModbusFunctionCode.ReadFileRecord, message.EncodedSubRequests, request: true, ModbusMessageKind.ReadFileRecordRequest, destination, out bytesWritten);

    /// <summary>Encoded length of a Read File Record response view.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadFileRecordResponse message) => 2 + message.EncodedSubResponses.Length;

    /// <summary>Writes a Read File Record response (§6.14) from a view; build a new one with <see cref="ModbusReadFileRecordResponseBuilder"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadFileRecordResponse message, Span<byte> destination, out int bytesWritten) =>
        WriteLengthPrefixed(ModbusFunctionCode.ReadFileRecord, message.EncodedSubResponses, request: false, ModbusMessageKind.ReadFileRecordResponse, destination, out bytesWritten);

    /// <summary>Encoded length of a Write File Record request or response view.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusWriteFileRecord message) => 2 + message.EncodedSubRequests.Length;

    /// <summary>Writes a Write File Record request or its echo (§6.15) from a view; build a new one with <see cref="ModbusWriteFileRecordBuilder"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusWriteFileRecord message, Span<byte> destination, out int bytesWritten) =>
        WriteLengthPrefixed(ModbusFunctionCode.WriteFileRecord, message.EncodedSubRequests, request: true, ModbusMessageKind.WriteFileRecord, destination, out bytesWritten);

    private static OperationStatus WriteLengthPrefixed(ModbusFunctionCode function, ReadOnlySpan<byte> body, bool request, ModbusMessageKind kind, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(2 + body.Length, "message");
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)function;
        destination[1] = (byte)body.Length;
        body.CopyTo(destination[2..]);
        return Finish(destination, length, request, kind, "message", out bytesWritten);
    }

    /// <summary>Validates a PDU a builder assembled (shared by the builders).</summary>
    internal static OperationStatus FinishBuilt(Span<byte> destination, int length, bool request, ModbusMessageKind kind, out int bytesWritten) =>
        Finish(destination, length, request, kind, "builder", out bytesWritten);
}

/// <summary>
/// Builds a Read File Record response (§6.14) in place: add one sub-response per sub-request, then finish.
/// </summary>
public ref struct ModbusReadFileRecordResponseBuilder
{
    private readonly Span<byte> _destination;
    private int _length;
    private bool _tooSmall;

    /// <summary>Starts a response in <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the PDU is written.</param>
    public ModbusReadFileRecordResponseBuilder(Span<byte> destination)
    {
        _destination = destination;
        _length = 2;
        _tooSmall = destination.Length < 2;
    }

    /// <summary>Adds the registers read for one sub-request.</summary>
    /// <param name="registerBytes">Big-endian values, 2 × N bytes, N ≥ 1.</param>
    /// <returns>Done, or DestinationTooSmall (the builder then fails to finish).</returns>
    public OperationStatus Add(scoped ReadOnlySpan<byte> registerBytes)
    {
        if (registerBytes.IsEmpty || (registerBytes.Length & 1) != 0 || registerBytes.Length > ModbusLimits.MaxPduLength)
        {
            throw new ArgumentException("A file record sub-response holds a whole, non-zero number of 16-bit registers.", nameof(registerBytes));
        }

        int needed = 2 + registerBytes.Length;
        if (_tooSmall || _length + needed > _destination.Length)
        {
            _tooSmall = true;
            return OperationStatus.DestinationTooSmall;
        }

        _destination[_length] = (byte)(1 + registerBytes.Length);
        _destination[_length + 1] = ModbusLimits.FileReferenceType;
        registerBytes.CopyTo(_destination[(_length + 2)..]);
        _length += needed;
        return OperationStatus.Done;
    }

    /// <summary>Writes the header and validates the PDU.</summary>
    /// <param name="bytesWritten">PDU length.</param>
    /// <returns>Done, or DestinationTooSmall when an <see cref="Add"/> did not fit.</returns>
    public readonly OperationStatus TryFinish(out int bytesWritten)
    {
        if (_tooSmall)
        {
            bytesWritten = 0;
            return OperationStatus.DestinationTooSmall;
        }

        if (_length - 2 > 0xF5)
        {
            throw new InvalidOperationException("The sub-responses exceed the 245-byte response data length of a Read File Record response.");
        }

        _destination[0] = (byte)ModbusFunctionCode.ReadFileRecord;
        _destination[1] = (byte)(_length - 2);
        return ModbusPduWriter.FinishBuilt(_destination, _length, request: false, ModbusMessageKind.ReadFileRecordResponse, out bytesWritten);
    }
}

/// <summary>
/// Builds a Write File Record request, or its echo (§6.15), in place: add one sub-request per record, then finish.
/// </summary>
public ref struct ModbusWriteFileRecordBuilder
{
    private readonly Span<byte> _destination;
    private int _length;
    private bool _tooSmall;

    /// <summary>Starts a message in <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the PDU is written.</param>
    public ModbusWriteFileRecordBuilder(Span<byte> destination)
    {
        _destination = destination;
        _length = 2;
        _tooSmall = destination.Length < 2;
    }

    /// <summary>Adds one sub-request.</summary>
    /// <param name="fileNumber">File number, 1..65535.</param>
    /// <param name="recordNumber">Starting record number, 0..9999.</param>
    /// <param name="registerBytes">Big-endian values, 2 × N bytes, N ≥ 1.</param>
    /// <returns>Done, or DestinationTooSmall (the builder then fails to finish).</returns>
    public OperationStatus Add(ushort fileNumber, ushort recordNumber, scoped ReadOnlySpan<byte> registerBytes)
    {
        if (registerBytes.IsEmpty || (registerBytes.Length & 1) != 0 || registerBytes.Length > ModbusLimits.MaxPduLength)
        {
            throw new ArgumentException("A file record sub-request holds a whole, non-zero number of 16-bit registers.", nameof(registerBytes));
        }

        int needed = ModbusPduValidator.FileSubRequestLength + registerBytes.Length;
        if (_tooSmall || _length + needed > _destination.Length)
        {
            _tooSmall = true;
            return OperationStatus.DestinationTooSmall;
        }

        Span<byte> s = _destination[_length..];
        s[0] = ModbusLimits.FileReferenceType;
        BinaryPrimitives.WriteUInt16BigEndian(s[1..], fileNumber);
        BinaryPrimitives.WriteUInt16BigEndian(s[3..], recordNumber);
        BinaryPrimitives.WriteUInt16BigEndian(s[5..], (ushort)(registerBytes.Length / 2));
        registerBytes.CopyTo(s[ModbusPduValidator.FileSubRequestLength..]);
        _length += needed;
        return OperationStatus.Done;
    }

    /// <summary>Writes the header and validates the PDU.</summary>
    /// <param name="bytesWritten">PDU length.</param>
    /// <returns>Done, or DestinationTooSmall when an <see cref="Add"/> did not fit.</returns>
    public readonly OperationStatus TryFinish(out int bytesWritten)
    {
        if (_tooSmall)
        {
            bytesWritten = 0;
            return OperationStatus.DestinationTooSmall;
        }

        if (_length - 2 > 0xFB)
        {
            throw new InvalidOperationException("The sub-requests exceed the 251-byte request data length of a Write File Record request.");
        }

        _destination[0] = (byte)ModbusFunctionCode.WriteFileRecord;
        _destination[1] = (byte)(_length - 2);
        return ModbusPduWriter.FinishBuilt(_destination, _length, request: true, ModbusMessageKind.WriteFileRecord, out bytesWritten);
    }
}
