using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>The 24-octet encapsulation header without its length (CIP Vol. 2, 2-3.1); the length comes from the data written after it.</summary>
/// <param name="Command">Command (a value of <see cref="EncapsulationCommand"/> or a legacy/reserved value).</param>
/// <param name="SessionHandle">Session handle (0 before RegisterSession and for ListIdentity/ListServices/ListInterfaces).</param>
/// <param name="Status">Status (0 in requests).</param>
/// <param name="SenderContext">Sender context: 8 octets echoed by the target, read little-endian.</param>
/// <param name="Options">Options (0; a receiver discards packets with other values).</param>
public readonly record struct EncapsulationHeader(ushort Command, uint SessionHandle, uint Status, ulong SenderContext, uint Options);

/// <summary>A view over one encapsulation packet (CIP Vol. 2, 2-3): header and command-specific data.</summary>
public readonly ref struct EncapsulationFrame
{
    internal EncapsulationFrame(EncapsulationHeader header, ReadOnlySpan<byte> data)
    {
        Header = header;
        Data = data;
    }

    /// <summary>The header fields.</summary>
    public EncapsulationHeader Header { get; }

    /// <summary>The command.</summary>
    public EncapsulationCommand Command => (EncapsulationCommand)Header.Command;

    /// <summary>The length field: octets of <see cref="Data"/>.</summary>
    public int Length => Data.Length;

    /// <summary>The session handle.</summary>
    public uint SessionHandle => Header.SessionHandle;

    /// <summary>The status.</summary>
    public EncapsulationStatus Status => (EncapsulationStatus)Header.Status;

    /// <summary>The sender context.</summary>
    public ulong SenderContext => Header.SenderContext;

    /// <summary>The options.</summary>
    public uint Options => Header.Options;

    /// <summary>The command-specific data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>RegisterSession: the protocol version (1).</summary>
    public ushort ProtocolVersion => Command == EncapsulationCommand.RegisterSession && Data.Length == 4 ? BinaryPrimitives.ReadUInt16LittleEndian(Data) : (ushort)0;

    /// <summary>RegisterSession: the options flags (0).</summary>
    public ushort OptionFlags => Command == EncapsulationCommand.RegisterSession && Data.Length == 4 ? BinaryPrimitives.ReadUInt16LittleEndian(Data[2..]) : (ushort)0;

    /// <summary>True for SendRRData and SendUnitData that carry data.</summary>
    public bool HasCipTransport => Command is EncapsulationCommand.SendRRData or EncapsulationCommand.SendUnitData && Data.Length >= Encapsulation.TransportHeaderLength;

    /// <summary>SendRRData/SendUnitData: the interface handle (0 for CIP).</summary>
    public uint InterfaceHandle => HasCipTransport ? BinaryPrimitives.ReadUInt32LittleEndian(Data) : 0;

    /// <summary>SendRRData/SendUnitData: the timeout in seconds (0 for SendUnitData).</summary>
    public ushort Timeout => HasCipTransport ? BinaryPrimitives.ReadUInt16LittleEndian(Data[4..]) : (ushort)0;

    /// <summary>The common packet format of SendRRData/SendUnitData and of ListIdentity/ListServices/ListInterfaces replies, validated by the reader.</summary>
    /// <param name="cpf">The common packet format.</param>
    /// <returns>False when this command carries none.</returns>
    public bool TryGetCommonPacketFormat(out CommonPacketFormat cpf)
    {
        cpf = default;
        switch (Command)
        {
            case EncapsulationCommand.SendRRData:
            case EncapsulationCommand.SendUnitData:
                return HasCipTransport && CommonPacketFormat.TryRead(Data[Encapsulation.TransportHeaderLength..], out cpf, out _);
            case EncapsulationCommand.ListIdentity:
            case EncapsulationCommand.ListServices:
            case EncapsulationCommand.ListInterfaces:
                return !Data.IsEmpty && CommonPacketFormat.TryRead(Data, out cpf, out _);
            default:
                return false;
        }
    }
}

