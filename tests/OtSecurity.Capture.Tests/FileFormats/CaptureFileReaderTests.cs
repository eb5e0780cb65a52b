using System.Buffers.Binary;
using OtSecurity.Capture.FileFormats;

namespace OtSecurity.Capture.Tests.FileFormats;

public sealed class CaptureFileReaderTests
{
    private static readonly byte[][] Packets = [[1, 2, 3, 4, 5], [], [0xFF, 0xEE, 0xDD], new byte[1500]];

    private static readonly CaptureTimestamp[] Times =
    [
        new(1_700_000_000, 123_456_789),
        new(1_700_000_001, 0),
        new(1_700_000_001, 999_999_999),
        new(0, 1000),
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Pcap_ByteOrderAndResolution_ReadsBackEveryPacket(bool bigEndian, bool nanoseconds)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Ethernet, nanoseconds, bigEndian, leaveOpen: true))
        {
            for (var i = 0; i < Packets.Length; i++)
            {
                writer.WritePacket(Times[i], Packets[i], Packets[i].Length + i);
            }
        }

        // The magic number is written in the file's own byte order (tcpdump.org pcap format).
        var magic = nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u;
        var bytes = stream.ToArray();
        Assert.Equal(magic, bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes));

        using var reader = new CaptureFileReader(new MemoryStream(bytes));
        var offset = 24L;
        for (var i = 0; i < Packets.Length; i++)
        {
            Assert.True(reader.TryRead(out var packet));
            Assert.Equal(Packets[i], packet.Data.ToArray());
            Assert.Equal(Packets[i].Length + i, packet.OriginalLength);
            Assert.Equal(LinkType.Ethernet, packet.LinkType);
            var expectedNanos = nanoseconds ? Times[i].Nanoseconds : Times[i].Nanoseconds / 1000 * 1000;
            Assert.Equal(new CaptureTimestamp(Times[i].Seconds, expectedNanos), packet.Timestamp);
            Assert.Equal(offset, packet.Offset);
            offset += 16 + Packets[i].Length;
        }

        Assert.False(reader.TryRead(out _));
        Assert.Equal(CaptureFileFormat.Pcap, reader.Format);
        Assert.Equal(Packets.Length, reader.PacketCount);
        Assert.Equal(nanoseconds ? TimestampResolution.Nanoseconds : TimestampResolution.Microseconds, reader.Interfaces[0].Resolution);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PcapNg_ByteOrder_ReadsBackEveryPacket(bool bigEndian)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, bigEndian, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
            for (var i = 0; i < Packets.Length; i++)
            {
                writer.WriteEnhancedPacket(0, Times[i], Packets[i], Packets[i].Length + 7);
            }
        }

        using var reader = new CaptureFileReader(new MemoryStream(stream.ToArray()));
        for (var i = 0; i < Packets.Length; i++)
        {
            Assert.True(reader.TryRead(out var packet));
            Assert.Equal(Packets[i], packet.Data.ToArray());
            Assert.Equal(Packets[i].Length + 7, packet.OriginalLength);
            Assert.Equal(new CaptureTimestamp(Times[i].Seconds, Times[i].Nanoseconds / 1000 * 1000), packet.Timestamp);
        }

        Assert.False(reader.TryRead(out _));
        Assert.Equal(CaptureFileFormat.PcapNg, reader.Format);
    }

    [Fact]
    public void PcapNg_SeveralInterfaces_EachKeepsItsLinkTypeAndResolution()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet, name: "eth0");
            writer.AddInterface(LinkType.Raw, TimestampResolution.Nanoseconds, snapLength: 65535);
            writer.AddInterface(LinkType.LinuxSll2, new TimestampResolution(20, IsBinary: true), timestampOffsetSeconds: 1_600_000_000);
            writer.AddInterface(LinkType.LinuxSll, new TimestampResolution(3, IsBinary: false));
            writer.WriteEnhancedPacket(1, new CaptureTimestamp(1_700_000_000, 123_456_789), [0x45]);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(1_700_000_000, 123_456_789), [0x01]);
            writer.WriteEnhancedPacket(2, new CaptureTimestamp(1_700_000_000, 500_000_000), [0x02]);
            writer.WriteEnhancedPacket(3, new CaptureTimestamp(1_700_000_000, 123_456_789), [0x03]);
        }

        using var reader = new CaptureFileReader(new MemoryStream(stream.ToArray()));
        Assert.True(reader.TryRead(out var packet));
        Assert.Equal((LinkType.Raw, 1, new CaptureTimestamp(1_700_000_000, 123_456_789)), (packet.LinkType, packet.InterfaceId, packet.Timestamp));
        Assert.True(reader.TryRead(out packet));
        Assert.Equal((LinkType.Ethernet, 0, new CaptureTimestamp(1_700_000_000, 123_456_000)), (packet.LinkType, packet.InterfaceId, packet.Timestamp));
        Assert.True(reader.TryRead(out packet));

        // 2^-20 s units with if_tsoffset: half a second is exactly representable.
        Assert.Equal((LinkType.LinuxSll2, 2, new CaptureTimestamp(1_700_000_000, 500_000_000)), (packet.LinkType, packet.InterfaceId, packet.Timestamp));
        Assert.True(reader.TryRead(out packet));
        Assert.Equal((LinkType.LinuxSll, 3, new CaptureTimestamp(1_700_000_000, 123_000_000)), (packet.LinkType, packet.InterfaceId, packet.Timestamp));
        Assert.Equal(4, reader.Interfaces.Count);
        Assert.Equal("eth0", reader.Interfaces[0].Name);
        Assert.Equal(1_600_000_000, reader.Interfaces[2].TimestampOffsetSeconds);
        Assert.Equal(65535, reader.Interfaces[1].SnapLength);
    }

    [Fact]
    public void PcapNg_SimplePacketBlock_UsesInterfaceZeroAndItsSnapLength()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Raw, snapLength: 4);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(100, 0), [1, 2, 3]);
            writer.WriteSimplePacket([9, 8, 7, 6], originalLength: 60);
        }

        // The snap length limits an SPB's captured bytes (§4.4: min(original length, snap length, block room)).
        var bytes = stream.ToArray();
        using var reader = new CaptureFileReader(new MemoryStream(bytes));
        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out var packet));
        Assert.Equal(new byte[] { 9, 8, 7, 6 }, packet.Data.ToArray());
        Assert.Equal(60, packet.OriginalLength);
        Assert.Equal(0, packet.InterfaceId);
        Assert.Equal(new CaptureTimestamp(100, 0), packet.Timestamp); // carried forward: an SPB has no time
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void PcapNg_UnknownBlocks_AreSkippedEvenWhenLargerThanTheBuffer()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.WriteBlock(0x00000004, new byte[20]);           // name resolution block
            writer.AddInterface(LinkType.Ethernet);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(1, 0), [1]);
            writer.WriteBlock(0x00000BAD, new byte[300_000]);      // custom block, larger than the 256 KiB buffer
            writer.WriteBlock(0x00000005, new byte[13]);           // interface statistics block, padded
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(2, 0), [2]);
        }

        var options = new CaptureFileReaderOptions { BufferSize = 4096, MaxRecordLength = 65536 };
        using var reader = new CaptureFileReader(new MemoryStream(stream.ToArray()), options: options);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(1, first.Data[0]);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(2, second.Data[0]);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void PcapNg_TwoSectionsOfOppositeByteOrder_RestartInterfaceNumbering()
    {
        var first = new MemoryStream();
        using (var writer = new PcapNgWriter(first, bigEndian: false, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(1, 0), [1]);
        }

        var second = new MemoryStream();
        using (var writer = new PcapNgWriter(second, bigEndian: true, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Raw);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(2, 0), [0x45]);
        }

        using var reader = new CaptureFileReader(new MemoryStream([.. first.ToArray(), .. second.ToArray()]));
        Assert.True(reader.TryRead(out var packet));
        Assert.Equal(LinkType.Ethernet, packet.LinkType);
        Assert.True(reader.TryRead(out packet));
        Assert.Equal(LinkType.Raw, packet.LinkType);
        Assert.Single(reader.Interfaces);
    }

    [Fact]
    public void PcapNg_ObsoletePacketBlock_IsRead()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
        }

        // Packet Block (type 2): interface(2) drops(2) ts_high(4) ts_low(4) caplen(4) len(4) data(4) length.
        var block = new byte[36];
        BinaryPrimitives.WriteUInt32LittleEndian(block, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), 36);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(16), 5_000_000);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(20), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(24), 3);
        block[28] = 7;
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(32), 36);
        using var reader = new CaptureFileReader(new MemoryStream([.. stream.ToArray(), .. block]));
        Assert.True(reader.TryRead(out var packet));
        Assert.Equal(new CaptureTimestamp(5, 0), packet.Timestamp);
        Assert.Equal(new byte[] { 7, 0, 0 }, packet.Data.ToArray());
    }

    [Fact]
    public void Pcap_TruncatedRecord_DeliversEarlierPacketsThenNamesTheOffset()
    {
        var bytes = WritePcap(3, 100);
        var cut = bytes[..(24 + (2 * 116) + 50)];
        using var reader = new CaptureFileReader(new MemoryStream(cut));
        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out _));
        var error = Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
        Assert.Equal(24 + (2 * 116), error.Offset);
        Assert.Contains("truncated packet record", error.Message);
        Assert.Contains("byte offset 256", error.Message);

        // The error sticks.
        Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
    }

    [Fact]
    public void Pcap_TruncatedFileHeader_FailsAtOffsetZero()
    {
        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(WritePcap(1, 10)[..10]));
        Assert.Equal(0, error.Offset);
        Assert.Contains("truncated file header", error.Message);
    }

    [Fact]
    public void Pcap_RecordLengthBeyondTheLimit_IsCorruptAtThatRecord()
    {
        var bytes = WritePcap(2, 10);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24 + 26 + 8), 0x7FFFFFFF);
        var count = 0;
        var error = Assert.Throws<CaptureFormatException>(() => count = ReadAll(bytes, c => count = c));
        Assert.Equal(1, count);
        Assert.Equal(24 + 26, error.Offset);
        Assert.Contains("captured length 2147483647 exceeds", error.Message);
    }

    [Fact]
    public void Pcap_UnsupportedVersion_IsRejected()
    {
        var bytes = WritePcap(1, 10);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 3);
        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(bytes));
        Assert.Contains("unsupported version 3.4", error.Message);
    }

    [Fact]
    public void PcapNg_TrailerMismatch_DeliversEarlierPacketsThenNamesTheBlock()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(1, 0), [1, 2, 3, 4]);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(2, 0), [5, 6, 7, 8]);
        }

        var bytes = stream.ToArray();
        var secondBlock = 28 + 20 + 36;
        bytes[^1] ^= 0x40; // corrupt the second EPB's trailing length
        var count = 0;
        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(bytes, c => count = c));
        Assert.Equal(1, count);
        Assert.Equal(secondBlock, error.Offset);
        Assert.Contains("trailing length", error.Message);
    }

    [Fact]
    public void PcapNg_PacketOnUndescribedInterface_IsCorrupt()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
            writer.WriteEnhancedPacket(0, new CaptureTimestamp(1, 0), [1]);
        }

        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28 + 20 + 8), 5);
        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(bytes));
        Assert.Contains("interface 5 was not described", error.Message);
        Assert.Equal(48, error.Offset);
    }

    [Fact]
    public void PcapNg_BlockLengthNotMultipleOfFour_IsCorrupt()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
        }

        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28 + 4), 21);
        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(bytes));
        Assert.Equal(28, error.Offset);
        Assert.Contains("not a multiple of 4", error.Message);
    }

    [Fact]
    public void PcapNg_TruncatedSkippedBlock_NamesItsOffset()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet);
            writer.WriteBlock(0xBAD, new byte[100]);
        }

        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(stream.ToArray()[..90]));
        Assert.Equal(48, error.Offset);
        Assert.Contains("truncated block", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { }, "the file is empty")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 }, "not a capture file: magic number 0x504B0304")]
    [InlineData(new byte[] { 0xD4, 0xC3 }, "too short")]
    public void NotACapture_IsRejectedWithTheReason(byte[] bytes, string reason)
    {
        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(bytes));
        Assert.Contains(reason, error.Message);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public async Task FillBufferAsync_ReadsTheSamePacketsAsTheSynchronousPath()
    {
        var bytes = WritePcap(500, 60);
        await using var reader = new CaptureFileReader(new MemoryStream(bytes), options: new CaptureFileReaderOptions { BufferSize = 1000 });
        var count = 0;
        do
        {
            while (reader.TryReadBuffered(out var packet))
            {
                Assert.Equal(60, packet.Data.Length);
                Assert.Equal((byte)count, packet.Data[0]);
                count++;
            }
        }
        while (await reader.FillBufferAsync());

        Assert.Equal(500, count);
        Assert.Equal(bytes.Length, reader.Position);
    }

    internal static byte[] WritePcap(int packets, int length)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Ethernet, leaveOpen: true))
        {
            for (var i = 0; i < packets; i++)
            {
                var data = new byte[length];
                if (length > 0)
                {
                    data[0] = (byte)i;
                }

                writer.WritePacket(new CaptureTimestamp(1000 + i, 0), data);
            }
        }

        return stream.ToArray();
    }

    private static int ReadAll(byte[] bytes, Action<int>? progress = null)
    {
        using var reader = new CaptureFileReader(new MemoryStream(bytes));
        var count = 0;
        while (reader.TryRead(out _))
        {
            count++;
            progress?.Invoke(count);
        }

        return count;
    }
}
