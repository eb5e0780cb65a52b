using System.Buffers;
using System.IO.Pipelines;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Framing;

/// <summary>The one read loop: split and pipelined messages, garbage (passive and active), oversized frames, cancellation, leftovers.</summary>
public class ProtocolReaderTests
{
    private static readonly byte[] Request1 = Hex.Parse("00 01 00 00 00 06 11 03 00 6B 00 03");
    private static readonly byte[] Request2 = Hex.Parse("00 02 00 00 00 06 11 04 00 08 00 01");

    private static ProtocolReader<ModbusTcpMessage> Reader(IEnumerable<byte[]> chunks, FramingMode mode = FramingMode.Active, int max = ModbusLimits.MaxTcpAduLength) =>
        new(PipeReader.Create(new ChunkedStream(chunks), new StreamPipeReaderOptions(bufferSize: 16, minimumReadSize: 1)), new ModbusTcpMessageReader(), new ProtocolReaderOptions { Mode = mode, MaxMessageSize = max });

    private static async Task<(List<ushort> Transactions, ProtocolReadResult<ModbusTcpMessage> Last, List<long> Skipped)> ReadAll(ProtocolReader<ModbusTcpMessage> reader)
    {
        var transactions = new List<ushort>();
        var skipped = new List<long>();
        while (true)
        {
            ProtocolReadResult<ModbusTcpMessage> result = await reader.ReadAsync();
            skipped.Add(result.BytesSkipped);
            if (!result.HasMessage)
            {
                return (transactions, result, skipped);
            }

            transactions.Add(result.Message.Header.TransactionId);
            reader.Advance();
        }
    }

    [Fact]
    public async Task ReadAsync_MessageSplitAcrossReads_IsReassembled()
    {
        // Split inside the MBAP header, then inside the PDU.
        var reader = Reader([Request1[..3], Request1[3..9], Request1[9..]]);
        (List<ushort> txns, ProtocolReadResult<ModbusTcpMessage> last, _) = await ReadAll(reader);
        Assert.Equal([1], txns);
        Assert.True(last.IsCompleted);
        Assert.Equal(0, last.LeftoverBytes);
    }

    [Fact]
    public async Task ReadAsync_PipelinedMessagesInOneRead_AreAllReturned()
    {
        // The FluentModbus class of bug: a second request in the same read must not be dropped.
        var reader = Reader([[.. Request1, .. Request2, .. Request1]]);
        (List<ushort> txns, _, _) = await ReadAll(reader);
        Assert.Equal([1, 2, 1], txns);
        Assert.Equal(3, reader.MessagesRead);
    }

