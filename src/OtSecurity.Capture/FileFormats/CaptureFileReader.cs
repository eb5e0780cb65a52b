using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// Streams packet records out of a classic pcap or a pcapng file (the format is detected from the first bytes).
/// Memory is bounded: one read buffer that grows only to the largest record (at most
/// <see cref="CaptureFileReaderOptions.MaxRecordLength"/>), whatever the file size. A truncated or corrupt file
/// delivers every packet before the damage, then throws <see cref="CaptureFormatException"/> naming the byte offset.
/// </summary>
/// <remarks>
/// Synchronous use: <c>while (reader.TryRead(out var packet)) { ... }</c>. Asynchronous use:
/// <c>do { while (reader.TryReadBuffered(out var p)) { ... } } while (await reader.FillBufferAsync(ct));</c>.
/// A <see cref="CapturePacket"/> is valid until the next read or fill. Not thread-safe.
/// </remarks>
public sealed class CaptureFileReader : IDisposable, IAsyncDisposable
{
    // tcpdump.org pcap: magic numbers as read in the file's own byte order.
    private const uint PcapMagicMicro = 0xA1B2C3D4;
    private const uint PcapMagicNano = 0xA1B23C4D;
    private const int PcapFileHeaderLength = 24;
    private const int PcapRecordHeaderLength = 16;

    // pcapng (draft-ietf-opsawg-pcapng §4): block types.
    private const uint BlockSectionHeader = 0x0A0D0D0A;
    private const uint BlockInterfaceDescription = 0x00000001;
    private const uint BlockPacketObsolete = 0x00000002;
    private const uint BlockSimplePacket = 0x00000003;
    private const uint BlockEnhancedPacket = 0x00000006;
    private const uint ByteOrderMagic = 0x1A2B3C4D;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CaptureFileReaderOptions _options;
    private readonly List<CaptureInterface> _interfaces = [];
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _startOffset;     // file offset of _buffer[_start]
    private int _needed;           // bytes needed at _start before the next record can be parsed
    private bool _endOfStream;
    private CaptureFormatException? _fault;

    // Skipping an uninteresting pcapng block without buffering it.
    private long _skipRemaining;
    private long _skipBlockOffset;
    private uint _skipBlockLength;
    private bool _skipCheckTrailer;

    private bool _bigEndian;
    private bool _headerRead;
    private bool _pcapNanoseconds;
    private int _pcapSnapLength;
    private LinkType _pcapLinkType;
    private CaptureTimestamp _lastTimestamp;

    /// <summary>Creates a reader over a stream positioned at the start of a capture.</summary>
    /// <param name="stream">The capture bytes.</param>
    /// <param name="leaveOpen">True to leave the stream open when the reader is disposed.</param>
    /// <param name="options">Buffer limits; <see cref="CaptureFileReaderOptions.Default"/> when null.</param>
    public CaptureFileReader(Stream stream, bool leaveOpen = false, CaptureFileReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _options = options ?? CaptureFileReaderOptions.Default;
        if (_options.BufferSize < 64 || _options.MaxRecordLength < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BufferSize and MaxRecordLength must be at least 64 bytes.");
        }

        _buffer = new byte[Math.Min(_options.BufferSize, _options.MaxRecordLength + 64)];
        _needed = 4;
        try
        {
            Length = stream.CanSeek ? stream.Length - stream.Position : null;
        }
        catch (NotSupportedException)
        {
            Length = null;
        }
    }

