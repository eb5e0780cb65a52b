using OtSecurity.Protocols.Bacnet;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

public class BacnetTagTests
{
    [Fact]
    public void TryReadTag_ApplicationUnsigned_ReadsHeaderAndContent()
    {
        // 20.2.1: 0x22 = tag 2 (Unsigned), application, length 2; value 1024.
        var reader = new BacnetTagReader(Bytes("22 0400"));
        Assert.True(reader.TryPeekTag(out BacnetTag tag));
        Assert.Equal(2, tag.Number);
        Assert.False(tag.IsContext);
        Assert.Equal(BacnetTagKind.Primitive, tag.Kind);
        Assert.Equal(3, tag.EncodedLength);
        Assert.True(reader.TryReadUnsigned(out uint value));
        Assert.Equal(1024u, value);
        Assert.True(reader.End);
    }

    [Fact]
    public void TryReadTag_ExtendedTagNumber_ReadsSecondOctet()
    {
        // 20.2.1.2: 0xF9 = extended tag number, context, length 1; tag 22; value 7.
        var reader = new BacnetTagReader(Bytes("f9 16 07"));
        Assert.True(reader.TryReadContextUnsigned(22, out uint value));
        Assert.Equal(7u, value);
    }

    [Theory]
    [InlineData("65 05", 5)] // 20.2.1.3.1: LVT 5, one length octet
    [InlineData("65 fe 0100", 256)] // 254: two length octets
    [InlineData("65 ff 00010000", 65536)] // 255: four length octets
    public void TryReadOctetString_ExtendedLengths_ReadsContent(string header, int length)
    {
        byte[] bytes = [.. Bytes(header), .. new byte[length]];
        var reader = new BacnetTagReader(bytes);
        Assert.True(reader.TryReadOctetString(out ReadOnlySpan<byte> content));
        Assert.Equal(length, content.Length);
        Assert.True(reader.End);
    }

    [Fact]
    public void TryReadConstructed_NestedValues_ReturnsInnerOctets()
    {
        // [1] { [0] 5, [2] { 44 real }, } then Unsigned 1.
        var reader = new BacnetTagReader(Bytes("1e 09 05 2e 44 42c80000 2f 1f 21 01"));
        Assert.True(reader.TryReadConstructed(1, out ReadOnlySpan<byte> inner));
        Assert.Equal(Bytes("09 05 2e 44 42c80000 2f"), inner.ToArray());
        Assert.True(reader.TryReadUnsigned(out uint one));
        Assert.Equal(1u, one);
    }

    [Fact]
    public void PrimitiveValues_DecodeAsSpecified()
    {
        // Boolean true (LVT 1), Signed -2, Real 100.0, Double 1.5, Date, Time, object id (device,500), character string, bit string, Null, enumerated 5.
        var reader = new BacnetTagReader(Bytes("11 31 fe 44 42c80000 55 08 3ff8000000000000 a4 75011f03 b4 0a2c2f33 c4 020001f4 75 05 04004b0042 82 04 a0 00 91 05"));
        Assert.True(reader.TryReadBoolean(out bool flag));
        Assert.True(flag);
        Assert.True(reader.TryReadSigned(out int signed));
        Assert.Equal(-2, signed);
        Assert.True(reader.TryReadReal(out float real));
        Assert.Equal(100.0f, real);
        Assert.True(reader.TryReadDouble(out double wide));
        Assert.Equal(1.5, wide);
        Assert.True(reader.TryReadDate(out BacnetDate date));
        Assert.Equal(2017, date.Year);
        Assert.Equal(new BacnetDate(117, 1, 31, 3), date);
        Assert.True(reader.TryReadTime(out BacnetTime time));
        Assert.Equal(new BacnetTime(10, 44, 47, 51), time);
        Assert.True(reader.TryReadObjectIdentifier(out BacnetObjectIdentifier id));
        Assert.Equal(new BacnetObjectIdentifier(BacnetObjectType.Device, 500), id);
        Assert.Equal("Device,500", id.ToString());
        Assert.True(reader.TryReadCharacterString(out BacnetCharacterString text));
        Assert.Equal("KB", text.Decode());
        Assert.True(reader.TryReadBitString(out BacnetBitString bits));
        Assert.Equal(4, bits.Length);
        Assert.True(bits[0]);
        Assert.False(bits[1]);
        Assert.True(bits[2]);
        Assert.True(reader.TryReadNull());
        Assert.True(reader.TryReadEnumerated(out uint enumerated));
        Assert.Equal(5u, enumerated);
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("", BacnetError.TagTruncated, 0)]
    [InlineData("f9", BacnetError.TagTruncated, 1)] // extended tag number missing
    [InlineData("f9 ff 00", BacnetError.TagInvalid, 1)] // tag number 255 is reserved
    [InlineData("f9 05 00", BacnetError.TagInvalid, 1)] // tags below 15 use the initial octet
    [InlineData("26", BacnetError.TagInvalid, 0)] // application tag with LVT 6
    [InlineData("12", BacnetError.TagInvalid, 0)] // application boolean LVT 2
    [InlineData("65", BacnetError.TagTruncated, 1)] // extended length missing
    [InlineData("65 fe 01", BacnetError.TagTruncated, 2)] // 2-octet length cut
    [InlineData("65 ff 0000", BacnetError.TagTruncated, 2)] // 4-octet length cut
    [InlineData("24 0102", BacnetError.TagTruncated, 0)] // 4 content octets announced, 2 present
    public void TryReadTag_Invalid_FailsWithoutMoving(string hex, BacnetError expected, int offset)
    {
        var reader = new BacnetTagReader(Bytes(hex));
        Assert.False(reader.TryReadTag(out BacnetTag tag));
        Assert.Equal(0, reader.Position);
        Assert.Equal(0, tag.EncodedLength);
        Assert.Equal((int)expected, reader.Error.Code);
        Assert.Equal(offset, reader.Error.Offset);
    }

