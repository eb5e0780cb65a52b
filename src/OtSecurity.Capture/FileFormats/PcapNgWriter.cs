using System.Text;

namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// Writes a pcapng file (IETF draft-ietf-opsawg-pcapng) in either byte order: section header, interface
/// descriptions with their link type and timestamp resolution, enhanced and simple packet blocks, and any other block.
/// </summary>
public sealed class PcapNgWriter : CaptureWriterBase
{
    private readonly List<CaptureInterface> _interfaces = [];

    /// <summary>Creates the writer and writes a section header block.</summary>
    /// <param name="stream">Where the capture goes.</param>
    /// <param name="bigEndian">True to write big-endian.</param>
    /// <param name="leaveOpen">True to leave the stream open on dispose.</param>
    public PcapNgWriter(Stream stream, bool bigEndian = false, bool leaveOpen = false)
        : base(stream, bigEndian, leaveOpen)
    {
        StartSection();
    }

    /// <summary>The interfaces of the current section.</summary>
    public IReadOnlyList<CaptureInterface> Interfaces => _interfaces;

    /// <summary>Starts a new section (interface numbering restarts at 0).</summary>
    public void StartSection()
    {
        // SHB: type, length 28, byte-order magic, version 1.0, section length -1 (unknown), no options, length.
        WriteUInt32(0x0A0D0D0A);
        WriteUInt32(28);
        WriteUInt32(0x1A2B3C4D);
        WriteUInt16(1);
        WriteUInt16(0);
        WriteUInt64(ulong.MaxValue);
        WriteUInt32(28);
        _interfaces.Clear();
    }

    /// <summary>Writes an interface description block.</summary>
    /// <param name="linkType">The link type of its packets.</param>
    /// <param name="resolution">Its timestamp resolution (written as <c>if_tsresol</c> unless microseconds).</param>
    /// <param name="snapLength">Its snap length (0 = unlimited).</param>
    /// <param name="timestampOffsetSeconds">Its <c>if_tsoffset</c> (written when not 0).</param>
    /// <param name="name">Its <c>if_name</c> (written when not null).</param>
    /// <returns>The interface id to write packets with.</returns>
    public int AddInterface(LinkType linkType, TimestampResolution? resolution = null, int snapLength = 0, long timestampOffsetSeconds = 0, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(snapLength);
        var res = resolution ?? TimestampResolution.Microseconds;
        var nameBytes = name is null ? [] : Encoding.UTF8.GetBytes(name);
        var optionsLength = 0;
        if (nameBytes.Length > 0)
        {
            optionsLength += 4 + Pad(nameBytes.Length);
        }

        var writeResolution = res != TimestampResolution.Microseconds;
        if (writeResolution)
        {
            optionsLength += 8;
        }

        if (timestampOffsetSeconds != 0)
        {
            optionsLength += 12;
        }

        if (optionsLength > 0)
        {
            optionsLength += 4; // opt_endofopt
        }

        var total = (uint)(20 + optionsLength);
        WriteUInt32(1);
        WriteUInt32(total);
        WriteUInt16((ushort)linkType);
        WriteUInt16(0);
        WriteUInt32((uint)snapLength);
        if (nameBytes.Length > 0)
        {
            WriteUInt16(2);
            WriteUInt16((ushort)nameBytes.Length);
            WriteBytes(nameBytes);
            WritePadding(Pad(nameBytes.Length) - nameBytes.Length);
        }

        if (writeResolution)
        {
            WriteUInt16(9);
            WriteUInt16(1);
            WriteBytes([res.ToOptionByte(), 0, 0, 0]);
        }

        if (timestampOffsetSeconds != 0)
        {
            WriteUInt16(14);
            WriteUInt16(8);
            WriteUInt64((ulong)timestampOffsetSeconds);
        }

        if (optionsLength > 0)
        {
            WriteUInt32(0);
        }

        WriteUInt32(total);
        _interfaces.Add(new CaptureInterface(linkType, snapLength, res, timestampOffsetSeconds, name));
        return _interfaces.Count - 1;
    }

    /// <summary>Writes an enhanced packet block.</summary>
    /// <param name="interfaceId">An interface added in this section.</param>
    /// <param name="timestamp">The capture time.</param>
    /// <param name="data">The captured bytes.</param>
    /// <param name="originalLength">The length on the wire; <paramref name="data"/>'s length when null.</param>
    public void WriteEnhancedPacket(int interfaceId, CaptureTimestamp timestamp, ReadOnlySpan<byte> data, int? originalLength = null)
    {
        if ((uint)interfaceId >= (uint)_interfaces.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(interfaceId), "No such interface in this section.");
        }

        var original = originalLength ?? data.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(original, data.Length, nameof(originalLength));
        var description = _interfaces[interfaceId];
        var units = description.Resolution.ToUnits(timestamp, description.TimestampOffsetSeconds);
        var total = (uint)(32 + Pad(data.Length));
        WriteUInt32(6);
        WriteUInt32(total);
        WriteUInt32((uint)interfaceId);
        WriteUInt32((uint)(units >> 32));
        WriteUInt32((uint)units);
        WriteUInt32((uint)data.Length);
        WriteUInt32((uint)original);
        WriteBytes(data);
        WritePadding(Pad(data.Length) - data.Length);
        WriteUInt32(total);
    }

    /// <summary>Writes a simple packet block (interface 0, no timestamp).</summary>
    /// <param name="data">The captured bytes.</param>
    /// <param name="originalLength">The length on the wire; <paramref name="data"/>'s length when null.</param>
    public void WriteSimplePacket(ReadOnlySpan<byte> data, int? originalLength = null)
    {
        if (_interfaces.Count == 0)
        {
            throw new InvalidOperationException("A simple packet block needs interface 0: add an interface first.");
        }

        var original = originalLength ?? data.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(original, data.Length, nameof(originalLength));
        var total = (uint)(16 + Pad(data.Length));
        WriteUInt32(3);
        WriteUInt32(total);
        WriteUInt32((uint)original);
        WriteBytes(data);
        WritePadding(Pad(data.Length) - data.Length);
        WriteUInt32(total);
    }

    /// <summary>Writes a block of any type with the given body (for example a custom or name resolution block).</summary>
    /// <param name="blockType">The block type.</param>
    /// <param name="body">The body, padded to 4 bytes on output.</param>
    public void WriteBlock(uint blockType, ReadOnlySpan<byte> body)
    {
        if (blockType is 0x0A0D0D0A or 1 or 2 or 3 or 6)
        {
            throw new ArgumentException("Use the dedicated methods for section, interface and packet blocks.", nameof(blockType));
        }

        var total = (uint)(12 + Pad(body.Length));
        WriteUInt32(blockType);
        WriteUInt32(total);
        WriteBytes(body);
        WritePadding(Pad(body.Length) - body.Length);
        WriteUInt32(total);
    }

    private static int Pad(int length) => (length + 3) & ~3;
}