/// <summary>Reads and writes EtherNet/IP encapsulation packets (CIP Vol. 2, chapter 2).</summary>
public static class Encapsulation
{
    /// <summary>Size of the encapsulation header.</summary>
    public const int HeaderLength = 24;

    /// <summary>The largest data length: 65535 minus the header (Vol. 2, 2-3.1).</summary>
    public const int MaximumDataLength = ushort.MaxValue - HeaderLength;

    /// <summary>The largest packet: the header and 65511 octets of data (Vol. 2, 2-3.1).</summary>
    public const int MaximumPacketLength = HeaderLength + MaximumDataLength;

    /// <summary>Interface handle and timeout that precede the common packet format of SendRRData/SendUnitData.</summary>
    public const int TransportHeaderLength = 6;

    /// <summary>The EtherNet/IP TCP and UDP port for explicit messaging.</summary>
    public const int DefaultPort = 44818;

    /// <summary>The UDP port for implicit (I/O) messaging.</summary>
    public const int ImplicitIoPort = 2222;

    /// <summary>True for the commands Vol. 2 defines.</summary>
    /// <param name="command">The command.</param>
    /// <returns>Whether it is defined.</returns>
    public static bool IsDefined(ushort command) => (EncapsulationCommand)command is EncapsulationCommand.Nop or EncapsulationCommand.ListServices
        or EncapsulationCommand.ListIdentity or EncapsulationCommand.ListInterfaces or EncapsulationCommand.RegisterSession
        or EncapsulationCommand.UnRegisterSession or EncapsulationCommand.SendRRData or EncapsulationCommand.SendUnitData
        or EncapsulationCommand.IndicateStatus or EncapsulationCommand.Cancel or EncapsulationCommand.StartDtls;

    /// <summary>Reads one encapsulation packet from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="frame">The packet on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">24 plus the length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out EncapsulationFrame frame, out int bytesConsumed) =>
        TryRead(source, out frame, out bytesConsumed, out _);

    /// <summary>Reads one encapsulation packet from the start of <paramref name="source"/>, with the reason on failure.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="frame">The packet on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">24 plus the length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <param name="error">Why the bytes are invalid (offset relative to <paramref name="source"/>).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out EncapsulationFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        error = default;
        if (source.Length < 4)
        {
            return OperationStatus.NeedMoreData;
        }

