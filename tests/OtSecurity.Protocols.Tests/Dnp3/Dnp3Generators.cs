using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Protocols.Tests.Dnp3;

/// <summary>A link frame to write: control, addresses and user data.</summary>
public sealed record LinkFrameSpec(byte Control, ushort Destination, ushort Source, byte[] UserData)
{
    public byte[] Encode()
    {
        var buffer = new byte[Dnp3LinkFrame.GetEncodedLength(UserData.Length)];
        Dnp3LinkFrame.TryWrite(Control, Destination, Source, UserData, buffer, out _);
        return buffer;
    }

    public override string ToString() => $"ctl={Control:X2} dst={Destination} src={Source} data={Convert.ToHexString(UserData)}";
}

/// <summary>A stream of link frames and the sizes of the chunks it arrives in.</summary>
public sealed record LinkStreamSpec(LinkFrameSpec[] Frames, int[] Chunks);

/// <summary>One object header and the data that follows it.</summary>
public sealed record ObjectBlockSpec(Dnp3ObjectHeader Header, byte[] Data)
{
    public override string ToString() => $"{Header.Group}/{Header.Variation} q={Header.Qualifier:X2} {Header.RangeStart}-{Header.RangeStopOrCount} data={Convert.ToHexString(Data)}";
}

/// <summary>An application fragment to write.</summary>
public sealed record FragmentSpec(byte Control, Dnp3FunctionCode Function, ushort Iin, ObjectBlockSpec[] Blocks)
{
    public byte[] Encode()
    {
        var objects = new byte[4096];
        int length = 0;
        foreach (ObjectBlockSpec block in Blocks)
        {
            block.Header.TryWrite(objects.AsSpan(length), out int written);
            length += written;
            block.Data.CopyTo(objects, length);
            length += block.Data.Length;
        }

        var buffer = new byte[Dnp3ApplicationFragment.GetEncodedLength(Function, length)];
        if (Dnp3FunctionCodes.IsResponse(Function))
        {
            Dnp3ApplicationFragment.TryWriteResponse(new Dnp3ApplicationControl(Control), Function, (Dnp3InternalIndications)Iin, objects.AsSpan(0, length), buffer, out _);
        }
        else
        {
            Dnp3ApplicationFragment.TryWriteRequest(new Dnp3ApplicationControl(Control), Function, objects.AsSpan(0, length), buffer, out _);
        }

        return buffer;
    }

    public override string ToString() => $"fc={Function} ctl={Control:X2} iin={Iin:X4} [{string.Join("; ", Blocks.Select(b => b.ToString()))}]";
}

/// <summary>A fragment sent through transport and link layers, with the segment payload sizes and chunking of the byte stream.</summary>
public sealed record StackSpec(FragmentSpec Fragment, int[] SegmentSizes, int[] Chunks);

/// <summary>FsCheck generators for DNP3.</summary>
public static class Dnp3Arbitraries
{
    private static readonly Dnp3FunctionCode[] RequestFunctionsWithData =
    [
        Dnp3FunctionCode.Write, Dnp3FunctionCode.Select, Dnp3FunctionCode.Operate, Dnp3FunctionCode.DirectOperate,
        Dnp3FunctionCode.DirectOperateNoResponse, Dnp3FunctionCode.OpenFile, Dnp3FunctionCode.AuthenticateRequest,
    ];

    private static readonly Dnp3FunctionCode[] BareRequestFunctions =
    [
        Dnp3FunctionCode.Read, Dnp3FunctionCode.ImmediateFreeze, Dnp3FunctionCode.EnableUnsolicited, Dnp3FunctionCode.DisableUnsolicited,
        Dnp3FunctionCode.AssignClass,
    ];

    private static readonly Dnp3FunctionCode[] ResponseFunctions =
        [Dnp3FunctionCode.Response, Dnp3FunctionCode.UnsolicitedResponse, Dnp3FunctionCode.AuthenticateResponse];

