using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>
/// A view over one COTP TPDU (ISO 8073 §13): the length indicator, the fixed part of its type, the
/// parameters of the variable part and the user data.
/// </summary>
public readonly ref struct CotpTpdu
{
    internal CotpTpdu(byte lengthIndicator, byte code, ushort destinationReference, ushort sourceReference, byte classOrReason, byte number, bool normalDataFormat, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> userData)
    {
        LengthIndicator = lengthIndicator;
        Code = code;
        DestinationReference = destinationReference;
        SourceReference = sourceReference;
        ClassOrReason = classOrReason;
        NumberByte = number;
        IsNormalDataFormat = normalDataFormat;
        Parameters = parameters;
        UserData = userData;
    }

    /// <summary>The length indicator: header octets after it.</summary>
    public byte LengthIndicator { get; }

    /// <summary>The whole TPDU code byte (type in the high nibble, credit for CR/CC in the low nibble).</summary>
    public byte Code { get; }

    /// <summary>The TPDU type.</summary>
    public CotpPduType PduType => (CotpPduType)(Code & 0xF0);

    /// <summary>The credit (CDT) of a CR or CC.</summary>
    public int Credit => Code & 0x0F;

    /// <summary>Destination reference (all types but class-0 DT).</summary>
    public ushort DestinationReference { get; }

    /// <summary>Source reference (CR, CC, DR, DC).</summary>
    public ushort SourceReference { get; }

    /// <summary>Class and options byte of a CR or CC, reason of a DR, reject cause of an ER.</summary>
    public byte ClassOrReason { get; }

    /// <summary>Protocol class of a CR or CC (0..4).</summary>
    public int ProtocolClass => ClassOrReason >> 4;

    /// <summary>The TPDU-NR/EOT byte of a DT or ED, or the YR-TU-NR of an AK/EA/RJ.</summary>
    public byte NumberByte { get; }

    /// <summary>DT/ED: the TPDU number (7 bits).</summary>
    public int TpduNumber => NumberByte & 0x7F;

    /// <summary>DT/ED: the end-of-TSDU mark: this DT is the last of its TSDU.</summary>
    public bool IsEndOfTransmission => (NumberByte & 0x80) != 0;

    /// <summary>DT: the normal format (classes 2–4, with a destination reference) rather than the class 0/1 format.</summary>
    public bool IsNormalDataFormat { get; }

    /// <summary>The variable part: parameters as code, length, value.</summary>
    public ReadOnlySpan<byte> Parameters { get; }

    /// <summary>The user data after the header.</summary>
    public ReadOnlySpan<byte> UserData { get; }

    /// <summary>Finds a parameter of the variable part.</summary>
    /// <param name="code">The parameter code.</param>
    /// <param name="value">Its value.</param>
    /// <returns>True when present.</returns>
    public bool TryGetParameter(CotpParameterCode code, out ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> p = Parameters;
        while (p.Length >= 2)
        {
            int len = p[1];
            if (p.Length < 2 + len)
            {
                break;
            }

            if (p[0] == (byte)code)
            {
                value = p.Slice(2, len);
                return true;
            }

            p = p.Slice(2 + len);
        }

        value = default;
        return false;
    }

    /// <summary>The calling TSAP (CR/CC), or empty.</summary>
    public ReadOnlySpan<byte> CallingTsap => TryGetParameter(CotpParameterCode.CallingTsap, out var v) ? v : default;

    /// <summary>The called TSAP (CR/CC), or empty.</summary>
    public ReadOnlySpan<byte> CalledTsap => TryGetParameter(CotpParameterCode.CalledTsap, out var v) ? v : default;

    /// <summary>The proposed or accepted maximum TPDU size in octets (from the TPDU-size parameter), or 0 when absent.</summary>
    public int TpduSize => TryGetParameter(CotpParameterCode.TpduSize, out var v) && v.Length == 1 ? 1 << v[0] : 0;
}