    [Theory]
    [InlineData("20", BacnetError.ValueInvalid)] // unsigned without content
    [InlineData("25 05 0102030405", BacnetError.ValueInvalid)] // 5 octets do not fit 32 bits
    [InlineData("21 05 21", BacnetError.TagUnexpected)] // wrong tag number for the next read below
    public void TryReadUnsigned_Invalid_FailsWithoutMoving(string hex, BacnetError expected)
    {
        var reader = new BacnetTagReader(Bytes(hex));
        bool ok = expected == BacnetError.TagUnexpected ? reader.TryReadEnumerated(out _) : reader.TryReadUnsigned(out _);
        Assert.False(ok);
        Assert.Equal(0, reader.Position);
        Assert.Equal((int)expected, reader.Error.Code);
    }

    [Theory]
    [InlineData("1e 09 05", BacnetError.TagTruncated)] // no closing tag
    [InlineData("1e 09 05 2f", BacnetError.ConstructedUnbalanced)] // closing tag of another number
    [InlineData("1f", BacnetError.TagUnexpected)] // a closing tag where the opening tag belongs
    public void TryReadConstructed_Unbalanced_FailsWithoutMoving(string hex, BacnetError expected)
    {
        var reader = new BacnetTagReader(Bytes(hex));
        Assert.False(reader.TryReadConstructed(1, out _));
        Assert.Equal(0, reader.Position);
        Assert.Equal((int)expected, reader.Error.Code);
    }

    [Fact]
    public void TrySkipElement_TooDeep_Fails()
    {
        byte[] bytes = new byte[2 * (BacnetTagReader.MaxDepth + 2)];
        for (int i = 0; i < BacnetTagReader.MaxDepth + 2; i++)
        {
            bytes[i] = 0x0E;
            bytes[^(i + 1)] = 0x0F;
        }

        var reader = new BacnetTagReader(bytes);
        Assert.False(reader.TrySkipElement());
        Assert.Equal((int)BacnetError.NestingTooDeep, reader.Error.Code);
        Assert.Equal(0, reader.Position);
    }

    [Fact]
    public void Writer_ProducesMinimalEncodings()
    {
        byte[] buffer = new byte[64];
        var writer = new BacnetTagWriter(buffer);
        writer.WriteUnsigned(0);
        writer.WriteUnsigned(256);
        writer.WriteSigned(-129);
        writer.WriteContextUnsigned(22, 7);
        writer.WriteOpening(3);
        writer.WriteClosing(3);
        writer.WriteBoolean(true);
        writer.WriteContextBoolean(2, false);
        writer.WriteOctetString(new byte[5]);
        Assert.Equal(System.Buffers.OperationStatus.Done, writer.Complete(out int written));
        Assert.Equal(Bytes("21 00 22 0100 32 ff7f f9 16 07 3e 3f 11 29 00 65 05 0000000000"), buffer[..written]);
    }

    [Fact]
    public void Writer_Overflow_ReportsDestinationTooSmall()
    {
        var writer = new BacnetTagWriter(new byte[2]);
        writer.WriteUnsigned(65536);
        Assert.True(writer.Overflowed);
        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, writer.Complete(out int written));
        Assert.Equal(0, written);
    }
}
