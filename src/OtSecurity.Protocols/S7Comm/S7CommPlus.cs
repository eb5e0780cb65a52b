using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>S7comm-plus opcodes (first octet of the data part).</summary>
public enum S7CommPlusOpcode : byte
{
    /// <summary>Response (second form).</summary>
    Response2 = 0x02,

    /// <summary>Request.</summary>
    Request = 0x31,

    /// <summary>Response.</summary>
    Response = 0x32,

    /// <summary>Notification.</summary>
    Notification = 0x33,
}

/// <summary>S7comm-plus function codes of requests and responses.</summary>
public enum S7CommPlusFunction : ushort
{
    /// <summary>Explore.</summary>
    Explore = 0x04BB,

    /// <summary>CreateObject (session setup).</summary>
    CreateObject = 0x04CA,

    /// <summary>DeleteObject (session end).</summary>
    DeleteObject = 0x04D4,

    /// <summary>SetVariable.</summary>
    SetVariable = 0x04F2,

    /// <summary>GetLink.</summary>
    GetLink = 0x0524,

    /// <summary>SetMultiVariables.</summary>
    SetMultiVariables = 0x0542,

    /// <summary>GetMultiVariables.</summary>
    GetMultiVariables = 0x054C,

    /// <summary>BeginSequence.</summary>
    BeginSequence = 0x0556,

    /// <summary>EndSequence.</summary>
    EndSequence = 0x0560,

    /// <summary>Invoke.</summary>
    Invoke = 0x056B,

    /// <summary>GetVarSubStreamed.</summary>
    GetVarSubStreamed = 0x0586,
}

/// <summary>
/// A view over an S7comm-plus PDU (protocol id 0x72, S7-1200/1500): version, data length, and where present
/// the opcode and function. Only the framing is interpreted: the object model inside is not.
/// </summary>
public readonly ref struct S7CommPlusPdu
{
    /// <summary>The S7comm-plus protocol id.</summary>
    public const byte ProtocolIdValue = 0x72;

    private S7CommPlusPdu(byte version, ReadOnlySpan<byte> data, int opcodeOffset)
    {
        ProtocolVersion = version;
        Data = data;
        OpcodeOffset = opcodeOffset;
    }

    /// <summary>Protocol version: 1, 2, 3, 0xFE (extended keep-alive) or 0xFF (keep-alive).</summary>
    public byte ProtocolVersion { get; }

    /// <summary>The data part the header's length announces.</summary>
    public ReadOnlySpan<byte> Data { get; }

    private int OpcodeOffset { get; }

    /// <summary>True when the data part has an opcode (not a keep-alive).</summary>
    public bool HasOpcode => OpcodeOffset >= 0 && OpcodeOffset < Data.Length;

    /// <summary>The opcode; check <see cref="HasOpcode"/>.</summary>
    public S7CommPlusOpcode Opcode => HasOpcode ? (S7CommPlusOpcode)Data[OpcodeOffset] : default;

    /// <summary>True when a function code follows the opcode (requests and responses).</summary>
    public bool HasFunction => HasOpcode && Opcode is S7CommPlusOpcode.Request or S7CommPlusOpcode.Response or S7CommPlusOpcode.Response2 && Data.Length >= OpcodeOffset + 5;

    /// <summary>The function code; check <see cref="HasFunction"/>.</summary>
    public ushort Function => HasFunction ? BinaryPrimitives.ReadUInt16BigEndian(Data.Slice(OpcodeOffset + 3)) : (ushort)0;

    /// <summary>Reads an S7comm-plus PDU (header, data and, when present, the 4-octet trailer 0x72 version 00 00).</summary>
    /// <param name="source">COTP user data.</param>
    /// <param name="pdu">The PDU.</param>
    /// <param name="bytesConsumed">Header + data (+ trailer).</param>
    /// <param name="error">Reason on InvalidData.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out S7CommPlusPdu pdu, out int bytesConsumed, out ProtocolError error)
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
            error = S7CommErrors.Make(S7CommError.S7ProtocolId, "S7comm-plus protocol id is not 0x72", 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length < 4)
        {
            return OperationStatus.NeedMoreData;
        }

        byte version = source[1];
        if (version is not (1 or 2 or 3 or 0xFE or 0xFF))
        {
            error = S7CommErrors.Make(S7CommError.S7CommPlusHeader, "S7comm-plus version is not 1, 2, 3, 0xFE or 0xFF", 1);
            return OperationStatus.InvalidData;
        }

        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2));
        if (source.Length < 4 + dataLength)
        {
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> data = source.Slice(4, dataLength);
        int opcodeOffset = -1;
        if (version is 1 or 2)
        {
            opcodeOffset = 0;
        }
        else if (version == 3)
        {
            // V3 starts the data with an integrity part: digest length (32) and the digest.
            if (data.Length >= 1 && data[0] == 32)
            {
                opcodeOffset = 33;
            }
            else if (!data.IsEmpty)
            {
                error = S7CommErrors.Make(S7CommError.S7CommPlusHeader, "S7comm-plus V3 data does not start with a 32-octet integrity digest", 4);
                return OperationStatus.InvalidData;
            }
        }

        int consumed = 4 + dataLength;
        if (source.Length - consumed >= 4 && source[consumed] == ProtocolIdValue && source[consumed + 1] == version)
        {
            consumed += 4;
        }

        pdu = new S7CommPlusPdu(version, data, opcodeOffset);
        bytesConsumed = consumed;
        return OperationStatus.Done;
    }

    /// <summary>Writes a PDU: header, data, trailer.</summary>
    /// <param name="version">Protocol version.</param>
    /// <param name="data">Data part (opcode first for V1/V2).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">8 + data length.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(byte version, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, ushort.MaxValue);
        bytesWritten = 0;
        if (destination.Length < 8 + data.Length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = ProtocolIdValue;
        destination[1] = version;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)data.Length);
        data.CopyTo(destination.Slice(4));
        destination[4 + data.Length] = ProtocolIdValue;
        destination[5 + data.Length] = version;
        destination[6 + data.Length] = 0;
        destination[7 + data.Length] = 0;
        bytesWritten = 8 + data.Length;
        return OperationStatus.Done;
    }
}