/// <summary>The fixed-part fields of a COTP TPDU to write.</summary>
/// <param name="PduType">The TPDU type.</param>
/// <param name="DestinationReference">Destination reference.</param>
/// <param name="SourceReference">Source reference (CR, CC, DR, DC).</param>
/// <param name="ClassOrReason">Class/options of a CR/CC, reason of a DR, reject cause of an ER.</param>
/// <param name="NumberByte">TPDU-NR with the EOT bit (0x80) for DT/ED; YR-TU-NR for AK/EA/RJ.</param>
/// <param name="Credit">Credit of a CR/CC (0..15).</param>
/// <param name="NormalDataFormat">For DT: write the normal format with the destination reference instead of the class 0 format.</param>
public readonly record struct CotpHeader(
    CotpPduType PduType,
    ushort DestinationReference = 0,
    ushort SourceReference = 0,
    byte ClassOrReason = 0,
    byte NumberByte = 0,
    byte Credit = 0,
    bool NormalDataFormat = false)
{
    /// <summary>A class-0 DT header.</summary>
    /// <param name="endOfTransmission">Whether this DT ends its TSDU.</param>
    /// <param name="tpduNumber">TPDU number (0..127).</param>
    /// <returns>The header.</returns>
    public static CotpHeader Data(bool endOfTransmission, byte tpduNumber = 0)
        => new(CotpPduType.Data, NumberByte: (byte)((endOfTransmission ? 0x80 : 0) | (tpduNumber & 0x7F)));
}

