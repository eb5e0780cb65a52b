using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>
/// CIP common services (CIP Vol. 1, appendix A, table ). Codes 0x32..0x4A are reserved; 0x4B..0x63 are
/// object-class specific (see <see cref="CipNames.GetServiceName"/>).
/// </summary>
public enum CipService : byte
{
    /// <summary>Get_Attributes_All.</summary>
    GetAttributesAll = 0x01,

    /// <summary>Set_Attributes_All.</summary>
    SetAttributesAll = 0x02,

    /// <summary>Get_Attribute_List.</summary>
    GetAttributeList = 0x03,

    /// <summary>Set_Attribute_List.</summary>
    SetAttributeList = 0x04,

    /// <summary>Reset.</summary>
    Reset = 0x05,

    /// <summary>Start.</summary>
    Start = 0x06,

    /// <summary>Stop.</summary>
    Stop = 0x07,

    /// <summary>Create.</summary>
    Create = 0x08,

    /// <summary>Delete.</summary>
    Delete = 0x09,

    /// <summary>Multiple_Service_Packet.</summary>
    MultipleServicePacket = 0x0A,

    /// <summary>Apply_Attributes.</summary>
    ApplyAttributes = 0x0D,

    /// <summary>Get_Attribute_Single.</summary>
    GetAttributeSingle = 0x0E,

    /// <summary>Set_Attribute_Single.</summary>
    SetAttributeSingle = 0x10,

    /// <summary>Find_Next_Object_Instance.</summary>
    FindNextObjectInstance = 0x11,

    /// <summary>Error_Response (DeviceNet only).</summary>
    ErrorResponse = 0x14,

    /// <summary>Restore.</summary>
    Restore = 0x15,

    /// <summary>Save.</summary>
    Save = 0x16,

    /// <summary>No_Operation.</summary>
    NoOperation = 0x17,

    /// <summary>Get_Member.</summary>
    GetMember = 0x18,

    /// <summary>Set_Member.</summary>
    SetMember = 0x19,

    /// <summary>Insert_Member.</summary>
    InsertMember = 0x1A,

    /// <summary>Remove_Member.</summary>
    RemoveMember = 0x1B,

    /// <summary>GroupSync.</summary>
    GroupSync = 0x1C,

    /// <summary>Get_Connection_Point_Member_List.</summary>
    GetConnectionPointMemberList = 0x1D,
}