    public static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), n));

    public static Gen<LinkFrameSpec> LinkFrameGen =>
        from control in Gen.Choose(0, 255)
        from destination in Gen.Choose(0, 65535)
        from source in Gen.Choose(0, 65535)
        from data in Gen.Frequency((1, Gen.Constant(Array.Empty<byte>())), (3, Bytes(1, 250)))
        select new LinkFrameSpec((byte)control, (ushort)destination, (ushort)source, data);

    public static Gen<int[]> Chunks => Gen.ArrayOf(Gen.Choose(1, 64), 200);

    public static Arbitrary<LinkFrameSpec> LinkFrame() => LinkFrameGen.ToArbitrary();

    public static Arbitrary<LinkStreamSpec> LinkStream() =>
        (from frames in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(LinkFrameGen, n))
         from chunks in Chunks
         select new LinkStreamSpec(frames, chunks)).ToArbitrary();

    private static Gen<ObjectBlockSpec> DataBlock =>
        Gen.OneOf(
            // Fixed-size objects with a start-stop range.
            from template in Gen.Elements((30, 1, 5), (20, 2, 3), (2, 2, 7), (12, 1, 11), (50, 1, 6), (32, 8, 15), (110, 5, 5), (41, 3, 5))
            from start in Gen.Choose(0, 300)
            from count in Gen.Choose(1, 6)
            from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), count * template.Item3)
            select new ObjectBlockSpec(Dnp3ObjectHeader.StartStop((byte)template.Item1, (byte)template.Item2, (uint)start, (uint)(start + count - 1)), data),
            // Fixed-size objects with an index prefix (qualifiers 0x17 and 0x28).
            from template in Gen.Elements((2, 1, 1), (22, 1, 5), (32, 1, 5), (12, 1, 11))
            from wide in Gen.Elements(false, true)
            from count in Gen.Choose(1, 4)
            from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), count * (template.Item3 + (wide ? 2 : 1)))
            select new ObjectBlockSpec(
                Dnp3ObjectHeader.Counted((byte)template.Item1, (byte)template.Item2, wide ? Dnp3PrefixCode.Index2 : Dnp3PrefixCode.Index1, wide ? Dnp3RangeCode.Count2 : Dnp3RangeCode.Count1, (uint)count),
                data),
            // Bit-packed objects (1 or 2 bits each), last octet padded with zeros.
            from template in Gen.Elements((1, 1, 1), (3, 1, 2), (10, 1, 1), (80, 1, 1))
            from count in Gen.Choose(1, 20)
            from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), ((count * template.Item3) + 7) / 8)
            select new ObjectBlockSpec(Dnp3ObjectHeader.StartStop((byte)template.Item1, (byte)template.Item2, 0, (uint)(count - 1)), data),
            // Variable-size objects with a 2-octet size prefix (qualifier 0x5B): file control and authentication.
            from objectType in Gen.Elements((70, 3), (120, 5), (120, 9))
            from sizes in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 20), n))
            from payload in Bytes(sizes.Sum(), sizes.Sum())
            select new ObjectBlockSpec(
                Dnp3ObjectHeader.Counted((byte)objectType.Item1, (byte)objectType.Item2, Dnp3PrefixCode.Size2, Dnp3RangeCode.FreeFormatCount1, (uint)sizes.Length),
                SizePrefixed(sizes, payload)));

    private static Gen<ObjectBlockSpec> BareBlock =>
        Gen.OneOf(
            from variation in Gen.Choose(1, 4)
            select new ObjectBlockSpec(Dnp3ObjectHeader.AllObjects(60, (byte)variation), []),
            from objectGroup in Gen.Elements<byte>(1, 2, 20, 30, 32, 40)
            from start in Gen.Choose(0, 1000)
            from count in Gen.Choose(1, 100)
            select new ObjectBlockSpec(Dnp3ObjectHeader.StartStop(objectGroup, 0, (uint)start, (uint)(start + count - 1)), []),
            from eventGroup in Gen.Elements<byte>(2, 22, 32)
            from count in Gen.Choose(1, 255)
            select new ObjectBlockSpec(Dnp3ObjectHeader.Counted(eventGroup, 0, Dnp3PrefixCode.None, Dnp3RangeCode.Count1, (uint)count), []));

    public static Gen<FragmentSpec> FragmentGen =>
        Gen.OneOf(
            from control in Gen.Choose(0, 255)
            from function in Gen.Elements(ResponseFunctions)
            from iin in Gen.Choose(0, 65535)
            from blocks in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(DataBlock, n))
            select new FragmentSpec((byte)control, function, (ushort)iin, blocks),
            from control in Gen.Choose(0, 255)
            from function in Gen.Elements(RequestFunctionsWithData)
            from blocks in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(DataBlock, n))
            select new FragmentSpec((byte)control, function, 0, blocks),
            from control in Gen.Choose(0, 255)
            from function in Gen.Elements(BareRequestFunctions)
            from blocks in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(BareBlock, n))
            select new FragmentSpec((byte)control, function, 0, blocks));

    public static Arbitrary<FragmentSpec> Fragment() => FragmentGen.ToArbitrary();

    public static Arbitrary<StackSpec> Stack() =>
        (from fragment in FragmentGen
         from sizes in Gen.ArrayOf(Gen.Choose(1, Dnp3TransportSegment.MaxPayloadLength), 64)
         from chunks in Chunks
         select new StackSpec(fragment, sizes, chunks)).ToArbitrary();

    private static byte[] SizePrefixed(int[] sizes, byte[] payload)
    {
        var data = new byte[(2 * sizes.Length) + payload.Length];
        int offset = 0;
        int read = 0;
        foreach (int size in sizes)
        {
            data[offset] = (byte)size;
            data[offset + 1] = 0;
            payload.AsSpan(read, size).CopyTo(data.AsSpan(offset + 2));
            offset += 2 + size;
            read += size;
        }

        return data;
    }
}

/// <summary>A frame read back from a stream: header and user data.</summary>
public sealed record ReadFrame(Dnp3LinkHeader Header, byte[] UserData);

/// <summary>Reads link frames from a byte stream that arrives in chunks, as a read loop would.</summary>
public static class Dnp3StreamReader
{
    public static List<ReadFrame> ReadChunked(byte[] stream, int[] chunks)
    {
        var frames = new List<ReadFrame>();
        var pending = new List<byte>();
        int position = 0;
        int chunk = 0;
        while (position < stream.Length)
        {
            int size = Math.Min(chunks[chunk++ % chunks.Length], stream.Length - position);
            pending.AddRange(stream.AsSpan(position, size).ToArray());
            position += size;
            while (true)
            {
                byte[] buffer = [.. pending];
                OperationStatus status = Dnp3LinkFrame.TryRead(buffer, out Dnp3LinkFrame frame, out int consumed);
                if (status != OperationStatus.Done)
                {
                    if (status == OperationStatus.InvalidData)
                    {
                        throw new InvalidOperationException("A valid stream produced InvalidData.");
                    }

                    break;
                }

                var user = new byte[frame.UserDataLength];
                frame.CopyUserData(user);
                frames.Add(new ReadFrame(frame.Header, user));
                pending.RemoveRange(0, consumed);
            }
        }

        return frames;
    }
}
