using System.Buffers;
using System.IO.Pipelines;
using FsCheck.Xunit;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.OpcUa;
using OtSecurity.Protocols.S7Comm;
using OtSecurity.Protocols.Tests.Framing;
using OtSecurity.Protocols.Tests.OpcUa;

namespace OtSecurity.Protocols.Tests.S7Comm;

/// <summary>The pipeline framings of S7comm (TPKT/COTP) and OPC UA (UA TCP chunks) on <see cref="ProtocolReader{TMessage}"/>.</summary>
public class MessageReaderTests
{
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    /// <summary>A sequence cut into one segment per octet: every value straddles segments.</summary>
    private static ReadOnlySequence<byte> Fragmented(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(bytes.AsMemory(0, 1), null);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = new Segment(bytes.AsMemory(i, 1), last);
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private static async Task<List<byte[]>> ReadAllAsync<T>(IMessageReader<T> reader, Func<T, byte[]> bytes, byte[] stream, int[] cuts, FramingMode mode = FramingMode.Passive)
    {
        var pipe = new Pipe();
        int[] points = cuts.Select(c => (int)((uint)c % (uint)(stream.Length + 1))).Append(stream.Length).Distinct().Order().ToArray();
        int previous = 0;
        foreach (int point in points)
        {
            await pipe.Writer.WriteAsync(stream.AsMemory(previous, point - previous));
            previous = point;
        }

        await pipe.Writer.CompleteAsync();
        var loop = new ProtocolReader<T>(pipe.Reader, reader, new ProtocolReaderOptions { MaxMessageSize = 70000, Mode = mode });
        var result = new List<byte[]>();
        while (true)
        {
            ProtocolReadResult<T> read = await loop.ReadAsync();
            if (!read.HasMessage)
            {
                break;
            }

            result.Add(bytes(read.Message));
            loop.Advance();
        }

        return result;
    }

    [Fact]
    public void IsoTcpReader_FragmentedPacket_IsDelimitedAndReadable()
    {
        byte[] bytes = S7CommVectors.Hex(S7CommVectors.ReadSzl0011Response);
        ReadOnlySequence<byte> input = Fragmented(bytes);
        SequencePosition consumed = input.Start, examined = input.Start;
        Assert.Equal(OperationStatus.Done, new IsoTcpMessageReader().TryReadMessage(input, ref consumed, ref examined, out IsoTcpMessage message, out _));
        Assert.Equal(input.End, consumed);
        Assert.True(message.TryRead(new byte[bytes.Length], out IsoTcpPacket packet));
        Assert.Equal(CotpPduType.Data, packet.Tpdu.PduType);
    }

    [Theory]
    [InlineData("03000016 11e0")]
    [InlineData("0300")]
    [InlineData("")]
    public void IsoTcpReader_Prefix_NeedsMoreDataAndExaminesAll(string hex)
    {
        ReadOnlySequence<byte> input = Fragmented(S7CommVectors.Hex(hex));
        SequencePosition consumed = input.Start, examined = input.Start;
        Assert.Equal(OperationStatus.NeedMoreData, new IsoTcpMessageReader().TryReadMessage(input, ref consumed, ref examined, out _, out _));
        Assert.Equal(input.Start, consumed);
        Assert.Equal(input.End, examined);
    }

    [Theory]
    [InlineData("04000016", S7CommError.TpktVersion)]
    [InlineData("0300000702a000", S7CommError.CotpPduType)]
    public void IsoTcpReader_Invalid_ConsumesNothing(string hex, S7CommError expected)
    {
        ReadOnlySequence<byte> input = Fragmented(S7CommVectors.Hex(hex));
        SequencePosition consumed = input.Start, examined = input.Start;
        Assert.Equal(OperationStatus.InvalidData, new IsoTcpMessageReader().TryReadMessage(input, ref consumed, ref examined, out _, out ProtocolError error));
        Assert.Equal(input.Start, consumed);
        Assert.Equal((int)expected, error.Code);
    }

    [Fact]
    public void OpcUaReader_FragmentedChunk_IsDelimitedAndReadable()
    {
        byte[] bytes = OpcUaVectors.Hex(OpcUaVectors.Hello);
        ReadOnlySequence<byte> input = Fragmented(bytes);
        SequencePosition consumed = input.Start, examined = input.Start;
        Assert.Equal(OperationStatus.Done, new OpcUaMessageReader().TryReadMessage(input, ref consumed, ref examined, out OpcUaChunkMessage message, out _));
        Assert.True(message.TryRead(new byte[bytes.Length], out OpcUaFrame frame));
        Assert.Equal(OpcUaMessageType.Hello, frame.MessageType);
    }

    [Fact]
    public void OpcUaReader_ChunkAboveNegotiatedSize_IsInvalid()
    {
        ReadOnlySequence<byte> input = new(OpcUaVectors.Hex(OpcUaVectors.TranslateRequest));
        SequencePosition consumed = input.Start, examined = input.Start;
        Assert.Equal(OperationStatus.InvalidData, new OpcUaMessageReader(64).TryReadMessage(input, ref consumed, ref examined, out _, out ProtocolError error));
        Assert.Equal((int)OpcUaError.MessageSize, error.Code);
        Assert.Equal(input.Start, consumed);
    }

    [Fact]
    public void Messages_SpanningSegments_ScratchTooSmall_Throws_ExactScratchReads()
    {
        byte[] packet = S7CommVectors.Hex(S7CommVectors.ReadSzl0011Response);
        var isoTcp = new IsoTcpMessage(Fragmented(packet));
        Assert.Equal("scratch", Assert.Throws<ArgumentException>(() => isoTcp.TryRead(new byte[packet.Length - 1], out _)).ParamName);
        Assert.True(isoTcp.TryRead(new byte[packet.Length], out IsoTcpPacket read));
        Assert.Equal(CotpPduType.Data, read.Tpdu.PduType);

        // In one segment the scratch buffer is not used.
        Assert.True(new IsoTcpMessage(new ReadOnlySequence<byte>(packet)).TryRead([], out _));

        byte[] chunk = OpcUaVectors.Hex(OpcUaVectors.Hello);
        var opcUa = new OpcUaChunkMessage(Fragmented(chunk));
        Assert.Equal("scratch", Assert.Throws<ArgumentException>(() => opcUa.TryRead(new byte[chunk.Length - 1], out _)).ParamName);
        Assert.True(opcUa.TryRead(new byte[chunk.Length], out OpcUaFrame frame));
        Assert.Equal(OpcUaMessageType.Hello, frame.MessageType);
        Assert.True(new OpcUaChunkMessage(new ReadOnlySequence<byte>(chunk)).TryRead([], out _));
    }

    [Fact]
    public void Readers_WarmedUp_AllocateNothing()
    {
        // Each packet or chunk in one segment (validated in place) and fragmented (copied to a pooled buffer).
        byte[] packet = S7CommVectors.Hex(S7CommVectors.ReadSzl0011Response);
        byte[] chunk = OpcUaVectors.Hex(OpcUaVectors.TranslateRequest);
        ReadOnlySequence<byte>[] packets = [new(packet), Fragmented(packet)];
        ReadOnlySequence<byte>[] chunks = [new(chunk), Fragmented(chunk)];
        var isoTcp = new IsoTcpMessageReader();
        var opcUa = new OpcUaMessageReader();
        int Run()
        {
            int total = 0;
            foreach (ReadOnlySequence<byte> input in packets)
            {
                SequencePosition consumed = input.Start, examined = input.End;
                if (isoTcp.TryReadMessage(input, ref consumed, ref examined, out IsoTcpMessage message, out _) == OperationStatus.Done)
                {
                    total += (int)message.Packet.Length;
                }
            }

            foreach (ReadOnlySequence<byte> input in chunks)
            {
                SequencePosition consumed = input.Start, examined = input.End;
                if (opcUa.TryReadMessage(input, ref consumed, ref examined, out OpcUaChunkMessage message, out _) == OperationStatus.Done)
                {
                    total += (int)message.Chunk.Length;
                }
            }

            return total;
        }

        Sequences.AssertAllocatesNothing(Run, 2 * (packet.Length + chunk.Length));
    }

    [Property(MaxTest = 50)]
    public bool IsoTcpReader_OnAPipe_ArbitrarySegmentation_YieldsSameFrames(int[] cuts)
    {
        byte[][] packets = [S7CommVectors.Hex(S7CommVectors.ConnectionRequest), S7CommVectors.Hex(S7CommVectors.EmptyDataNoEot), S7CommVectors.Hex(S7CommVectors.WriteVarJob), S7CommVectors.Hex(S7CommVectors.ReadSzl001CResponse)];
        byte[] stream = [.. "xx"u8, .. packets.SelectMany(p => p)];
        List<byte[]> read = ReadAllAsync(new IsoTcpMessageReader(), m => m.Packet.ToArray(), stream, cuts ?? []).GetAwaiter().GetResult();
        return read.Count == packets.Length && read.Zip(packets).All(p => p.First.AsSpan().SequenceEqual(p.Second));
    }

    [Property(MaxTest = 50)]
    public bool OpcUaReader_OnAPipe_ArbitrarySegmentation_YieldsSameFrames(int[] cuts)
    {
        byte[][] chunks = [OpcUaVectors.Hex(OpcUaVectors.Hello), OpcUaVectors.Hex(OpcUaVectors.OpenRequest), OpcUaVectors.Hex(OpcUaVectors.TranslateRequest), OpcUaVectors.Hex(OpcUaVectors.Close)];
        byte[] stream = [.. "zz"u8, .. chunks.SelectMany(p => p)];
        List<byte[]> read = ReadAllAsync(new OpcUaMessageReader(), m => m.Chunk.ToArray(), stream, cuts ?? []).GetAwaiter().GetResult();
        return read.Count == chunks.Length && read.Zip(chunks).All(p => p.First.AsSpan().SequenceEqual(p.Second));
    }
}