/// <summary>A CIP Message Router request (CIP Vol. 1, 2-4.1): service, request path (padded EPATH) and request data.</summary>
public readonly ref struct CipRequest : ICipEncodable
{
    /// <summary>Creates a request view.</summary>
    /// <param name="service">Service code (bit 7 clear).</param>
    /// <param name="path">Padded EPATH (even length, at most 510 octets).</param>
    /// <param name="data">Request data.</param>
    public CipRequest(byte service, ReadOnlySpan<byte> path, ReadOnlySpan<byte> data)
    {
        Service = service;
        Path = path;
        Data = data;
    }

    /// <summary>The service code.</summary>
    public byte Service { get; }

    /// <summary>The request path.</summary>
    public ReadOnlySpan<byte> Path { get; }

    /// <summary>The request data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Octets before <see cref="Data"/>.</summary>
    public int HeaderLength => 2 + Path.Length;

    /// <summary>Summarises <see cref="Path"/>.</summary>
    /// <param name="target">Class, instance, attribute, symbol.</param>
    /// <returns>False when the path is invalid (never for a request read by <see cref="TryRead(ReadOnlySpan{byte}, out CipRequest, out ProtocolError)"/>).</returns>
    public bool TryGetTarget(out CipPathTarget target) => CipPath.TryGetTarget(Path, out target);

    /// <summary>Reads a request that fills <paramref name="message"/>.</summary>
    /// <param name="message">The octets (an unconnected data item, or a connected data item after its sequence count).</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid (offset relative to <paramref name="message"/>).</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> message, out CipRequest request, out ProtocolError error)
    {
        request = default;
        error = default;
        if (message.Length < 2)
        {
            error = EnipErrors.Create(EnipError.CipTruncated, "CIP request is shorter than service and path size", message.Length);
            return false;
        }

        if ((message[0] & Cip.ResponseFlag) != 0)
        {
            error = EnipErrors.Create(EnipError.CipDirectionInvalid, "CIP request has the response bit set", 0);
            return false;
        }

        // 2-4.1: path size in 16-bit words.
        int pathLength = message[1] * 2;
        if (message.Length - 2 < pathLength)
        {
            error = EnipErrors.Create(EnipError.CipPathTruncated, "CIP request path runs past the message", 1);
            return false;
        }

        ReadOnlySpan<byte> path = message.Slice(2, pathLength);
        if (!CipPath.TryValidate(path, out error))
        {
            error = EnipErrors.Shift(error, 2);
            return false;
        }

        request = new CipRequest(message[0], path, message[(2 + pathLength)..]);
        return true;
    }

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => 2 + Path.Length + Data.Length;

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The service has bit 7 set, or the path is odd, longer than 510 octets or invalid.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if ((Service & Cip.ResponseFlag) != 0 || !CipCodec.IsValidPaddedPath(Path))
        {
            throw new ArgumentException("A request has a service below 0x80 and a valid padded path of at most 255 words.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        destination[0] = Service;
        destination[1] = (byte)(Path.Length / 2);
        Path.CopyTo(destination[2..]);
        Data.CopyTo(destination[(2 + Path.Length)..]);
    }
}

/// <summary>A CIP Message Router response (CIP Vol. 1, 2-4.2): reply service, general status, additional status, response data.</summary>
public readonly ref struct CipResponse : ICipEncodable
{
    /// <summary>Creates a response view.</summary>
    /// <param name="service">The service code being answered (bit 7 clear; the reply sets it).</param>
    /// <param name="generalStatus">General status.</param>
    /// <param name="additionalStatus">Additional status words (even length, at most 510 octets).</param>
    /// <param name="data">Response data.</param>
    /// <param name="reserved">The reserved octet (0).</param>
    public CipResponse(byte service, byte generalStatus, ReadOnlySpan<byte> additionalStatus, ReadOnlySpan<byte> data, byte reserved = 0)
    {
        Service = service;
        GeneralStatus = generalStatus;
        AdditionalStatus = additionalStatus;
        Data = data;
        Reserved = reserved;
    }

    /// <summary>The service code without the response bit.</summary>
    public byte Service { get; }

    /// <summary>The reply service octet (service | 0x80).</summary>
    public byte ReplyService => (byte)(Service | Cip.ResponseFlag);

    /// <summary>The reserved octet.</summary>
    public byte Reserved { get; }

    /// <summary>The general status.</summary>
    public byte GeneralStatus { get; }

    /// <summary>True when the general status is not Success.</summary>
    public bool IsError => GeneralStatus != 0;

    /// <summary>The additional status words.</summary>
    public ReadOnlySpan<byte> AdditionalStatus { get; }

    /// <summary>The first additional status word (the extended status), when present.</summary>
    public ushort? ExtendedStatus => AdditionalStatus.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(AdditionalStatus) : null;

    /// <summary>The response data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Reads a response that fills <paramref name="message"/>.</summary>
    /// <param name="message">The octets.</param>
    /// <param name="response">The response.</param>
    /// <param name="error">Why it is invalid (offset relative to <paramref name="message"/>).</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> message, out CipResponse response, out ProtocolError error)
    {
        response = default;
        error = default;
        if (message.Length < 4)
        {
            error = EnipErrors.Create(EnipError.CipTruncated, "CIP response is shorter than its 4-octet header", message.Length);
            return false;
        }

        if ((message[0] & Cip.ResponseFlag) == 0)
        {
            error = EnipErrors.Create(EnipError.CipDirectionInvalid, "CIP response lacks the response bit", 0);
            return false;
        }

        // 2-4.2: additional status size in 16-bit words.
        int statusLength = message[3] * 2;
        if (message.Length - 4 < statusLength)
        {
            error = EnipErrors.Create(EnipError.CipStatusTruncated, "CIP additional status runs past the response", 3);
            return false;
        }

        response = new CipResponse((byte)(message[0] & 0x7F), message[2], message.Slice(4, statusLength), message[(4 + statusLength)..], message[1]);
        return true;
    }

    /// <summary>Octets this response encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => 4 + AdditionalStatus.Length + Data.Length;

    /// <summary>Writes the response.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The service has bit 7 set, or the additional status is odd or longer than 510 octets.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if ((Service & Cip.ResponseFlag) != 0 || !CipCodec.IsWordSized(AdditionalStatus))
        {
            throw new ArgumentException("A response answers a service below 0x80 with at most 255 words of additional status.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        destination[0] = ReplyService;
        destination[1] = Reserved;
        destination[2] = GeneralStatus;
        destination[3] = (byte)(AdditionalStatus.Length / 2);
        AdditionalStatus.CopyTo(destination[4..]);
        Data.CopyTo(destination[(4 + AdditionalStatus.Length)..]);
    }
}

/// <summary>Helpers shared by CIP message readers.</summary>
public static class Cip
{
    /// <summary>The response bit of the service octet.</summary>
    public const byte ResponseFlag = 0x80;

    /// <summary>Class id of the Identity object.</summary>
    public const uint IdentityClass = 0x01;

    /// <summary>Class id of the Message Router object.</summary>
    public const uint MessageRouterClass = 0x02;

    /// <summary>Class id of the Connection Manager object.</summary>
    public const uint ConnectionManagerClass = 0x06;

    /// <summary>Class id of the File object.</summary>
    public const uint FileClass = 0x37;

    /// <summary>Class id of the PCCC object.</summary>
    public const uint PcccClass = 0x67;

    /// <summary>Class id of the Logix Symbol object.</summary>
    public const uint SymbolClass = 0x6B;

    /// <summary>Class id of the Logix Template object.</summary>
    public const uint TemplateClass = 0x6C;

    /// <summary>True when <paramref name="message"/> starts with a response service octet.</summary>
    /// <param name="message">A message router request or response.</param>
    /// <returns>Whether it is a response.</returns>
    public static bool IsResponse(ReadOnlySpan<byte> message) => !message.IsEmpty && (message[0] & ResponseFlag) != 0;
}
