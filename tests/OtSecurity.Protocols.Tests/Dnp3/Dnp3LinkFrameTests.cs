using System.Buffers;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Protocols.Tests.Dnp3;

public class Dnp3LinkFrameTests
{
    // zeek dnp3_link_only.pcap frame 1: REQUEST_LINK_STATUS (control 0x49: DIR 0, PRM 1, FC 9) from 1 to 100.
    private const string RequestLinkStatus = "05 64 05 49 64 00 01 00 7E 5F";

    // zeek dnp3_link_only.pcap frame 2: LINK_STATUS (control 0x8B: DIR 1, PRM 0, FC 11) from 100 to 1.
    private const string LinkStatus = "05 64 05 8B 01 00 64 00 A0 97";

    // zeek dnp3_link_only.pcap frame 7: UNCONFIRMED_USER_DATA from master 100 to 1, READ class 0 (g60v1 qualifier 0x06).
    private const string ReadClass0 = "05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83 F4";

    // zeek dnp3.pcap frame 4: unsolicited response, user data block CRC 4F BD.
    private const string Unsolicited = "05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BD";

    [Fact]
    public void TryRead_RequestLinkStatus_ReadsHeader()
    {
        byte[] bytes = Dnp3Hex.Bytes(RequestLinkStatus);
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out int consumed));
        Assert.Equal(10, consumed);
        Assert.Equal(5, frame.Header.Length);
        Assert.False(frame.Header.IsFromMaster);
        Assert.True(frame.Header.IsPrimary);
        Assert.Equal(Dnp3PrimaryFunction.RequestLinkStatus, frame.Header.PrimaryFunction);
        Assert.Equal(100, frame.Header.DestinationAddress);
        Assert.Equal(1, frame.Header.SourceAddress);
        Assert.Equal(0, frame.UserDataLength);
        Assert.Null(frame.FirstUserDataOctet);
        Assert.False(frame.Header.CarriesUserData);
    }

    [Fact]
    public void TryRead_LinkStatus_ReadsSecondaryFunction()
    {
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(Dnp3Hex.Bytes(LinkStatus), out Dnp3LinkFrame frame, out _));
        Assert.True(frame.Header.IsFromMaster);
        Assert.False(frame.Header.IsPrimary);
        Assert.False(frame.Header.DataFlowControl);
        Assert.Equal(Dnp3SecondaryFunction.LinkStatus, frame.Header.SecondaryFunction);
    }

    [Fact]
    public void TryRead_UserData_CopiesUserDataWithoutCrcs()
    {
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(Dnp3Hex.Bytes(ReadClass0), out Dnp3LinkFrame frame, out int consumed));
        Assert.Equal(18, consumed);
        Assert.Equal(Dnp3PrimaryFunction.UnconfirmedUserData, frame.Header.PrimaryFunction);
        Assert.True(frame.Header.CarriesUserData);
        Span<byte> user = stackalloc byte[frame.UserDataLength];
        Assert.Equal(6, frame.CopyUserData(user));
        Assert.Equal(Dnp3Hex.Bytes("C4 C7 01 3C 01 06"), user.ToArray());
        Assert.Equal((byte)0xC4, frame.FirstUserDataOctet);
    }

    [Fact]
    public void TryRead_FullFrameFromCapture_ChecksSixteenBlocks()
    {
        // A 292-octet frame: LENGTH 255, 250 user data octets in 15 full blocks and one of 10 octets.
        var user = new byte[250];
        for (int i = 0; i < user.Length; i++)
        {
            user[i] = (byte)(i * 7);
        }

        var buffer = new byte[Dnp3LinkFrame.MaxEncodedLength];
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryWrite(0x44, 1, 2, user, buffer, out int written));
        Assert.Equal(292, written);
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(buffer, out Dnp3LinkFrame frame, out int consumed));
        Assert.Equal(292, consumed);
        var copy = new byte[250];
        frame.CopyUserData(copy);
        Assert.Equal(user, copy);
    }

    [Fact]
    public void TryRead_TrailingBytes_ConsumesOneFrame()
    {
        byte[] bytes = Dnp3Hex.Bytes(RequestLinkStatus + LinkStatus);
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(bytes, out _, out int consumed));
        Assert.Equal(10, consumed);
    }

    [Theory]
    [InlineData("", "empty input")]
    [InlineData("05", "first start octet")]
    [InlineData("05 64", "start octets")]
    [InlineData("05 64 05 49 64 00 01 00 7E", "header without its last CRC octet")]
    [InlineData("05 64 0B C4 01 00 64 00 44 EA", "header without user data")]
    [InlineData("05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83", "user data block without its last CRC octet")]
    public void TryRead_TruncatedFrame_ReturnsNeedMoreData(string hex, string what)
    {
        Assert.Equal(OperationStatus.NeedMoreData, Dnp3LinkFrame.TryRead(Dnp3Hex.Bytes(hex), out Dnp3LinkFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.False(error.IsError, what);
        Assert.Equal(0, frame.EncodedBytes.Length);
    }

    [Theory]
    [InlineData("06 64 05 49 64 00 01 00 7E 5F", Dnp3Error.InvalidStartOctets, 0)]
    [InlineData("05 65 05 49 64 00 01 00 7E 5F", Dnp3Error.InvalidStartOctets, 1)]
    [InlineData("05 64 04 49 64 00 01 00 7E 5F", Dnp3Error.LengthTooSmall, 2)]
    // openics DNP3-Malformed.pcap frame 1 starts with LENGTH 2.
    [InlineData("05 64 02 C4 0A 00 01 00 97 FE", Dnp3Error.LengthTooSmall, 2)]
    [InlineData("05 64 05 49 64 00 01 00 7E 5E", Dnp3Error.HeaderCrcMismatch, 8)]
    [InlineData("05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83 F5", Dnp3Error.DataCrcMismatch, 16)]
    // A bad block CRC is reported as soon as the block is complete, even when the frame is not.
    [InlineData("05 64 20 C4 01 00 64 00 AF 71 00000000000000000000000000000000 FF FE 00", Dnp3Error.DataCrcMismatch, 26)]
    public void TryRead_InvalidFrame_ReturnsInvalidDataAndConsumesNothing(string hex, Dnp3Error expected, int offset)
    {
        byte[] bytes = Dnp3Hex.Bytes(hex);
        if (expected == Dnp3Error.DataCrcMismatch && bytes[2] == 0x20)
        {
            // Give the 0x20-length header a valid CRC so that the block CRC is what fails.
            ushort crc = Dnp3Crc.Compute(bytes.AsSpan(0, 8));
            bytes[8] = (byte)crc;
            bytes[9] = (byte)(crc >> 8);
        }

        Assert.Equal(OperationStatus.InvalidData, Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(0, frame.EncodedBytes.Length);
        Assert.Equal("dnp3", error.Protocol);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.False(string.IsNullOrEmpty(error.Reason));
    }

    [Fact]
    public void TryWrite_RequestLinkStatus_MatchesCaptureBytes()
    {
        byte control = Dnp3LinkHeader.PrimaryControl(fromMaster: false, Dnp3PrimaryFunction.RequestLinkStatus);
        Span<byte> buffer = stackalloc byte[16];
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryWrite(control, 100, 1, [], buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes(RequestLinkStatus), buffer[..written].ToArray());
    }

    [Fact]
    public void TryWrite_LinkStatus_MatchesCaptureBytes()
    {
        byte control = Dnp3LinkHeader.SecondaryControl(fromMaster: true, Dnp3SecondaryFunction.LinkStatus);
        var header = new Dnp3LinkHeader(5, control, 1, 100);
        Span<byte> buffer = stackalloc byte[10];
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryWrite(header, [], buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes(LinkStatus), buffer[..written].ToArray());
    }

    [Fact]
    public void TryWrite_UserData_MatchesCaptureBytes()
    {
        Span<byte> buffer = stackalloc byte[32];
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryWrite(0x44, 3, 4, Dnp3Hex.Bytes("E6 F7 82 10 00"), buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes(Unsolicited), buffer[..written].ToArray());
    }

    [Fact]
    public void TryWrite_DestinationTooSmall_WritesNothing()
    {
        var buffer = new byte[16];
        Assert.Equal(OperationStatus.DestinationTooSmall, Dnp3LinkFrame.TryWrite(0x44, 3, 4, Dnp3Hex.Bytes("E6 F7 82 10 00"), buffer, out int written));
        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryWrite_TooMuchUserData_Throws()
    {
        var buffer = new byte[400];
        Assert.Throws<ArgumentOutOfRangeException>(() => Dnp3LinkFrame.TryWrite(0x44, 1, 2, new byte[251], buffer, out _));
        Assert.Throws<ArgumentException>(() => Dnp3LinkFrame.TryWrite(new Dnp3LinkHeader(6, 0x44, 1, 2), [], buffer, out _));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 13)]
    [InlineData(16, 28)]
    [InlineData(17, 31)]
    [InlineData(250, 292)]
    public void GetEncodedLength_AddsOneCrcPerBlock(int userData, int expected)
    {
        Assert.Equal(expected, Dnp3LinkFrame.GetEncodedLength(userData));
    }

    [Fact]
    public void CopyUserData_ShortDestination_Throws()
    {
        byte[] bytes = Dnp3Hex.Bytes(ReadClass0);
        Assert.Throws<ArgumentException>(() =>
        {
            Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out _);
            frame.CopyUserData(new byte[5]);
        });
    }

    [Fact]
    public void Header_ControlBits_AreDecoded()
    {
        byte control = Dnp3LinkHeader.PrimaryControl(fromMaster: true, Dnp3PrimaryFunction.ConfirmedUserData, frameCountBit: true, frameCountValid: true);
        Assert.Equal(0xF3, control);
        var header = new Dnp3LinkHeader(5, control, 1, 2);
        Assert.True(header.FrameCountBit);
        Assert.True(header.FrameCountValid);
        Assert.False(header.DataFlowControl);
        var secondary = new Dnp3LinkHeader(5, Dnp3LinkHeader.SecondaryControl(false, Dnp3SecondaryFunction.Nack, dataFlowControl: true), 1, 2);
        Assert.Equal(0x11, secondary.Control);
        Assert.True(secondary.DataFlowControl);
        Assert.False(secondary.FrameCountBit);
        Assert.Equal(Dnp3SecondaryFunction.Nack, secondary.SecondaryFunction);
    }

    [Fact]
    public void TryRead_WarmedUp_AllocatesNothing()
    {
        byte[] bytes = Dnp3Hex.Bytes(ReadClass0);
        var reassembler = new Dnp3TransportReassembler();
        int Run()
        {
            Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out _);
            Span<byte> user = stackalloc byte[Dnp3LinkFrame.MaxUserDataLength];
            int n = frame.CopyUserData(user);
            Dnp3TransportSegment.TryRead(user[..n], out Dnp3TransportSegment segment, out _);
            reassembler.Add(frame.Header.SourceAddress, frame.Header.DestinationAddress, segment, out ReadOnlySpan<byte> fragment);
            Dnp3ApplicationFragment.TryRead(fragment, out Dnp3ApplicationFragment app, out _);
            int headers = 0;
            Dnp3ObjectReader reader = app.GetObjects();
            while (reader.TryReadNext(out Dnp3ObjectBlock block))
            {
                foreach (Dnp3Object item in block)
                {
                    headers += item.Value.Length;
                }

                headers++;
            }

            return headers;
        }

        Assert.Equal(1, Run());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += Run();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100, total);
        Assert.Equal(0, allocated);
    }
}
