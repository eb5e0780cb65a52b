using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>
/// A view over one S7comm PDU (protocol id 0x32): the header (ROSCTR, redundancy id, PDU reference, parameter
/// and data lengths, and for ack/ack-data the error class and code), the parameter part and the data part.
/// S7comm has no public specification; the layout is the one documented by the Wireshark and Snap7 projects.
/// </summary>
public readonly ref struct S7Pdu
{
    /// <summary>The S7comm protocol id.</summary>
    public const byte ProtocolIdValue = 0x32;

    /// <summary>Header length of job and userdata PDUs.</summary>
    public const int ShortHeaderLength = 10;

    /// <summary>Header length of ack and ack-data PDUs (with error class and code).</summary>
    public const int LongHeaderLength = 12;

    /// <summary>
    /// Largest PDU: the negotiated PDU size of setup communication is a 16-bit value, so no PDU is longer
    /// than 65535 octets.
    /// </summary>
    public const int MaximumLength = 65535;

    private S7Pdu(byte rosctr, ushort redundancy, ushort pduReference, byte errorClass, byte errorCode, ReadOnlySpan<byte> parameter, ReadOnlySpan<byte> data)
    {
        RosctrValue = rosctr;
        RedundancyIdentification = redundancy;
        PduReference = pduReference;
        ErrorClass = errorClass;
        ErrorCode = errorCode;
        Parameter = parameter;
        Data = data;
    }

    /// <summary>The ROSCTR byte as sent (1..7).</summary>
    public byte RosctrValue { get; }

    /// <summary>The PDU type.</summary>
    public S7Rosctr Rosctr => (S7Rosctr)RosctrValue;

    /// <summary>Redundancy identification (reserved, usually 0).</summary>
    public ushort RedundancyIdentification { get; }

    /// <summary>PDU reference: pairs a response with its request.</summary>
    public ushort PduReference { get; }

    /// <summary>True for ack and ack-data PDUs, which carry an error class and code.</summary>
    public bool HasErrorFields => RosctrValue is 2 or 3;

    /// <summary>Error class (ack and ack-data).</summary>
    public byte ErrorClass { get; }

    /// <summary>Error code (ack and ack-data).</summary>
    public byte ErrorCode { get; }

    /// <summary>Header length: 12 for ack and ack-data, otherwise 10.</summary>
    public int HeaderLength => HasErrorFields ? LongHeaderLength : ShortHeaderLength;

    /// <summary>The parameter part.</summary>
    public ReadOnlySpan<byte> Parameter { get; }

    /// <summary>The data part.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Total PDU length.</summary>
    public int Length => HeaderLength + Parameter.Length + Data.Length;

    /// <summary>True when the function byte exists: a job or ack-data PDU with a parameter part.</summary>
    public bool HasFunction => RosctrValue is 1 or 3 && !Parameter.IsEmpty;

    /// <summary>The function (first parameter byte) of a job or ack-data PDU; check <see cref="HasFunction"/>.</summary>
    public S7Function Function => HasFunction ? (S7Function)Parameter[0] : default;

    /// <summary>Reads one S7 PDU from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The COTP user data (reassembled).</param>
    /// <param name="pdu">The PDU, on Done.</param>
    /// <param name="bytesConsumed">The PDU length, on Done; otherwise 0.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out S7Pdu pdu, out int bytesConsumed)
        => TryRead(source, out pdu, out bytesConsumed, out _);

    /// <summary>Reads one S7 PDU, with the reason on InvalidData.</summary>
    /// <param name="source">The COTP user data (reassembled).</param>
    /// <param name="pdu">The PDU, on Done.</param>
    /// <param name="bytesConsumed">The PDU length, on Done; otherwise 0.</param>
    /// <param name="error">The reason, on InvalidData.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out S7Pdu pdu, out int bytesConsumed, out ProtocolError error)
    {
        pdu = default;
        bytesConsumed = 0;
        error = default;
        if (source.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        if (source[0] != ProtocolIdValue)
        {
            error = S7CommErrors.Make(S7CommError.S7ProtocolId, "S7 protocol id is not 0x32", 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        byte rosctr = source[1];
        if (rosctr is < 1 or > 7)
        {
            error = S7CommErrors.Make(S7CommError.S7Rosctr, "S7 ROSCTR is outside 1..7", 1);
            return OperationStatus.InvalidData;
        }

        if (source.Length < ShortHeaderLength)
        {
            return OperationStatus.NeedMoreData;
        }

        int headerLength = rosctr is 2 or 3 ? LongHeaderLength : ShortHeaderLength;
        int parameterLength = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(6));
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(8));
        int total = headerLength + parameterLength + dataLength;

        // The negotiated PDU size (setup communication) is 16 bits wide: no PDU exceeds 65535 octets.
        if (total > MaximumLength)
        {
            error = S7CommErrors.Make(S7CommError.S7Length, "S7 header, parameter and data lengths exceed 65535 octets", 6);
            return OperationStatus.InvalidData;
        }

        if (source.Length < total)
        {
            return OperationStatus.NeedMoreData;
        }

        byte errorClass = 0, errorCode = 0;
        if (headerLength == LongHeaderLength)
        {
            errorClass = source[10];
            errorCode = source[11];
        }

        pdu = new S7Pdu(
            rosctr,
            BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2)),
            BinaryPrimitives.ReadUInt16BigEndian(source.Slice(4)),
            errorClass,
            errorCode,
            source.Slice(headerLength, parameterLength),
            source.Slice(headerLength + parameterLength, dataLength));
        bytesConsumed = total;
        return OperationStatus.Done;
    }

    /// <summary>The encoded length of a PDU.</summary>
    /// <param name="rosctr">PDU type.</param>
    /// <param name="parameterLength">Parameter part length.</param>
    /// <param name="dataLength">Data part length.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(S7Rosctr rosctr, int parameterLength, int dataLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterLength);
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        int total = (rosctr is S7Rosctr.Ack or S7Rosctr.AckData ? LongHeaderLength : ShortHeaderLength) + parameterLength + dataLength;
        if (total > MaximumLength)
        {
            throw new ArgumentException("An S7 PDU cannot exceed 65535 octets.", nameof(dataLength));
        }

        return total;
    }

    /// <summary>Writes a PDU.</summary>
    /// <param name="rosctr">PDU type.</param>
    /// <param name="pduReference">PDU reference.</param>
    /// <param name="parameter">Parameter part (see <see cref="S7SetupCommunication"/>, <see cref="S7VariableItemReader"/>, <see cref="S7UserDataParameter"/>).</param>
    /// <param name="data">Data part.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The PDU length on success.</param>
    /// <param name="errorClass">Error class (ack and ack-data only).</param>
    /// <param name="errorCode">Error code (ack and ack-data only).</param>
    /// <param name="redundancyIdentification">Redundancy identification.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(S7Rosctr rosctr, ushort pduReference, ReadOnlySpan<byte> parameter, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten, byte errorClass = 0, byte errorCode = 0, ushort redundancyIdentification = 0)
    {
        int total = GetEncodedLength(rosctr, parameter.Length, data.Length);
        bytesWritten = 0;
        if (destination.Length < total)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = ProtocolIdValue;
        destination[1] = (byte)rosctr;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), redundancyIdentification);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4), pduReference);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(6), (ushort)parameter.Length);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(8), (ushort)data.Length);
        int offset = ShortHeaderLength;
        if (rosctr is S7Rosctr.Ack or S7Rosctr.AckData)
        {
            destination[10] = errorClass;
            destination[11] = errorCode;
            offset = LongHeaderLength;
        }

        parameter.CopyTo(destination.Slice(offset));
        data.CopyTo(destination.Slice(offset + parameter.Length));
        bytesWritten = total;
        return OperationStatus.Done;
    }
}