    /// <summary>Opens a capture file for reading.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Buffer limits.</param>
    /// <returns>The reader, owning the file.</returns>
    public static CaptureFileReader Open(string path, CaptureFileReaderOptions? options = null)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
        return new CaptureFileReader(stream, leaveOpen: false, options);
    }

    /// <summary>The detected format (<see cref="CaptureFileFormat.Unknown"/> before the first read).</summary>
    public CaptureFileFormat Format { get; private set; }

    /// <summary>The interfaces of the current pcapng section, or the single pcap interface.</summary>
    public IReadOnlyList<CaptureInterface> Interfaces => _interfaces;

    /// <summary>Number of packet records delivered so far.</summary>
    public long PacketCount { get; private set; }

    /// <summary>Byte offset of the next record: how far the file has been read.</summary>
    public long Position => _startOffset;

    /// <summary>The total length of the capture when the stream can tell, for progress reports.</summary>
    public long? Length { get; }

    /// <summary>
    /// Reads the next packet, reading from the stream as needed (blocking).
    /// </summary>
    /// <param name="packet">The packet, valid until the next call.</param>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="CaptureFormatException">The file is truncated or corrupt at the offset named.</exception>
    public bool TryRead(out CapturePacket packet)
    {
        while (!TryReadBuffered(out packet))
        {
            if (!FillBuffer())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the next packet from what is already buffered, without I/O.</summary>
    /// <param name="packet">The packet, valid until the next read or fill.</param>
    /// <returns>False when more bytes must be read first (call <see cref="FillBufferAsync"/> or <see cref="FillBuffer"/>).</returns>
    /// <exception cref="CaptureFormatException">The file is corrupt at the offset named.</exception>
    public bool TryReadBuffered(out CapturePacket packet)
    {
        if (_fault is not null)
        {
            throw _fault;
        }

        try
        {
            while (true)
            {
                if (_skipRemaining > 0 || _skipCheckTrailer)
                {
                    if (!ContinueSkip())
                    {
                        packet = default;
                        return false;
                    }

                    continue;
                }

                var available = _end - _start;
                if (available < _needed)
                {
                    packet = default;
                    return false;
                }

                var result = Format switch
                {
                    CaptureFileFormat.Pcap => ParsePcapRecord(out packet),
                    CaptureFileFormat.PcapNg => ParsePcapNgBlock(out packet),
                    _ => DetectFormat(out packet),
                };
                if (result == Step.Packet)
                {
                    PacketCount++;
                    return true;
                }

                if (result == Step.NeedMore)
                {
                    return false;
                }
            }
        }
        catch (CaptureFormatException ex)
        {
            _fault = ex;
            throw;
        }
    }

    /// <summary>Reads more of the stream into the buffer (blocking).</summary>
    /// <returns>False at the end of the file with nothing left to parse.</returns>
    /// <exception cref="CaptureFormatException">The file ends inside a record.</exception>
    public bool FillBuffer()
    {
        if (!PrepareFill(out var destination))
        {
            return false;
        }

        var read = _stream.Read(destination.Span);
        return CompleteFill(read);
    }

    /// <summary>Reads more of the stream into the buffer.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>False at the end of the file with nothing left to parse.</returns>
    /// <exception cref="CaptureFormatException">The file ends inside a record.</exception>
    public async ValueTask<bool> FillBufferAsync(CancellationToken cancellationToken = default)
    {
        if (!PrepareFill(out var destination))
        {
            return false;
        }

        var read = await _stream.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        return CompleteFill(read);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _leaveOpen ? ValueTask.CompletedTask : _stream.DisposeAsync();

    private bool PrepareFill(out Memory<byte> destination)
    {
        destination = default;
        if (_fault is not null)
        {
            throw _fault;
        }

        if (_endOfStream)
        {
            FailAtEnd();
            return false;
        }

        if (_skipRemaining > 0)
        {
            // Skipping consumed everything buffered: start the buffer afresh.
            _start = 0;
            _end = 0;
        }
        else
        {
            var needed = Math.Max(_needed, 1);
            if (_buffer.Length < needed)
            {
                var grown = new byte[Math.Max(needed, Math.Min(_buffer.Length * 2, _options.MaxRecordLength + 64))];
                _buffer.AsSpan(_start, _end - _start).CopyTo(grown);
                _end -= _start;
                _start = 0;
                _buffer = grown;
            }
            else if (_start > 0 && (_buffer.Length - _start < needed || _end == _buffer.Length || _start > _buffer.Length / 2))
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                // Full, yet the next record needs more: grow within the record limit.
                var grown = new byte[Math.Min(_buffer.Length * 2, _options.MaxRecordLength + 64)];
                if (grown.Length <= _buffer.Length)
                {
                    Fault(_startOffset, "capture reader: record exceeds the buffer limit");
                }

                _buffer.AsSpan(_start, _end - _start).CopyTo(grown);
                _end -= _start;
                _start = 0;
                _buffer = grown;
            }
        }

        destination = _buffer.AsMemory(_end);
        return true;
    }

    private bool CompleteFill(int read)
    {
        if (read > 0)
        {
            _end += read;
            return true;
        }

        _endOfStream = true;
        FailAtEnd();
        return false;
    }

    private void FailAtEnd()
    {
        if (_skipRemaining > 0 || _skipCheckTrailer)
        {
            Fault(_skipBlockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: truncated block: its header says {_skipBlockLength} bytes but the file ends first"));
        }

        var available = _end - _start;
        if (available == 0)
        {
            if (Format == CaptureFileFormat.Unknown)
            {
                Fault(_startOffset, "not a capture file: the file is empty");
            }

            return;
        }

        var what = Format switch
        {
            CaptureFileFormat.Pcap when !_headerRead => "pcap: truncated file header",
            CaptureFileFormat.Pcap => "pcap: truncated packet record",
            CaptureFileFormat.PcapNg => "pcapng: truncated block",
            _ => "not a capture file: too short for a pcap or pcapng header",
        };
        Fault(_startOffset, string.Create(CultureInfo.InvariantCulture,
            $"{what}: {_needed} bytes needed, the file ends after {available}"));
    }

    private void Fault(long offset, string message)
    {
        _fault = new CaptureFormatException(offset, message);
        throw _fault;
    }

    private uint ReadUInt32(ReadOnlySpan<byte> source) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);

    private ushort ReadUInt16(ReadOnlySpan<byte> source) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source);

    private void Consume(int count)
    {
        _start += count;
        _startOffset += count;
    }

    private Step NeedBytes(int count)
    {
        _needed = count;
        return Step.NeedMore;
    }

    private Step DetectFormat(out CapturePacket packet)
    {
        packet = default;
        var span = _buffer.AsSpan(_start, _end - _start);
        var le = BinaryPrimitives.ReadUInt32LittleEndian(span);
        var be = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (le is PcapMagicMicro or PcapMagicNano)
        {
            Format = CaptureFileFormat.Pcap;
            _bigEndian = false;
        }
        else if (be is PcapMagicMicro or PcapMagicNano)
        {
            Format = CaptureFileFormat.Pcap;
            _bigEndian = true;
        }
        else if (le == BlockSectionHeader)
        {
            Format = CaptureFileFormat.PcapNg;
            _needed = 12;
            return Step.Continue;
        }
        else
        {
            Fault(0, string.Create(CultureInfo.InvariantCulture,
                $"not a capture file: magic number 0x{be:X8} is neither pcap (0xA1B2C3D4, 0xA1B23C4D) nor pcapng (0x0A0D0D0A)"));
        }

        _needed = PcapFileHeaderLength;
        return Step.Continue;
    }

    private Step ParsePcapRecord(out CapturePacket packet)
    {
        packet = default;
        var span = _buffer.AsSpan(_start, _end - _start);
        if (!_headerRead)
        {
            // pcap file header: magic(4) version_major(2) version_minor(2) thiszone(4) sigfigs(4) snaplen(4) linktype(4).
            _pcapNanoseconds = ReadUInt32(span) == PcapMagicNano;
            var major = ReadUInt16(span[4..]);
            if (major != 2)
            {
                Fault(_startOffset, string.Create(CultureInfo.InvariantCulture, $"pcap: unsupported version {major}.{ReadUInt16(span[6..])} (only 2.x is defined)"));
            }

            _pcapSnapLength = (int)Math.Min(ReadUInt32(span[16..]), int.MaxValue);

            // The link type field holds the LINKTYPE_ in its low 16 bits; the top bits carry FCS information.
            _pcapLinkType = (LinkType)(ReadUInt32(span[20..]) & 0xFFFF);
            _interfaces.Add(new CaptureInterface(_pcapLinkType, _pcapSnapLength, _pcapNanoseconds ? TimestampResolution.Nanoseconds : TimestampResolution.Microseconds));
            _headerRead = true;
            Consume(PcapFileHeaderLength);
            _needed = PcapRecordHeaderLength;
            return Step.Continue;
        }

        // Record header: ts_sec(4) ts_usec|ts_nsec(4) incl_len(4) orig_len(4).
        var includedLength = ReadUInt32(span[8..]);
        var limit = (uint)Math.Min(_options.MaxRecordLength, Math.Max(_pcapSnapLength, 262144));
        if (includedLength > limit)
        {
            Fault(_startOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcap: corrupt packet record {PacketCount + 1}: captured length {includedLength} exceeds the limit of {limit} bytes"));
        }

        var recordLength = PcapRecordHeaderLength + (int)includedLength;
        if (span.Length < recordLength)
        {
            return NeedBytes(recordLength);
        }

        var seconds = ReadUInt32(span);
        var fraction = ReadUInt32(span[4..]);
        var originalLength = ReadUInt32(span[12..]);
        long nanos = _pcapNanoseconds ? fraction : fraction * 1000L;
        long wholeSeconds = seconds;
        if (nanos >= 1_000_000_000)
        {
            wholeSeconds += nanos / 1_000_000_000;
            nanos %= 1_000_000_000;
        }

        var timestamp = new CaptureTimestamp(wholeSeconds, (int)nanos);
        _lastTimestamp = timestamp;
        packet = new CapturePacket(
            span.Slice(PcapRecordHeaderLength, (int)includedLength),
            (int)Math.Min(Math.Max(originalLength, includedLength), int.MaxValue),
            timestamp,
            _pcapLinkType,
            0,
            _startOffset);
        Consume(recordLength);
        _needed = PcapRecordHeaderLength;
        return Step.Packet;
    }

    private Step ParsePcapNgBlock(out CapturePacket packet)
    {
        packet = default;
        var span = _buffer.AsSpan(_start, _end - _start);
        var blockOffset = _startOffset;
        var type = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (type == BlockSectionHeader)
        {
            // SHB (§4.1): type(4) length(4) byte-order magic(4) major(2) minor(2) section length(8) options length(4).
            if (span.Length < 12)
            {
                return NeedBytes(12);
            }

            var magic = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
            if (magic == ByteOrderMagic)
            {
                _bigEndian = false;
            }
            else if (BinaryPrimitives.ReverseEndianness(magic) == ByteOrderMagic)
            {
                _bigEndian = true;
            }
            else
            {
                Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                    $"pcapng: corrupt section header block: byte-order magic 0x{magic:X8} is not 0x1A2B3C4D in either byte order"));
            }
        }
        else
        {
            type = ReadUInt32(span);
        }

        var totalLength = ReadUInt32(span[4..]);
        if (totalLength < 12 || (totalLength & 3) != 0)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt block of type 0x{type:X8}: total length {totalLength} is not a multiple of 4 of at least 12"));
        }

        var isKnown = type is BlockSectionHeader or BlockInterfaceDescription or BlockEnhancedPacket or BlockSimplePacket or BlockPacketObsolete;
        if (!isKnown)
        {
            // Other blocks (name resolution, statistics, decryption secrets, custom, ...) are skipped without buffering.
            _skipBlockOffset = blockOffset;
            _skipBlockLength = totalLength;
            _skipRemaining = totalLength - 4;
            _skipCheckTrailer = true;
            _needed = 8;
            return Step.Continue;
        }

        if (totalLength > (uint)_options.MaxRecordLength)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt block of type 0x{type:X8}: total length {totalLength} exceeds the limit of {_options.MaxRecordLength} bytes"));
        }

        var length = (int)totalLength;
        if (span.Length < length)
        {
            return NeedBytes(length);
        }

        var block = span[..length];
        var trailer = ReadUInt32(block[(length - 4)..]);
        if (trailer != totalLength)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt block of type 0x{type:X8}: trailing length {trailer} differs from leading length {totalLength}"));
        }

        var result = Step.Continue;
        switch (type)
        {
            case BlockSectionHeader:
                ReadSectionHeader(block, blockOffset);
                break;
            case BlockInterfaceDescription:
                ReadInterfaceDescription(block, blockOffset);
                break;
            case BlockEnhancedPacket:
                packet = ReadEnhancedPacket(block, blockOffset);
                result = Step.Packet;
                break;
            case BlockSimplePacket:
                packet = ReadSimplePacket(block, blockOffset);
                result = Step.Packet;
                break;
            default:
                packet = ReadObsoletePacket(block, blockOffset);
                result = Step.Packet;
                break;
        }

        Consume(length);
        _needed = 8;
        return result;
    }

    private void ReadSectionHeader(ReadOnlySpan<byte> block, long blockOffset)
    {
        if (block.Length < 28)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt section header block: length {block.Length} is below the minimum of 28"));
        }

        var major = ReadUInt16(block[12..]);
        if (major != 1)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: unsupported section version {major}.{ReadUInt16(block[14..])} (only 1.x is defined)"));
        }

        // A new section starts a new interface numbering.
        _interfaces.Clear();
    }

    private void ReadInterfaceDescription(ReadOnlySpan<byte> block, long blockOffset)
    {
        // IDB (§4.2): type(4) length(4) linktype(2) reserved(2) snaplen(4) options... length(4).
        if (block.Length < 20)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt interface description block: length {block.Length} is below the minimum of 20"));
        }

        var linkType = (LinkType)ReadUInt16(block[8..]);
        var snapLength = (int)Math.Min(ReadUInt32(block[12..]), int.MaxValue);
        var resolution = TimestampResolution.Microseconds;
        long offsetSeconds = 0;
        string? name = null;
        var options = block[16..^4];
        var position = 0;
        while (options.Length - position >= 4)
        {
            var code = ReadUInt16(options[position..]);
            var valueLength = ReadUInt16(options[(position + 2)..]);
            if (code == 0)
            {
                break;
            }

            var padded = (valueLength + 3) & ~3;
            if (options.Length - position - 4 < padded)
            {
                Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                    $"pcapng: corrupt interface description block: option {code} of length {valueLength} runs past the end of the block"));
            }

            var value = options.Slice(position + 4, valueLength);
            switch (code)
            {
                case 2 when valueLength > 0: // if_name
                    name = Encoding.UTF8.GetString(value.TrimEnd((byte)0));
                    break;
                case 9 when valueLength == 1: // if_tsresol
                    resolution = TimestampResolution.FromOptionByte(value[0]);
                    break;
                case 14 when valueLength == 8: // if_tsoffset
                    offsetSeconds = (long)(_bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(value) : BinaryPrimitives.ReadUInt64LittleEndian(value));
                    break;
                default:
                    break;
            }

            position += 4 + padded;
        }

        _interfaces.Add(new CaptureInterface(linkType, snapLength, resolution, offsetSeconds, name));
    }

    private CapturePacket ReadEnhancedPacket(ReadOnlySpan<byte> block, long blockOffset)
    {
        // EPB (§4.3): type(4) length(4) interface(4) ts_high(4) ts_low(4) caplen(4) origlen(4) data(pad 4) options length(4).
        if (block.Length < 32)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt enhanced packet block: length {block.Length} is below the minimum of 32"));
        }

        var interfaceId = ReadUInt32(block[8..]);
        var captured = ReadUInt32(block[20..]);
        var original = ReadUInt32(block[24..]);
        if (captured > (uint)(block.Length - 32))
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt enhanced packet block: captured length {captured} exceeds the block's {block.Length - 32} data bytes"));
        }

        var description = InterfaceFor(interfaceId, blockOffset, "enhanced packet block");
        var units = ((ulong)ReadUInt32(block[12..]) << 32) | ReadUInt32(block[16..]);
        var timestamp = description.Resolution.ToTimestamp(units, description.TimestampOffsetSeconds);
        _lastTimestamp = timestamp;
        return new CapturePacket(
            block.Slice(28, (int)captured),
            (int)Math.Min(Math.Max(original, captured), int.MaxValue),
            timestamp,
            description.LinkType,
            (int)interfaceId,
            blockOffset);
    }

    private CapturePacket ReadSimplePacket(ReadOnlySpan<byte> block, long blockOffset)
    {
        // SPB (§4.4): type(4) length(4) original length(4) data(pad 4) length(4); interface 0, no timestamp.
        if (block.Length < 16)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt simple packet block: length {block.Length} is below the minimum of 16"));
        }

        var description = InterfaceFor(0, blockOffset, "simple packet block");
        var original = ReadUInt32(block[8..]);
        var captured = Math.Min(original, (uint)(block.Length - 16));
        if (description.SnapLength > 0)
        {
            captured = Math.Min(captured, (uint)description.SnapLength);
        }

        // The block carries no time: the last time seen is carried forward so that time never runs backwards.
        return new CapturePacket(
            block.Slice(12, (int)captured),
            (int)Math.Min(original, int.MaxValue),
            _lastTimestamp,
            description.LinkType,
            0,
            blockOffset);
    }

    private CapturePacket ReadObsoletePacket(ReadOnlySpan<byte> block, long blockOffset)
    {
        // Packet Block (obsolete, appendix A): type(4) length(4) interface(2) drops(2) ts_high(4) ts_low(4) caplen(4) len(4) data.
        if (block.Length < 32)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt packet block: length {block.Length} is below the minimum of 32"));
        }

        var interfaceId = ReadUInt16(block[8..]);
        var captured = ReadUInt32(block[20..]);
        var original = ReadUInt32(block[24..]);
        if (captured > (uint)(block.Length - 32))
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt packet block: captured length {captured} exceeds the block's {block.Length - 32} data bytes"));
        }

        var description = InterfaceFor(interfaceId, blockOffset, "packet block");
        var units = ((ulong)ReadUInt32(block[12..]) << 32) | ReadUInt32(block[16..]);
        var timestamp = description.Resolution.ToTimestamp(units, description.TimestampOffsetSeconds);
        _lastTimestamp = timestamp;
        return new CapturePacket(
            block.Slice(28, (int)captured),
            (int)Math.Min(Math.Max(original, captured), int.MaxValue),
            timestamp,
            description.LinkType,
            interfaceId,
            blockOffset);
    }

    private CaptureInterface InterfaceFor(uint interfaceId, long blockOffset, string blockName)
    {
        if (interfaceId >= (uint)_interfaces.Count)
        {
            Fault(blockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt {blockName}: interface {interfaceId} was not described (the section has {_interfaces.Count})"));
        }

        return _interfaces[(int)interfaceId];
    }

    private bool ContinueSkip()
    {
        if (_skipRemaining > 0)
        {
            var available = _end - _start;
            var take = (int)Math.Min(available, _skipRemaining);
            Consume(take);
            _skipRemaining -= take;
            if (_skipRemaining > 0)
            {
                return false;
            }
        }

        // The last 4 bytes repeat the block's total length.
        if (_end - _start < 4)
        {
            _needed = 4;
            return false;
        }

        var trailer = ReadUInt32(_buffer.AsSpan(_start, 4));
        if (trailer != _skipBlockLength)
        {
            Fault(_skipBlockOffset, string.Create(CultureInfo.InvariantCulture,
                $"pcapng: corrupt block: trailing length {trailer} differs from leading length {_skipBlockLength}"));
        }

        Consume(4);
        _skipCheckTrailer = false;
        _needed = 8;
        return true;
    }

    private enum Step
    {
        Continue,
        NeedMore,
        Packet,
    }
}
