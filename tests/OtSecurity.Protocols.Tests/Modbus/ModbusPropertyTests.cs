using System.Buffers;
using System.IO.Pipelines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Modbus;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>
/// The five properties of every codec (round trip, canonical re-encode, strict prefix → NeedMoreData, arbitrary
/// segmentation → the same frames, arbitrary bytes never throw nor loop), for the PDU and each framing, over every
/// message kind.
/// </summary>
public class ModbusPropertyTests
{
    private static readonly ModbusDirection[] BothDirections = [ModbusDirection.Request, ModbusDirection.Response, ModbusDirection.Unknown];

    private static Gen<(ushort Txn, byte Unit, Msg Msg)> TcpFrame =>
        from txn in ModbusGen.UShort
        from unit in ModbusGen.Byte
        from msg in ModbusGen.AnyMessage
        select (txn, unit, msg);

    private static Gen<(byte Address, Msg Msg)> SerialFrame(Gen<Msg> messages) =>
        from address in Gen.Choose(0, 247)
        from msg in messages
        select ((byte)address, msg);

    /// <summary>A direction and frames of that direction (an RTU stream carries one side of the exchange).</summary>
    private static Gen<(ModbusDirection Direction, List<(byte Address, Msg Msg)> Frames)> RtuStream =>
        from direction in ModbusGen.Direction
        from frames in Gen.ListOf(SerialFrame(ModbusGen.RtuDelimited.Where(m => m.Direction == direction)), 5)
        select (direction, frames);