    [Fact]
    public async Task ReadAsync_MessageSpanningSegments_PduIsCopiedForReading()
    {
        var reader = Reader([Request1[..8], Request1[8..10], Request1[10..]]);
        ProtocolReadResult<ModbusTcpMessage> result = await reader.ReadAsync();
        Assert.True(result.HasMessage);
        var scratch = new byte[ModbusLimits.MaxPduLength];
        Assert.True(ReadPdu(result.Message, scratch, out ModbusFunctionCode function));
        Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, function);
        reader.Advance();
    }

    private static bool ReadPdu(ModbusTcpMessage message, byte[] scratch, out ModbusFunctionCode function)
    {
        bool ok = message.TryReadPdu(ModbusDirection.Request, scratch, out ModbusPdu pdu, out _);
        function = pdu.FunctionCode;
        return ok;
    }

    [Fact]
    public async Task ReadAsync_PassiveMode_SkipsGarbageAndCountsIt()
    {
        // 5 bytes of garbage (not a valid MBAP start), a message, 3 more garbage bytes, a message.
        byte[] garbage = Hex.Parse("47 45 54 20 2F");
        var reader = Reader([[.. garbage, .. Request1, 0xAA, 0xBB, 0xCC, .. Request2]], FramingMode.Passive);
        (List<ushort> txns, ProtocolReadResult<ModbusTcpMessage> last, List<long> skipped) = await ReadAll(reader);
        Assert.Equal([1, 2], txns);
        Assert.Equal([5, 3, 0], skipped);
        Assert.Equal(8, reader.BytesSkipped);
        Assert.Equal(2, reader.Resynchronizations);
        Assert.True(last.IsCompleted);
        Assert.False(last.IsFaulted);
    }

    [Fact]
    public async Task ReadAsync_PassiveMode_ReportsWhyBytesWereSkipped()
    {
        var reader = Reader([[0x00, 0x01, 0x12, 0x34, .. Request1]], FramingMode.Passive);
        ProtocolReadResult<ModbusTcpMessage> result = await reader.ReadAsync();
        Assert.True(result.HasMessage);
        Assert.Equal(4, result.BytesSkipped);
        Assert.Equal(ModbusError.InvalidProtocolIdentifier, ModbusErrors.GetCode(result.SkipReason));
        reader.Advance();
    }

    [Fact]
    public async Task ReadAsync_ActiveMode_ReportsTheErrorAndStops()
    {
        var reader = Reader([[.. Request1, 0x00, 0x03, 0x00, 0x07, .. Request2]]);
        ProtocolReadResult<ModbusTcpMessage> first = await reader.ReadAsync();
        Assert.True(first.HasMessage);
        reader.Advance();
        ProtocolReadResult<ModbusTcpMessage> second = await reader.ReadAsync();
        Assert.False(second.HasMessage);
        Assert.True(second.IsFaulted);
        Assert.Equal(ModbusError.InvalidProtocolIdentifier, ModbusErrors.GetCode(second.Error));
        ProtocolReadResult<ModbusTcpMessage> third = await reader.ReadAsync();
        Assert.True(third.IsFaulted);
        Assert.Equal(0, reader.BytesSkipped);
    }

    [Fact]
    public async Task ReadAsync_OversizedFrame_IsRejectedBeforeItIsBuffered()
    {
        // A reader for a length-prefixed protocol whose length field says 1 MB: the loop stops at its maximum size.
        byte[] header = [0x00, 0x10, 0x00, 0x00, 0x01, 0x02, 0x03];
        var chunks = Enumerable.Range(0, 100).Select(_ => new byte[64]).Prepend(header);
        var reader = new ProtocolReader<int>(PipeReader.Create(new ChunkedStream(chunks)), new LengthPrefixedReader(), new ProtocolReaderOptions { MaxMessageSize = 1024 });
        ProtocolReadResult<int> result = await reader.ReadAsync();
        Assert.True(result.IsFaulted);
        Assert.Equal(FramingErrors.MessageTooLarge, result.Error);
    }

    [Fact]
    public async Task ReadAsync_OversizedFrame_PassiveMode_ResynchronisesOnTheNextMessage()
    {
        byte[] big = [0x00, 0x00, 0x08, 0x00, .. Enumerable.Repeat((byte)0xFF, 0x800)];
        byte[] small = [0x00, 0x00, 0x00, 0x02, 0xAB, 0xCD];
        var reader = new ProtocolReader<int>(PipeReader.Create(new ChunkedStream([big, small])), new LengthPrefixedReader(), new ProtocolReaderOptions { MaxMessageSize = 1024, Mode = FramingMode.Passive });
        var lengths = new List<int>();
        while (true)
        {
            ProtocolReadResult<int> result = await reader.ReadAsync();
            if (!result.HasMessage)
            {
                Assert.True(result.IsCompleted);
                break;
            }

            lengths.Add(result.Message);
            reader.Advance();
        }

        // The 2 KiB message is skipped byte by byte (its body cannot start a message), then the small one is read.
        Assert.Equal([2], lengths);
        Assert.Equal(big.Length, reader.BytesSkipped);
        Assert.Equal(1, reader.Resynchronizations);
    }

    [Fact]
    public async Task ReadAsync_TruncatedLastMessage_ReportsLeftoverBytes()
    {
        var reader = Reader([[.. Request1, .. Request2[..5]]]);
        (List<ushort> txns, ProtocolReadResult<ModbusTcpMessage> last, _) = await ReadAll(reader);
        Assert.Equal([1], txns);
        Assert.True(last.IsCompleted);
        Assert.Equal(5, last.LeftoverBytes);
        ProtocolReadResult<ModbusTcpMessage> after = await reader.ReadAsync();
        Assert.True(after.IsCompleted);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsAndCanReadAgain()
    {
        var pipe = new Pipe();
        var reader = new ProtocolReader<ModbusTcpMessage>(pipe.Reader, new ModbusTcpMessageReader());
        using var cts = new CancellationTokenSource();
        ValueTask<ProtocolReadResult<ModbusTcpMessage>> pending = reader.ReadAsync(cts.Token);
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);

        await pipe.Writer.WriteAsync(Request1);
        ProtocolReadResult<ModbusTcpMessage> result = await reader.ReadAsync();
        Assert.True(result.HasMessage);
        Assert.Equal(1, result.Message.Header.TransactionId);
        reader.Advance();
    }

    [Fact]
    public async Task ReadAsync_CancelPendingRead_ReturnsCanceled()
    {
        var pipe = new Pipe();
        var reader = new ProtocolReader<ModbusTcpMessage>(pipe.Reader, new ModbusTcpMessageReader());
        ValueTask<ProtocolReadResult<ModbusTcpMessage>> pending = reader.ReadAsync();
        pipe.Reader.CancelPendingRead();
        ProtocolReadResult<ModbusTcpMessage> result = await pending;
        Assert.True(result.IsCanceled);
        Assert.False(result.HasMessage);
    }

    [Fact]
    public async Task ReadAsync_WithoutAdvance_Throws()
    {
        var reader = Reader([[.. Request1, .. Request2]]);
        Assert.True((await reader.ReadAsync()).HasMessage);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadAsync());
        Assert.Throws<InvalidOperationException>(() => { reader.Advance(); reader.Advance(); });
    }

    [Fact]
    public async Task ReadAsync_MessageReaderBreakingItsContract_Throws()
    {
        var reader = new ProtocolReader<int>(PipeReader.Create(new ChunkedStream([[1, 2, 3]])), new BrokenReader());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_WaitsForData_ThenReadsWhatArrives()
    {
        var pipe = new Pipe();
        var reader = new ProtocolReader<ModbusTcpMessage>(pipe.Reader, new ModbusTcpMessageReader());
        ValueTask<ProtocolReadResult<ModbusTcpMessage>> pending = reader.ReadAsync();
        await pipe.Writer.WriteAsync(Request1.AsMemory(0, 4));
        Assert.False(pending.IsCompleted);
        await pipe.Writer.WriteAsync(Request1.AsMemory(4));
        ProtocolReadResult<ModbusTcpMessage> result = await pending;
        Assert.True(result.HasMessage);
        reader.Advance();
        await pipe.Writer.CompleteAsync();
        Assert.True((await reader.ReadAsync()).IsCompleted);
    }

    /// <summary>A 4-byte big-endian length then that many bytes; the message is the length.</summary>
    private sealed class LengthPrefixedReader : IMessageReader<int>
    {
        public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out int message, out ProtocolError protocolError)
        {
            message = 0;
            protocolError = default;
            if (input.Length < 4)
            {
                return OperationStatus.NeedMoreData;
            }

            Span<byte> header = stackalloc byte[4];
            input.Slice(0, 4).CopyTo(header);
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header);
            if (length < 0)
            {
                protocolError = new ProtocolError("test", 1, "negative length", 0);
                return OperationStatus.InvalidData;
            }

            if (input.Length < 4L + length)
            {
                return OperationStatus.NeedMoreData;
            }

            message = length;
            consumed = input.GetPosition(4 + length);
            examined = consumed;
            return OperationStatus.Done;
        }
    }

    private sealed class BrokenReader : IMessageReader<int>
    {
        public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out int message, out ProtocolError protocolError)
        {
            message = 0;
            protocolError = default;
            return OperationStatus.Done;
        }
    }
}