/// <summary>Reads and writes COTP TPDUs (ISO 8073 / X.224) as carried in TPKT.</summary>
public static class Cotp
{
    /// <summary>Reads the TPDU that fills <paramref name="source"/> (the payload of one TPKT packet).</summary>
    /// <param name="source">The TPKT payload.</param>
    /// <param name="tpdu">The TPDU, on Done.</param>
    /// <param name="bytesConsumed">The whole source length, on Done.</param>
    /// <param name="error">The reason, on InvalidData.</param>
    /// <returns>Done or InvalidData (a TPKT payload is complete, so never NeedMoreData).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out CotpTpdu tpdu, out int bytesConsumed, out ProtocolError error)
    {
        tpdu = default;
        bytesConsumed = 0;
        error = default;
        if (source.Length < 2)
        {
            error = S7CommErrors.Make(S7CommError.CotpLengthIndicator, "COTP TPDU shorter than its length indicator and code (ISO 8073 §13.2)", 0);
            return OperationStatus.InvalidData;
        }

        int li = source[0];

        // ISO 8073 §13.2.1: LI 255 is reserved; the header (LI + 1 octets) must fit the TPDU.
        if (li == 255 || li + 1 > source.Length)
        {
            error = S7CommErrors.Make(S7CommError.CotpLengthIndicator, "COTP length indicator is 255 or longer than the TPDU (ISO 8073 §13.2.1)", 0);
            return OperationStatus.InvalidData;
        }

        byte code = source[1];
        var type = (CotpPduType)(code & 0xF0);
        int fixedLength;
        switch (type)
        {
            case CotpPduType.ConnectionRequest:
            case CotpPduType.ConnectionConfirm:
            case CotpPduType.DisconnectRequest:
                fixedLength = 6; // §13.3.1, §13.4.1, §13.5.1: code, DST-REF, SRC-REF, class/reason
                break;
            case CotpPduType.DisconnectConfirm:
                fixedLength = 5; // §13.6.1
                break;
            case CotpPduType.Data:
                fixedLength = li == 2 ? 2 : 4; // §13.7.1: class 0/1 format (code, EOT/NR) or normal format (+DST-REF)
                break;
            case CotpPduType.ExpeditedData:
            case CotpPduType.ExpeditedDataAcknowledgement:
            case CotpPduType.DataAcknowledgement:
            case CotpPduType.Reject:
            case CotpPduType.TpduError:
                fixedLength = 4; // §13.8–13.12: code, DST-REF, number or cause
                break;
            default:
                error = S7CommErrors.Make(S7CommError.CotpPduType, "COTP TPDU code is not defined by ISO 8073 §13.1", 1);
                return OperationStatus.InvalidData;
        }

        if (li < fixedLength)
        {
            error = S7CommErrors.Make(S7CommError.CotpLengthIndicator, "COTP length indicator is shorter than the fixed part of its TPDU type (ISO 8073 §13)", 0);
            return OperationStatus.InvalidData;
        }

        ReadOnlySpan<byte> header = source.Slice(0, li + 1);
        ushort dst = 0, src = 0;
        byte classOrReason = 0, number = 0;
        bool normal = false;
        switch (type)
        {
            case CotpPduType.ConnectionRequest:
            case CotpPduType.ConnectionConfirm:
            case CotpPduType.DisconnectRequest:
                dst = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(2));
                src = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(4));
                classOrReason = header[6];
                break;
            case CotpPduType.DisconnectConfirm:
                dst = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(2));
                src = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(4));
                break;
            case CotpPduType.Data when fixedLength == 2:
                number = header[2];
                break;
            case CotpPduType.TpduError:
                dst = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(2));
                classOrReason = header[4];
                break;
            default:
                dst = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(2));
                number = header[4];
                normal = type == CotpPduType.Data;
                break;
        }

        int variableStart = fixedLength + 1;
        ReadOnlySpan<byte> parameters = header.Slice(variableStart);
        if (!ValidateParameters(parameters, variableStart, out error))
        {
            return OperationStatus.InvalidData;
        }

        tpdu = new CotpTpdu((byte)li, code, dst, src, classOrReason, number, normal, parameters, source.Slice(li + 1));
        bytesConsumed = source.Length;
        return OperationStatus.Done;
    }

    private static bool ValidateParameters(ReadOnlySpan<byte> p, int offset, out ProtocolError error)
    {
        error = default;
        int i = 0;
        while (i < p.Length)
        {
            // ISO 8073 §13.2.3: each parameter is code (1), length (1), value.
            if (p.Length - i < 2 || p.Length - i - 2 < p[i + 1])
            {
                error = S7CommErrors.Make(S7CommError.CotpParameter, "COTP parameter overruns the variable part (ISO 8073 §13.2.3)", offset + i);
                return false;
            }

            // ISO 8073 §13.3.4 b): TPDU size is one octet, 7 (128) .. 13 (8192).
            if (p[i] == (byte)CotpParameterCode.TpduSize && (p[i + 1] != 1 || p[i + 2] < 7 || p[i + 2] > 13))
            {
                error = S7CommErrors.Make(S7CommError.CotpParameter, "COTP TPDU size parameter is not one octet in 7..13 (ISO 8073 §13.3.4 b)", offset + i);
                return false;
            }

            i += 2 + p[i + 1];
        }

        return true;
    }

    /// <summary>The fixed-part length (including the code, excluding LI) that <paramref name="header"/> encodes to.</summary>
    private static int FixedLength(in CotpHeader header) => header.PduType switch
    {
        CotpPduType.ConnectionRequest or CotpPduType.ConnectionConfirm or CotpPduType.DisconnectRequest => 6,
        CotpPduType.DisconnectConfirm => 5,
        CotpPduType.Data => header.NormalDataFormat ? 4 : 2,
        CotpPduType.ExpeditedData or CotpPduType.ExpeditedDataAcknowledgement or CotpPduType.DataAcknowledgement or CotpPduType.Reject or CotpPduType.TpduError => 4,
        _ => throw new ArgumentException("Not a COTP TPDU type ISO 8073 defines.", nameof(header)),
    };

    /// <summary>The encoded length of a TPDU.</summary>
    /// <param name="header">Fixed-part fields.</param>
    /// <param name="parameters">Encoded variable part (see <see cref="TryWriteParameter"/>).</param>
    /// <param name="userData">User data.</param>
    /// <returns>The TPDU length.</returns>
    public static int GetEncodedLength(in CotpHeader header, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> userData)
    {
        int li = FixedLength(header) + parameters.Length;
        if (li > 254)
        {
            throw new ArgumentException("The COTP header would exceed 254 octets (ISO 8073 §13.2.1).", nameof(parameters));
        }

        if (header.PduType == CotpPduType.Data && !header.NormalDataFormat && parameters.Length != 0)
        {
            throw new ArgumentException("A class 0 DT has no variable part.", nameof(parameters));
        }

        return 1 + li + userData.Length;
    }

    /// <summary>Writes a TPDU.</summary>
    /// <param name="header">Fixed-part fields.</param>
    /// <param name="parameters">Encoded variable part.</param>
    /// <param name="userData">User data.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in CotpHeader header, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> userData, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(header, parameters, userData);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        int fixedLength = FixedLength(header);
        destination[0] = (byte)(fixedLength + parameters.Length);
        bool connection = header.PduType is CotpPduType.ConnectionRequest or CotpPduType.ConnectionConfirm;
        destination[1] = (byte)((byte)header.PduType | (connection ? header.Credit & 0x0F : 0));
        switch (header.PduType)
        {
            case CotpPduType.ConnectionRequest:
            case CotpPduType.ConnectionConfirm:
            case CotpPduType.DisconnectRequest:
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), header.DestinationReference);
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4), header.SourceReference);
                destination[6] = header.ClassOrReason;
                break;
            case CotpPduType.DisconnectConfirm:
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), header.DestinationReference);
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4), header.SourceReference);
                break;
            case CotpPduType.Data when !header.NormalDataFormat:
                destination[2] = header.NumberByte;
                break;
            case CotpPduType.TpduError:
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), header.DestinationReference);
                destination[4] = header.ClassOrReason;
                break;
            default:
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), header.DestinationReference);
                destination[4] = header.NumberByte;
                break;
        }

        parameters.CopyTo(destination.Slice(1 + fixedLength));
        userData.CopyTo(destination.Slice(1 + fixedLength + parameters.Length));
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes one parameter of the variable part (code, length, value).</summary>
    /// <param name="code">Parameter code.</param>
    /// <param name="value">Value (at most 255 octets).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">2 + value length on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteParameter(CotpParameterCode code, ReadOnlySpan<byte> value, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, 255);
        bytesWritten = 0;
        if (destination.Length < 2 + value.Length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)code;
        destination[1] = (byte)value.Length;
        value.CopyTo(destination.Slice(2));
        bytesWritten = 2 + value.Length;
        return OperationStatus.Done;
    }
}