    private static Gen<byte[]> ArbitraryBytes =>
        Gen.OneOf(
            Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(ModbusGen.Byte, n)),
            ModbusGen.Mutated(TcpFrame.Select(EncodeTcp)),
            ModbusGen.Mutated(SerialFrame(ModbusGen.AnyMessage).Select(f => EncodeRtu(f.Address, f.Msg))),
            ModbusGen.Mutated(SerialFrame(ModbusGen.AnyMessage).Select(f => EncodeAscii(f.Address, f.Msg))),
            ModbusGen.Mutated(ModbusGen.AnyMessage.Select(m => m.Encode())));

    private static byte[] EncodeTcp((ushort Txn, byte Unit, Msg Msg) f)
    {
        byte[] pdu = f.Msg.Encode();
        var frame = new byte[ModbusTcpFrame.GetEncodedLength(pdu.Length)];
        Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryWrite(f.Txn, f.Unit, pdu, frame, out int n));
        Assert.Equal(frame.Length, n);
        return frame;
    }

    private static byte[] EncodeRtu(byte address, Msg msg)
    {
        byte[] pdu = msg.Encode();
        var frame = new byte[ModbusRtuFrame.GetEncodedLength(pdu.Length)];
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryWrite(address, pdu, frame, out int n));
        Assert.Equal(frame.Length, n);
        return frame;
    }

    private static byte[] EncodeAscii(byte address, Msg msg)
    {
        byte[] pdu = msg.Encode();
        var frame = new byte[ModbusAsciiFrame.GetEncodedLength(pdu.Length)];
        Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryWrite(address, pdu, frame, out int n));
        Assert.Equal(frame.Length, n);
        return frame;
    }

    // ---- PDU ----

    [Property(Arbitrary = [typeof(ModbusArbitraries)], MaxTest = 1000)]
    public void Pdu_WriteThenRead_ReturnsTheSameMessage(Msg msg)
    {
        byte[] pdu = msg.Encode();
        Assert.True(ModbusPdu.TryRead(pdu, msg.Direction, out ModbusPdu read, out ProtocolError error), error.ToString());
        Assert.Equal(msg.Kind, read.Kind);
        Assert.Equal(msg, Msg.Decode(read));
    }

    [Property(Arbitrary = [typeof(ModbusArbitraries)], MaxTest = 1000)]
    public void Pdu_ReadThenWriteFromView_ReproducesTheBytes(Msg msg)
    {
        byte[] pdu = msg.Encode();
        Assert.True(ModbusPdu.TryRead(pdu, msg.Direction, out ModbusPdu read));
        var again = new byte[ModbusLimits.MaxPduLength];
        int n = Msg.WriteFromView(read, again);
        Assert.Equal(Hex.Format(pdu), Hex.Format(again.AsSpan(0, n)));
    }

    [Property(MaxTest = 1000)]
    public Property Pdu_ArbitraryBytes_NeverThrow_AndWhatIsAcceptedReEncodesIdentically() =>
        Prop.ForAll(ArbitraryBytes.ToArbitrary(), bytes =>
        {
            foreach (ModbusDirection direction in BothDirections)
            {
                if (ModbusPdu.TryRead(bytes, direction, out ModbusPdu read, out ProtocolError error))
                {
                    Assert.False(error.IsError);
                    var again = new byte[ModbusLimits.MaxPduLength];
                    int n = Msg.WriteFromView(read, again);
                    Assert.Equal(Hex.Format(bytes), Hex.Format(again.AsSpan(0, n)));
                }
                else
                {
                    Assert.True(error.IsError);
                    Assert.Equal(ModbusErrors.ProtocolName, error.Protocol);
                    Assert.InRange(error.Offset, 0, Math.Max(bytes.Length, ModbusLimits.MaxPduLength));
                }
            }
        });

    /// <summary>The inline fast path of the polling layouts never accepts what the full rules reject, nor names another layout.</summary>
    [Property(MaxTest = 1000)]
    public Property Pdu_FastPath_AgreesWithTheFullRules() =>
        Prop.ForAll(Gen.OneOf(ArbitraryBytes, ModbusGen.AnyMessage.Select(m => m.Encode())).ToArbitrary(), bytes =>
        {
            foreach (bool request in new[] { true, false })
            {
                ModbusMessageKind fast = ModbusPduValidator.FastKind(bytes, request);
                ModbusError full = ModbusPduValidator.ValidateAll(bytes, request, out ModbusMessageKind kind, out _);
                if (fast != ModbusMessageKind.Unknown)
                {
                    Assert.Equal(ModbusError.None, full);
                    Assert.Equal(kind, fast);
                }
            }
        });

    [Theory]
    [InlineData("03 00 6B 00 03", true)]
    [InlineData("01 00 00 07 D0", true)]
    [InlineData("10 00 01 00 02 04 00 0A 01 02", true)]
    [InlineData("03 06 02 2B 00 00 00 64", false)]
    public void Pdu_PollingLayouts_TakeTheFastPath(string hex, bool request)
    {
        Assert.NotEqual(ModbusMessageKind.Unknown, ModbusPduValidator.FastKind(Hex.Parse(hex), request));
    }

    // ---- Modbus/TCP ----

    [Property(MaxTest = 1000)]
    public Property Tcp_WriteThenRead_ReturnsTheSameFrame() =>
        Prop.ForAll(TcpFrame.ToArbitrary(), f =>
        {
            byte[] bytes = EncodeTcp(f);
            Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryRead(bytes, f.Msg.Direction, out ModbusTcpFrame frame, out int consumed, out ProtocolError error));
            Assert.False(error.IsError);
            Assert.Equal(bytes.Length, consumed);
            Assert.Equal(f.Txn, frame.TransactionId);
            Assert.Equal(f.Unit, frame.UnitId);
            Assert.Equal(f.Msg, Msg.Decode(frame.Pdu));
        });

    [Property]
    public Property Tcp_ReadThenWrite_ReproducesTheBytes() =>
        Prop.ForAll(TcpFrame.ToArbitrary(), f =>
        {
            byte[] bytes = EncodeTcp(f);
            Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryRead(bytes, f.Msg.Direction, out ModbusTcpFrame frame, out _, out _));
            var pdu = new byte[ModbusLimits.MaxPduLength];
            int pduLength = Msg.WriteFromView(frame.Pdu, pdu);
            var again = new byte[ModbusLimits.MaxTcpAduLength];
            Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryWrite(frame.TransactionId, frame.UnitId, pdu.AsSpan(0, pduLength), again, out int n));
            Assert.Equal(Hex.Format(bytes), Hex.Format(again.AsSpan(0, n)));
        });

    [Property]
    public Property Tcp_EveryStrictPrefix_ReturnsNeedMoreData() =>
        Prop.ForAll(TcpFrame.ToArbitrary(), f =>
        {
            byte[] bytes = EncodeTcp(f);
            foreach (ModbusDirection direction in BothDirections)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    Assert.Equal(OperationStatus.NeedMoreData, ModbusTcpFrame.TryRead(bytes.AsSpan(0, i), direction, out _, out int consumed, out _));
                    Assert.Equal(0, consumed);
                }
            }
        });

    [Property]
    public Property Tcp_AnySegmentation_YieldsTheSameFrames() =>
        Prop.ForAll(Gen.ListOf(TcpFrame, 6).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 5000), 8).ToArbitrary(), (frames, cuts) =>
        {
            byte[] stream = frames.SelectMany(EncodeTcp).ToArray();
            string[] expected = frames.Select(f => $"{f.Txn}/{f.Unit}/{Hex.Format(f.Msg.Encode())}").ToArray();

            // Through the one read loop, over a pipe that delivers the stream in the chosen pieces.
            var reader = new ProtocolReader<ModbusTcpMessage>(
                PipeReader.Create(ChunkedStream.Split(stream, cuts), new StreamPipeReaderOptions(bufferSize: 32, minimumReadSize: 1)),
                new ModbusTcpMessageReader(),
                new ProtocolReaderOptions { MaxMessageSize = ModbusLimits.MaxTcpAduLength });
            var read = new List<string>();
            while (true)
            {
                ProtocolReadResult<ModbusTcpMessage> result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
                if (!result.HasMessage)
                {
                    Assert.True(result.IsCompleted);
                    Assert.Equal(0, result.LeftoverBytes);
                    break;
                }

                read.Add($"{result.Message.Header.TransactionId}/{result.Message.Header.UnitId}/{Hex.Format(result.Message.Pdu.ToArray())}");
                reader.Advance();
            }

            Assert.Equal(expected, read);

            // And by feeding the span reader piece by piece.
            Assert.Equal(expected, SpanFeed.Read(stream, cuts, (ReadOnlySpan<byte> s, out string text) =>
            {
                OperationStatus status = ModbusTcpFrame.TryRead(s, ModbusDirection.Unknown, out ModbusTcpFrame frame, out int consumed, out _);
                text = status == OperationStatus.Done ? $"{frame.TransactionId}/{frame.UnitId}/{Hex.Format(frame.Pdu.Span)}" : string.Empty;
                return (status, consumed);
            }));
        });

    [Property(MaxTest = 1000)]
    public Property Tcp_ArbitraryBytes_NeverThrowNorLoop() =>
        Prop.ForAll(ArbitraryBytes.ToArbitrary(), bytes =>
        {
            foreach (ModbusDirection direction in BothDirections)
            {
                OperationStatus status = ModbusTcpFrame.TryRead(bytes, direction, out _, out int consumed, out ProtocolError error);
                Assert.Equal(status == OperationStatus.Done, consumed > 0);
                Assert.InRange(consumed, 0, bytes.Length);
                Assert.Equal(status == OperationStatus.InvalidData, error.IsError);
            }

            PassiveLoopTerminates(bytes, new ModbusTcpMessageReader(), ModbusLimits.MaxTcpAduLength);
        });

    // ---- RTU (and RTU over TCP) ----

    /// <summary>Every kind, read as a delimited frame (as a serial driver delimits frames by the silent interval).</summary>
    [Property(MaxTest = 1000)]
    public Property Rtu_WriteThenReadDelimited_ReturnsTheSameFrame() =>
        Prop.ForAll(SerialFrame(ModbusGen.AnyMessage).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeRtu(f.Address, f.Msg);
            Assert.True(ModbusRtuFrame.TryReadDelimited(bytes, f.Msg.Direction, out ModbusRtuFrame frame, out ProtocolError error), error.ToString());
            Assert.Equal(f.Address, frame.Address);
            Assert.Equal(f.Msg, Msg.Decode(frame.Pdu));
        });

    /// <summary>
    /// From a byte stream, over the kinds whose length follows from the header. Layouts without a length
    /// (user-defined and unknown codes, Return Query Data, CANopen) are delimited in a stream by the first CRC match,
    /// which a 16-bit CRC collision inside the data can cut short (see <see cref="ModbusRtuFrame"/>).
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Rtu_WriteThenReadFromStream_ReturnsTheSameFrame() =>
        Prop.ForAll(SerialFrame(ModbusGen.RtuDelimited).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeRtu(f.Address, f.Msg);
            Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead(bytes, f.Msg.Direction, out ModbusRtuFrame frame, out int consumed, out ProtocolError error));
            Assert.False(error.IsError, error.ToString());
            Assert.Equal(bytes.Length, consumed);
            Assert.Equal(f.Address, frame.Address);
            Assert.Equal(f.Msg, Msg.Decode(frame.Pdu));
        });

    [Property]
    public Property Rtu_ReadThenWrite_ReproducesTheBytes() =>
        Prop.ForAll(SerialFrame(ModbusGen.AnyMessage).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeRtu(f.Address, f.Msg);
            Assert.True(ModbusRtuFrame.TryReadDelimited(bytes, f.Msg.Direction, out ModbusRtuFrame frame, out _));
            var pdu = new byte[ModbusLimits.MaxPduLength];
            int pduLength = Msg.WriteFromView(frame.Pdu, pdu);
            var again = new byte[ModbusLimits.MaxRtuFrameLength];
            Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryWrite(frame.Address, pdu.AsSpan(0, pduLength), again, out int n));
            Assert.Equal(Hex.Format(bytes), Hex.Format(again.AsSpan(0, n)));
        });

    /// <remarks>Over the kinds whose length follows from the header (see <see cref="Rtu_WriteThenReadFromStream_ReturnsTheSameFrame"/>).</remarks>
    [Property]
    public Property Rtu_EveryStrictPrefix_ReturnsNeedMoreData() =>
        Prop.ForAll(SerialFrame(ModbusGen.RtuDelimited).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeRtu(f.Address, f.Msg);
            for (int i = 0; i < bytes.Length; i++)
            {
                Assert.Equal(OperationStatus.NeedMoreData, ModbusRtuFrame.TryRead(bytes.AsSpan(0, i), f.Msg.Direction, out _, out int consumed, out _));
                Assert.Equal(0, consumed);
            }
        });

    [Property]
    public Property Rtu_AnySegmentation_YieldsTheSameFrames() =>
        Prop.ForAll(RtuStream.ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 5000), 8).ToArbitrary(), (input, cuts) =>
        {
            (ModbusDirection direction, List<(byte Address, Msg Msg)> frames) = input;
            byte[] stream = frames.SelectMany(f => EncodeRtu(f.Address, f.Msg)).ToArray();
            string[] expected = frames.Select(f => $"{f.Address}/{Hex.Format(f.Msg.Encode())}").ToArray();

            var reader = new ProtocolReader<ModbusRtuMessage>(
                PipeReader.Create(ChunkedStream.Split(stream, cuts), new StreamPipeReaderOptions(bufferSize: 32, minimumReadSize: 1)),
                new ModbusRtuMessageReader(direction),
                new ProtocolReaderOptions { MaxMessageSize = ModbusLimits.MaxRtuFrameLength });
            var read = new List<string>();
            while (true)
            {
                ProtocolReadResult<ModbusRtuMessage> result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
                if (!result.HasMessage)
                {
                    Assert.True(result.IsCompleted, result.Error.ToString());
                    break;
                }

                read.Add($"{result.Message.Address}/{Hex.Format(result.Message.Pdu)}");
                reader.Advance();
            }

            Assert.Equal(expected, read);
        });

    [Property(MaxTest = 1000)]
    public Property Rtu_ArbitraryBytes_NeverThrowNorLoop() =>
        Prop.ForAll(ArbitraryBytes.ToArbitrary(), bytes =>
        {
            foreach (ModbusDirection direction in BothDirections)
            {
                ModbusRtuFrame.TryReadDelimited(bytes, direction, out _, out _);
                OperationStatus status = ModbusRtuFrame.TryRead(bytes, direction, out _, out int consumed, out ProtocolError error);
                Assert.Equal(status == OperationStatus.Done, consumed > 0);
                Assert.InRange(consumed, 0, bytes.Length);
                Assert.Equal(status == OperationStatus.InvalidData, error.IsError);
                PassiveLoopTerminates(bytes, new ModbusRtuMessageReader(direction), ModbusLimits.MaxRtuFrameLength);
            }
        });

    // ---- ASCII ----

    [Property(MaxTest = 1000)]
    public Property Ascii_WriteThenRead_ReturnsTheSameFrame() =>
        Prop.ForAll(SerialFrame(ModbusGen.AnyMessage).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeAscii(f.Address, f.Msg);
            var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
            Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryRead(bytes, f.Msg.Direction, buffer, out ModbusAsciiFrame frame, out int consumed, out ProtocolError error));
            Assert.False(error.IsError, error.ToString());
            Assert.Equal(bytes.Length, consumed);
            Assert.Equal(f.Address, frame.Address);
            Assert.Equal(f.Msg, Msg.Decode(frame.Pdu));
        });

    [Property]
    public Property Ascii_ReadThenWrite_ReproducesTheBytes() =>
        Prop.ForAll(SerialFrame(ModbusGen.AnyMessage).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeAscii(f.Address, f.Msg);
            var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
            Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryRead(bytes, f.Msg.Direction, buffer, out ModbusAsciiFrame frame, out _, out _));
            var pdu = new byte[ModbusLimits.MaxPduLength];
            int pduLength = Msg.WriteFromView(frame.Pdu, pdu);
            var again = new byte[ModbusLimits.MaxAsciiFrameLength];
            Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryWrite(frame.Address, pdu.AsSpan(0, pduLength), again, out int n));
            Assert.Equal(Hex.Format(bytes), Hex.Format(again.AsSpan(0, n)));
        });

    [Property]
    public Property Ascii_EveryStrictPrefix_ReturnsNeedMoreData() =>
        Prop.ForAll(SerialFrame(ModbusGen.AnyMessage).ToArbitrary(), f =>
        {
            byte[] bytes = EncodeAscii(f.Address, f.Msg);
            var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
            foreach (ModbusDirection direction in BothDirections)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    Assert.Equal(OperationStatus.NeedMoreData, ModbusAsciiFrame.TryRead(bytes.AsSpan(0, i), direction, buffer, out _, out int consumed, out _));
                    Assert.Equal(0, consumed);
                }
            }
        });

    [Property]
    public Property Ascii_AnySegmentation_YieldsTheSameFrames() =>
        Prop.ForAll(Gen.ListOf(SerialFrame(ModbusGen.AnyMessage), 5).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 5000), 8).ToArbitrary(), (frames, cuts) =>
        {
            byte[] stream = frames.SelectMany(f => EncodeAscii(f.Address, f.Msg)).ToArray();
            string[] expected = frames.Select(f => $"{f.Address}/{Hex.Format(f.Msg.Encode())}").ToArray();
            var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
            Assert.Equal(expected, SpanFeed.Read(stream, cuts, (ReadOnlySpan<byte> s, out string text) =>
            {
                OperationStatus status = ModbusAsciiFrame.TryRead(s, ModbusDirection.Unknown, buffer, out ModbusAsciiFrame frame, out int consumed, out _);
                text = status == OperationStatus.Done ? $"{frame.Address}/{Hex.Format(frame.Pdu.Span)}" : string.Empty;
                return (status, consumed);
            }));
        });

    [Property(MaxTest = 1000)]
    public Property Ascii_ArbitraryBytes_NeverThrow() =>
        Prop.ForAll(ArbitraryBytes.ToArbitrary(), bytes =>
        {
            var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
            foreach (ModbusDirection direction in BothDirections)
            {
                OperationStatus status = ModbusAsciiFrame.TryRead(bytes, direction, buffer, out _, out int consumed, out ProtocolError error);
                Assert.Equal(status == OperationStatus.Done, consumed > 0);
                Assert.InRange(consumed, 0, bytes.Length);
                Assert.Equal(status == OperationStatus.InvalidData, error.IsError);
            }
        });

    /// <summary>The passive read loop over any bytes ends, accounting for every byte (read, skipped or left over).</summary>
    private static void PassiveLoopTerminates<T>(byte[] bytes, IMessageReader<T> messageReader, int maxMessageSize)
    {
        var reader = new ProtocolReader<T>(
            PipeReader.Create(new ChunkedStream([bytes])),
            messageReader,
            new ProtocolReaderOptions { Mode = FramingMode.Passive, MaxMessageSize = maxMessageSize });
        int results = 0;
        while (true)
        {
            Assert.True(++results <= bytes.Length + 2, "the read loop did not terminate");
            ProtocolReadResult<T> result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
            Assert.False(result.IsFaulted);
            if (!result.HasMessage)
            {
                Assert.True(result.IsCompleted);
                break;
            }

            reader.Advance();
        }
    }
}

/// <summary>Feeds a stream to a span reader in pieces, as a receive loop would: append, read while Done, keep the rest.</summary>
internal static class SpanFeed
{
    public delegate (OperationStatus Status, int Consumed) Reader(ReadOnlySpan<byte> source, out string text);

    public static List<string> Read(byte[] stream, IEnumerable<int> cuts, Reader read)
    {
        var output = new List<string>();
        var pending = new List<byte>();
        using var chunks = ChunkedStream.Split(stream, cuts);
        var chunk = new byte[stream.Length + 1];
        int n;
        while ((n = chunks.Read(chunk, 0, chunk.Length)) > 0)
        {
            pending.AddRange(chunk.AsSpan(0, n).ToArray());
            while (true)
            {
                byte[] buffer = pending.ToArray();
                (OperationStatus status, int consumed) = read(buffer, out string text);
                if (status != OperationStatus.Done)
                {
                    Assert.Equal(OperationStatus.NeedMoreData, status);
                    break;
                }

                output.Add(text);
                pending.RemoveRange(0, consumed);
            }
        }

        Assert.Empty(pending);
        return output;
    }
}