        // Vol. 2, 2-3.1: the length counts the octets after the 24-octet header, at most 65511.
        int length = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]);
        if (length > MaximumDataLength)
        {
            error = EnipErrors.Create(EnipError.EncapsulationLengthTooLarge, "encapsulation length exceeds 65511", 2);
            return OperationStatus.InvalidData;
        }

        if (source.Length < HeaderLength + length)
        {
            return OperationStatus.NeedMoreData;
        }

        var header = new EncapsulationHeader(
            BinaryPrimitives.ReadUInt16LittleEndian(source),
            BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[12..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[20..]));
        ReadOnlySpan<byte> data = source.Slice(HeaderLength, length);
        if (!TryValidateData(header, data, out error))
        {
            error = EnipErrors.Shift(error, HeaderLength);
            return OperationStatus.InvalidData;
        }

        frame = new EncapsulationFrame(header, data);
        bytesConsumed = HeaderLength + length;
        return OperationStatus.Done;
    }

    /// <summary>Reads one encapsulation packet from the start of a byte sequence (a pipe's buffer).</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">Where a packet that spans segments is copied (see <see cref="TryRead(in ReadOnlySequence{byte}, Span{byte}, out EncapsulationFrame, out int, out ProtocolError)"/>).</param>
    /// <param name="frame">The packet on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">24 plus the length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The packet spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out EncapsulationFrame frame, out int bytesConsumed) =>
        TryRead(source, scratch, out frame, out bytesConsumed, out _);

    /// <summary>
    /// Reads one encapsulation packet from the start of a byte sequence (a pipe's buffer), with the reason on failure:
    /// the result is the one <see cref="TryRead(ReadOnlySpan{byte}, out EncapsulationFrame, out int, out ProtocolError)"/>
    /// gives for the same bytes made contiguous. A packet that lies within the first segment is viewed in place (nothing
    /// is copied); a packet that spans segments is copied into <paramref name="scratch"/> and viewed there.
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">
    /// Where a packet that spans segments is copied: at least as long as the packet (or as the bytes of it that are
    /// available); <see cref="MaximumPacketLength"/> octets always suffice. It may be empty when every packet lies within one segment.
    /// </param>
    /// <param name="frame">The packet (a view into <paramref name="source"/>'s first segment or into <paramref name="scratch"/>) on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">24 plus the length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <param name="error">Why the bytes are invalid (offset relative to <paramref name="source"/>).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The packet spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out EncapsulationFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        // Fast path: a packet, or an error, within the first segment. NeedMoreData there only says the packet goes on.
        OperationStatus status = TryRead(source.FirstSpan, out frame, out bytesConsumed, out error);
        if (status != OperationStatus.NeedMoreData || source.IsSingleSegment)
        {
            return status;
        }

        // Vol. 2, 2-3.1: the length (read across segments, at most 65511) gives the packet's length.
        Span<byte> head = stackalloc byte[4];
        int available = (int)Math.Min(source.Length, head.Length);
        source.Slice(0, available).CopyTo(head);
        status = TryRead(head[..available], out EncapsulationFrame _, out _, out error);
        if (status != OperationStatus.NeedMoreData || available < head.Length)
        {
            return status;
        }

        int length = (int)Math.Min(source.Length, HeaderLength + BinaryPrimitives.ReadUInt16LittleEndian(head[2..]));
        return TryRead(Framing.SequenceScratch.Copy(source, length, scratch, MaximumPacketLength), out frame, out bytesConsumed, out error);
    }

    /// <summary>Checks the command-specific data of <paramref name="header"/>'s command.</summary>
    /// <param name="header">The header.</param>
    /// <param name="data">The command-specific data.</param>
    /// <param name="error">Why it is invalid (offset relative to <paramref name="data"/>).</param>
    /// <returns>True when valid.</returns>
    public static bool TryValidateData(in EncapsulationHeader header, ReadOnlySpan<byte> data, out ProtocolError error)
    {
        error = default;
        switch ((EncapsulationCommand)header.Command)
        {
            // 2-4.4: protocol version and options flags.
            case EncapsulationCommand.RegisterSession:
                if (data.Length != 4)
                {
                    error = EnipErrors.Create(EnipError.CommandDataInvalid, "RegisterSession data is not 4 octets", 0);
                    return false;
                }

                return true;

            // 2-4.5: no data.
            case EncapsulationCommand.UnRegisterSession:
                if (!data.IsEmpty)
                {
                    error = EnipErrors.Create(EnipError.CommandDataInvalid, "UnRegisterSession carries data", 0);
                    return false;
                }

                return true;

            // 2-4.2, 2-4.3, 2-4.6: requests carry nothing, replies a common packet format.
            case EncapsulationCommand.ListIdentity:
            case EncapsulationCommand.ListServices:
            case EncapsulationCommand.ListInterfaces:
                return data.IsEmpty || CommonPacketFormat.TryRead(data, out _, out error);

            // 2-4.7, 2-4.8: interface handle, timeout, then a common packet format with an address and a data item.
            // A reply with a non-zero status may carry no data.
            case EncapsulationCommand.SendRRData:
            case EncapsulationCommand.SendUnitData:
                if (data.IsEmpty && header.Status != 0)
                {
                    return true;
                }

                if (data.Length < TransportHeaderLength)
                {
                    error = EnipErrors.Create(EnipError.CommandDataInvalid, "SendRRData/SendUnitData data is shorter than interface handle and timeout", 0);
                    return false;
                }

                if (!CommonPacketFormat.TryRead(data[TransportHeaderLength..], out CommonPacketFormat cpf, out error))
                {
                    error = EnipErrors.Shift(error, TransportHeaderLength);
                    return false;
                }

                if (cpf.ItemCount < 2)
                {
                    error = EnipErrors.Create(EnipError.CpfItemsMissing, "SendRRData/SendUnitData needs an address item and a data item", TransportHeaderLength);
                    return false;
                }

                return true;

            default:
                return true;
        }
    }

    /// <summary>Octets of a packet with <paramref name="dataLength"/> octets of data.</summary>
    /// <param name="dataLength">The data length.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(int dataLength) => HeaderLength + dataLength;

    /// <summary>Writes an encapsulation packet.</summary>
    /// <param name="header">The header.</param>
    /// <param name="data">The command-specific data.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The data is longer than 65511 octets or invalid for the command.</exception>
    public static OperationStatus TryWrite(in EncapsulationHeader header, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (data.Length > MaximumDataLength)
        {
            throw new ArgumentException("Encapsulation data is at most 65511 octets.", nameof(data));
        }

        if (!TryValidateData(header, data, out _))
        {
            throw new ArgumentException("The data is not valid for the command (CIP Vol. 2, 2-4).", nameof(data));
        }

        bytesWritten = 0;
        int length = HeaderLength + data.Length;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(header, data.Length, destination);
        data.CopyTo(destination[HeaderLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes a RegisterSession packet (request: session 0; reply: the assigned session).</summary>
    /// <param name="header">The header (command is replaced by RegisterSession).</param>
    /// <param name="protocolVersion">Protocol version (1).</param>
    /// <param name="optionFlags">Options flags (0).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (28).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteRegisterSession(in EncapsulationHeader header, ushort protocolVersion, ushort optionFlags, Span<byte> destination, out int bytesWritten)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(data, protocolVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(data[2..], optionFlags);
        return TryWrite(header with { Command = (ushort)EncapsulationCommand.RegisterSession }, data, destination, out bytesWritten);
    }

    /// <summary>Writes SendRRData or SendUnitData around a common packet format.</summary>
    /// <param name="header">The header (command SendRRData or SendUnitData).</param>
    /// <param name="interfaceHandle">Interface handle (0 for CIP).</param>
    /// <param name="timeout">Timeout in seconds (0 for SendUnitData).</param>
    /// <param name="commonPacketFormat">The encoded common packet format (see <see cref="CpfWriter"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">Not SendRRData/SendUnitData, or the common packet format is invalid or too long.</exception>
    public static OperationStatus TryWriteTransport(in EncapsulationHeader header, uint interfaceHandle, ushort timeout, ReadOnlySpan<byte> commonPacketFormat, Span<byte> destination, out int bytesWritten)
    {
        if ((EncapsulationCommand)header.Command is not (EncapsulationCommand.SendRRData or EncapsulationCommand.SendUnitData))
        {
            throw new ArgumentException("Use SendRRData or SendUnitData.", nameof(header));
        }

        int dataLength = TransportHeaderLength + commonPacketFormat.Length;
        if (dataLength > MaximumDataLength)
        {
            throw new ArgumentException("Encapsulation data is at most 65511 octets.", nameof(commonPacketFormat));
        }

        bytesWritten = 0;
        if (destination.Length < HeaderLength + dataLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        Span<byte> data = destination.Slice(HeaderLength, dataLength);
        BinaryPrimitives.WriteUInt32LittleEndian(data, interfaceHandle);
        BinaryPrimitives.WriteUInt16LittleEndian(data[4..], timeout);
        commonPacketFormat.CopyTo(data[TransportHeaderLength..]);
        if (!TryValidateData(header, data, out _))
        {
            throw new ArgumentException("The common packet format is invalid or lacks an address and a data item.", nameof(commonPacketFormat));
        }

        WriteHeader(header, dataLength, destination);
        bytesWritten = HeaderLength + dataLength;
        return OperationStatus.Done;
    }

    private static void WriteHeader(in EncapsulationHeader header, int length, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, header.Command);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], header.SessionHandle);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], header.Status);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[12..], header.SenderContext);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], header.Options);
    }
}
