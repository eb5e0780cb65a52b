using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Capture.FileFormats;

namespace OtSecurity.Capture.Tests.FileFormats;

/// <summary>Write → read of random packets for both formats, both byte orders and several resolutions.</summary>
public sealed class CaptureRoundTripProperties
{
    public static Arbitrary<(CaptureTimestamp Time, byte[] Data)[]> PacketLists() =>
        (from count in Gen.Choose(0, 40)
         from packets in Gen.ArrayOf(
             from seconds in Gen.Choose(0, int.MaxValue)
             from nanos in Gen.Choose(0, 999_999_999)
             from length in Gen.Frequency((5, Gen.Choose(0, 100)), (1, Gen.Choose(100, 3000)))
             from data in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length)
             select (new CaptureTimestamp(seconds, nanos), data), count)
         select packets).ToArbitrary();

    [Property(Arbitrary = [typeof(CaptureRoundTripProperties)], MaxTest = 100)]
    public bool Pcap_WriteThenRead_GivesThePackets((CaptureTimestamp Time, byte[] Data)[] packets, bool bigEndian, bool nanoseconds)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Raw, nanoseconds, bigEndian, leaveOpen: true))
        {
            foreach (var (time, data) in packets)
            {
                writer.WritePacket(time, data);
            }
        }

        stream.Position = 0;
        using var reader = new CaptureFileReader(stream, options: new CaptureFileReaderOptions { BufferSize = 512 });
        foreach (var (time, data) in packets)
        {
            if (!reader.TryRead(out var packet) || !packet.Data.SequenceEqual(data) || packet.LinkType != LinkType.Raw)
            {
                return false;
            }

            var nanos = nanoseconds ? time.Nanoseconds : time.Nanoseconds / 1000 * 1000;
            if (packet.Timestamp != new CaptureTimestamp(time.Seconds, nanos))
            {
                return false;
            }
        }

        return !reader.TryRead(out _);
    }

    [Property(Arbitrary = [typeof(CaptureRoundTripProperties)], MaxTest = 100)]
    public bool PcapNg_WriteThenRead_GivesThePackets((CaptureTimestamp Time, byte[] Data)[] packets, bool bigEndian, bool simple)
    {
        var resolutions = new[] { TimestampResolution.Microseconds, TimestampResolution.Nanoseconds, new TimestampResolution(3, false) };
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, bigEndian, leaveOpen: true))
        {
            foreach (var resolution in resolutions)
            {
                writer.AddInterface(LinkType.Ethernet, resolution);
            }

            for (var i = 0; i < packets.Length; i++)
            {
                if (simple && i % 3 == 2)
                {
                    writer.WriteSimplePacket(packets[i].Data);
                }
                else
                {
                    writer.WriteEnhancedPacket(i % 3, packets[i].Time, packets[i].Data);
                }
            }
        }

        stream.Position = 0;
        using var reader = new CaptureFileReader(stream, options: new CaptureFileReaderOptions { BufferSize = 512 });
        for (var i = 0; i < packets.Length; i++)
        {
            if (!reader.TryRead(out var packet) || !packet.Data.SequenceEqual(packets[i].Data))
            {
                return false;
            }

            if (simple && i % 3 == 2)
            {
                continue;
            }

            var unit = (int)Math.Pow(10, 9 - resolutions[i % 3].Exponent);
            var expected = new CaptureTimestamp(packets[i].Time.Seconds, packets[i].Time.Nanoseconds / unit * unit);
            if (packet.Timestamp != expected || packet.InterfaceId != i % 3)
            {
                return false;
            }
        }

        return !reader.TryRead(out _);
    }

    [Property(MaxTest = 200)]
    public void ArbitraryBytes_NeverCrashOrLoop(byte[] tail, bool pcapng)
    {
        // A valid header followed by random bytes: either packets or a CaptureFormatException, never anything else.
        byte[] header = pcapng
            ? [0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 28, 0, 0, 0]
            : CaptureFileReaderTests.WritePcap(0, 0);
        using var reader = new CaptureFileReader(new MemoryStream([.. header, .. tail ?? []]));
        var count = 0;
        try
        {
            while (reader.TryRead(out _))
            {
                count++;
                Assert.True(count <= (tail?.Length ?? 0) + 1);
            }
        }
        catch (CaptureFormatException ex)
        {
            Assert.InRange(ex.Offset, 0, header.Length + (tail?.Length ?? 0));
        }
    }
}
