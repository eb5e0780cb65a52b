using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Benchmarks.Dnp3;

/// <summary>
/// DNP3 read path on a full 292-octet link frame (250 user data octets, 16 CRC blocks) carrying a one-segment
/// RESPONSE with g30v1 analog inputs and g1v2 binary inputs. Baseline: an unvalidated BinaryPrimitives decode of the same values.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class Dnp3ReadBenchmarks
{
    private byte[] _frame = [];
    private Dnp3TransportReassembler _reassembler = new();

    [GlobalSetup]
    public void Setup()
    {
        // RESPONSE: g30v1 start 0 stop 39 (40 × 5 octets), g1v2 start 0 stop 33 (34 × 1 octet) = 4 + 205 + 39 = 248 octets.
        var fragment = new byte[248];
        fragment[0] = 0xC3;
        fragment[1] = 0x81;
        int offset = 4;
        Dnp3ObjectHeader.StartStop(30, 1, 0, 39).TryWrite(fragment.AsSpan(offset), out int written);
        offset += written;
        for (int i = 0; i < 40; i++)
        {
            fragment[offset] = 0x01;
            BinaryPrimitives.WriteInt32LittleEndian(fragment.AsSpan(offset + 1), i * 100);
            offset += 5;
        }

        Dnp3ObjectHeader.StartStop(1, 2, 0, 33).TryWrite(fragment.AsSpan(offset), out written);
        offset += written;
        for (int i = 0; i < 34; i++)
        {
            fragment[offset++] = (byte)(0x01 | ((i & 1) << 7));
        }

        var segment = new byte[offset + 1];
        Dnp3TransportSegment.TryWrite(new Dnp3TransportHeader(true, true, 5), fragment.AsSpan(0, offset), segment, out int segmentLength);
        _frame = new byte[Dnp3LinkFrame.GetEncodedLength(segmentLength)];
        Dnp3LinkFrame.TryWrite(0x44, 100, 5, segment.AsSpan(0, segmentLength), _frame, out _);
        _reassembler = new Dnp3TransportReassembler();
    }

    /// <summary>
    /// What an unvalidated hand-written decoder costs: header fields with BinaryPrimitives, the user data copied out of
    /// its CRC blocks without checking them, and the 40 analog values read at fixed offsets.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int BinaryPrimitivesUnvalidated()
    {
        ReadOnlySpan<byte> frame = _frame;
        int sum = BinaryPrimitives.ReadUInt16LittleEndian(frame[4..]) + BinaryPrimitives.ReadUInt16LittleEndian(frame[6..]);
        Span<byte> user = stackalloc byte[Dnp3LinkFrame.MaxUserDataLength];
        int length = frame[2] - 5;
        for (int read = 0, offset = 10; read < length; read += 16, offset += 18)
        {
            int chunk = Math.Min(16, length - read);
            frame.Slice(offset, chunk).CopyTo(user[read..]);
        }

        // Transport (1) + application header (4) + g30v1 header (5), then 40 objects of flag + 32-bit value.
        for (int i = 0; i < 40; i++)
        {
            sum += BinaryPrimitives.ReadInt32LittleEndian(user[(10 + (i * 5) + 1)..]);
        }

        return sum;
    }

    [Benchmark]
    public int LinkFrameWithAllCrcs()
    {
        Dnp3LinkFrame.TryRead(_frame, out Dnp3LinkFrame frame, out int consumed);
        return consumed + frame.Header.SourceAddress;
    }

    [Benchmark]
    public int LinkTransportApplicationAndObjects()
    {
        Dnp3LinkFrame.TryRead(_frame, out Dnp3LinkFrame frame, out _);
        Span<byte> user = stackalloc byte[Dnp3LinkFrame.MaxUserDataLength];
        int length = frame.CopyUserData(user);
        Dnp3TransportSegment.TryRead(user[..length], out Dnp3TransportSegment segment, out _);
        _reassembler.Add(frame.Header.SourceAddress, frame.Header.DestinationAddress, segment, out ReadOnlySpan<byte> fragment);
        Dnp3ApplicationFragment.TryRead(fragment, out Dnp3ApplicationFragment application, out _);
        int sum = 0;
        Dnp3ObjectReader reader = application.GetObjects();
        while (reader.TryReadNext(out Dnp3ObjectBlock block))
        {
            foreach (Dnp3Object item in block)
            {
                sum += item.Value.Length == 5 ? BinaryPrimitives.ReadInt32LittleEndian(item.Value[1..]) : item.Value[0];
            }
        }

        return sum;
    }
}