/// <summary>One TPKT packet with the COTP TPDU it carries (ISO transport over TCP, RFC 1006).</summary>
public readonly ref struct IsoTcpPacket
{
    internal IsoTcpPacket(TpktFrame tpkt, CotpTpdu tpdu)
    {
        Tpkt = tpkt;
        Tpdu = tpdu;
    }

    /// <summary>The TPKT packet.</summary>
    public TpktFrame Tpkt { get; }

    /// <summary>The COTP TPDU.</summary>
    public CotpTpdu Tpdu { get; }
}

/// <summary>Reads and writes TPKT packets carrying COTP TPDUs: the framing of S7comm on TCP port 102.</summary>
public static class IsoTcp
{
    /// <summary>Reads one TPKT packet and its COTP TPDU.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="packet">The packet, on Done.</param>
    /// <param name="bytesConsumed">The TPKT length on Done; otherwise 0.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out IsoTcpPacket packet, out int bytesConsumed)
        => TryRead(source, out packet, out bytesConsumed, out _);

    /// <summary>Reads one TPKT packet and its COTP TPDU, with the reason on InvalidData.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="packet">The packet, on Done.</param>
    /// <param name="bytesConsumed">The TPKT length on Done; otherwise 0.</param>
    /// <param name="error">The reason, on InvalidData (offsets relative to <paramref name="source"/>).</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out IsoTcpPacket packet, out int bytesConsumed, out ProtocolError error)
    {
        packet = default;
        bytesConsumed = 0;
        OperationStatus status = S7Comm.Tpkt.TryRead(source, out TpktFrame tpkt, out int length, out error);
        if (status != OperationStatus.Done)
        {
            // A prefix can only be refused early when the COTP length indicator already says it cannot fit.
            if (status == OperationStatus.NeedMoreData && source.Length >= 5)
            {
                int declared = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2));
                if (source[4] == 255 || source[4] + 1 > declared - Tpkt.HeaderLength)
                {
                    error = S7CommErrors.Make(S7CommError.CotpLengthIndicator, "COTP length indicator is 255 or longer than the TPDU (ISO 8073 §13.2.1)", 4);
                    return OperationStatus.InvalidData;
                }
            }

            return status;
        }

        if (Cotp.TryRead(tpkt.Payload, out CotpTpdu tpdu, out _, out error) != OperationStatus.Done)
        {
            error = error with { Offset = error.Offset + S7Comm.Tpkt.HeaderLength };
            return OperationStatus.InvalidData;
        }

        packet = new IsoTcpPacket(tpkt, tpdu);
        bytesConsumed = length;
        return OperationStatus.Done;
    }

    /// <summary>The encoded length of a packet.</summary>
    /// <param name="header">COTP fixed part.</param>
    /// <param name="parameters">COTP variable part.</param>
    /// <param name="userData">User data.</param>
    /// <returns>TPKT length.</returns>
    public static int GetEncodedLength(in CotpHeader header, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> userData)
        => S7Comm.Tpkt.GetEncodedLength(Cotp.GetEncodedLength(header, parameters, userData));

    /// <summary>Writes a TPKT packet carrying one COTP TPDU.</summary>
    /// <param name="header">COTP fixed part.</param>
    /// <param name="parameters">COTP variable part.</param>
    /// <param name="userData">User data (for S7comm, the S7 PDU in a DT).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in CotpHeader header, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> userData, Span<byte> destination, out int bytesWritten)
    {
        int tpduLength = Cotp.GetEncodedLength(header, parameters, userData);
        int length = S7Comm.Tpkt.GetEncodedLength(tpduLength);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        S7Comm.Tpkt.TryWriteHeader(tpduLength, destination, out _);
        Cotp.TryWrite(header, parameters, userData, destination.Slice(S7Comm.Tpkt.HeaderLength), out _);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
