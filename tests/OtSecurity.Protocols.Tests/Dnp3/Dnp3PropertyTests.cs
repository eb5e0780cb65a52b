using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.Dnp3;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Dnp3;

[Properties(Arbitrary = [typeof(Dnp3Arbitraries)])]
public class Dnp3PropertyTests
{
    [Property]
    public bool LinkFrame_WriteThenRead_RoundTrips(LinkFrameSpec spec)
    {
        byte[] bytes = spec.Encode();
        if (Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out int consumed) != OperationStatus.Done || consumed != bytes.Length)
        {
            return false;
        }

        var user = new byte[frame.UserDataLength];
        frame.CopyUserData(user);
        return frame.Header.Control == spec.Control && frame.Header.DestinationAddress == spec.Destination
            && frame.Header.SourceAddress == spec.Source && user.AsSpan().SequenceEqual(spec.UserData);
    }

    [Property]
    public bool LinkFrame_ReadThenWrite_IsCanonical(LinkFrameSpec spec)
    {
        byte[] bytes = spec.Encode();
        Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out _);
        var user = new byte[frame.UserDataLength];
        frame.CopyUserData(user);
        var again = new byte[bytes.Length];
        Dnp3LinkFrame.TryWrite(frame.Header, user, again, out int written);
        return written == bytes.Length && again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool LinkFrame_EveryStrictPrefix_NeedsMoreData(LinkFrameSpec spec)
    {
        byte[] bytes = spec.Encode();
        for (int length = 0; length < bytes.Length; length++)
        {
            if (Dnp3LinkFrame.TryRead(bytes.AsSpan(0, length), out _, out int consumed) != OperationStatus.NeedMoreData || consumed != 0)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool LinkFrame_ArbitrarySegmentation_YieldsTheSameFrames(LinkStreamSpec spec)
    {
        byte[] stream = spec.Frames.SelectMany(f => f.Encode()).ToArray();
        List<ReadFrame> frames = Dnp3StreamReader.ReadChunked(stream, spec.Chunks);
        return frames.Count == spec.Frames.Length && frames.Zip(spec.Frames).All(pair =>
            pair.First.Header.Control == pair.Second.Control && pair.First.Header.SourceAddress == pair.Second.Source
            && pair.First.Header.DestinationAddress == pair.Second.Destination && pair.First.UserData.AsSpan().SequenceEqual(pair.Second.UserData));
    }

    [Property(MaxTest = 1000)]
    public bool ArbitraryBytes_NeverThrowAndNeverLoop(byte[] bytes)
    {
        // Scan like a passive monitor (FrameStream: read frames, skip one octet on InvalidData, stop on NeedMoreData),
        // feeding every frame read through the transport reassembler to the application layer.
        var reassembler = new Dnp3TransportReassembler();
        var user = new byte[Dnp3LinkFrame.MaxUserDataLength];
        bool terminated = FrameStream.ArbitraryBytesTerminate(bytes, (ReadOnlySpan<byte> source, out int consumed) =>
        {
            OperationStatus status = Dnp3LinkFrame.TryRead(source, out Dnp3LinkFrame frame, out consumed, out ProtocolError error);
            Assert.Equal(status == OperationStatus.InvalidData, error.IsError);
            if (status == OperationStatus.Done)
            {
                int n = frame.CopyUserData(user);
                if (Dnp3TransportSegment.TryRead(user.AsSpan(0, n), out Dnp3TransportSegment segment, out _) == OperationStatus.Done
                    && reassembler.Add(frame.Header.SourceAddress, frame.Header.DestinationAddress, segment, out ReadOnlySpan<byte> fragment) == Dnp3ReassemblyStatus.Completed)
                {
                    WalkFragment(fragment);
                }
            }

            return status;
        });

        // The application layer must also survive arbitrary octets directly.
        WalkFragment(bytes);
        return terminated;
    }

    [Property]
    public bool Fragment_WriteThenRead_RoundTrips(FragmentSpec spec)
    {
        byte[] bytes = spec.Encode();
        return Matches(bytes, spec);
    }

    [Property]
    public bool Fragment_ReadThenWrite_IsCanonical(FragmentSpec spec)
    {
        byte[] bytes = spec.Encode();
        Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _);
        var again = new byte[bytes.Length];
        OperationStatus status = fragment.IsResponse
            ? Dnp3ApplicationFragment.TryWriteResponse(fragment.Control, fragment.Function, fragment.InternalIndications, fragment.ObjectData, again, out int written)
            : Dnp3ApplicationFragment.TryWriteRequest(fragment.Control, fragment.Function, fragment.ObjectData, again, out written);
        return status == OperationStatus.Done && written == bytes.Length && again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool Fragment_ThroughTransportAndLinkLayers_ArrivesWhole(StackSpec spec)
    {
        // Split the fragment into transport segments (sequence numbers from 60, so some wrap), wrap each in a link frame.
        byte[] fragmentBytes = spec.Fragment.Encode();
        var stream = new List<byte>();
        int offset = 0;
        int segmentIndex = 0;
        byte sequence = 60;
        do
        {
            int size = Math.Min(spec.SegmentSizes[segmentIndex++ % spec.SegmentSizes.Length], fragmentBytes.Length - offset);
            var header = new Dnp3TransportHeader(offset + size == fragmentBytes.Length, offset == 0, sequence);
            sequence = (byte)((sequence + 1) & 0x3F);
            var segment = new byte[size + 1];
            Dnp3TransportSegment.TryWrite(header, fragmentBytes.AsSpan(offset, size), segment, out _);
            stream.AddRange(new LinkFrameSpec(0xC4, 10, 1, segment).Encode());
            offset += size;
        }
        while (offset < fragmentBytes.Length);

        var reassembler = new Dnp3TransportReassembler();
        byte[]? completed = null;
        foreach (ReadFrame frame in Dnp3StreamReader.ReadChunked([.. stream], spec.Chunks))
        {
            Dnp3TransportSegment.TryRead(frame.UserData, out Dnp3TransportSegment segment, out _);
            Dnp3ReassemblyStatus status = reassembler.Add(frame.Header.SourceAddress, frame.Header.DestinationAddress, segment, out ReadOnlySpan<byte> fragment);
            if (status == Dnp3ReassemblyStatus.Completed)
            {
                completed = fragment.ToArray();
            }
            else if (status != Dnp3ReassemblyStatus.InProgress)
            {
                return false;
            }
        }

        return completed is not null && completed.AsSpan().SequenceEqual(fragmentBytes) && Matches(completed, spec.Fragment);
    }

    private static bool Matches(byte[] bytes, FragmentSpec spec)
    {
        if (Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out int consumed) != OperationStatus.Done || consumed != bytes.Length)
        {
            return false;
        }

        if (fragment.Function != spec.Function || fragment.Control.Value != spec.Control
            || (ushort)fragment.InternalIndications != (Dnp3FunctionCodes.IsResponse(spec.Function) ? spec.Iin : 0) || fragment.EndsWithRawData)
        {
            return false;
        }

        Dnp3ObjectReader reader = fragment.GetObjects();
        int index = 0;
        while (reader.TryReadNext(out Dnp3ObjectBlock block))
        {
            if (index >= spec.Blocks.Length || block.Header != spec.Blocks[index].Header || !block.Data.SequenceEqual(spec.Blocks[index].Data))
            {
                return false;
            }

            int objects = 0;
            foreach (Dnp3Object item in block)
            {
                objects++;
            }

            if (spec.Blocks[index].Data.Length > 0 && objects != block.Header.ObjectCount)
            {
                return false;
            }

            index++;
        }

        return index == spec.Blocks.Length && !reader.Error.IsError;
    }

    private static void WalkFragment(ReadOnlySpan<byte> bytes)
    {
        if (Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _) == OperationStatus.Done)
        {
            Dnp3Classifier.Classify(fragment);
            Dnp3ObjectReader reader = fragment.GetObjects();
            while (reader.TryReadNext(out Dnp3ObjectBlock block))
            {
                foreach (Dnp3Object item in block)
                {
                    _ = item.Value.Length + item.PackedValue;
                }
            }
        }
    }
}
