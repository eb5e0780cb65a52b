using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Protocols.Iec104;

namespace OtSecurity.Protocols.Tests.Iec104;

/// <summary>An APDU to write: U function, S receive number, or I numbers and an ASDU.</summary>
public sealed record ApduSpec(Iec104FrameFormat Format, Iec104UFunction UFunction, ushort Send, ushort Receive, Iec104AsduHeader Asdu, uint[] Addresses, byte[] Elements)
{
    public byte[] Encode()
    {
        var buffer = new byte[Iec104Apdu.ApciLength + Iec104Asdu.MaxLength];
        int written;
        switch (Format)
        {
            case Iec104FrameFormat.U:
                Iec104Apdu.TryWriteUnnumbered(UFunction, buffer, out written);
                break;
            case Iec104FrameFormat.S:
                Iec104Apdu.TryWriteSupervisory(Receive, buffer, out written);
                break;
            default:
                byte[] objects = EncodeObjects();
                var asdu = new byte[Iec104Asdu.GetEncodedLength(objects.Length)];
                Iec104Asdu.TryWrite(Asdu, objects, asdu, out _);
                Iec104Apdu.TryWriteInformation(Send, Receive, asdu, buffer, out written);
                break;
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    public byte[] EncodeObjects()
    {
        int size = Iec104TypeIds.ElementSize((byte)Asdu.TypeId);
        var objects = new List<byte>();
        for (int i = 0; i < Asdu.ObjectCount; i++)
        {
            if (!Asdu.IsSequence || i == 0)
            {
                var address = new byte[3];
                Iec104InformationObject.WriteAddress(Addresses[i], address);
                objects.AddRange(address);
            }

            objects.AddRange(Elements.AsSpan(i * size, size).ToArray());
        }

        return [.. objects];
    }

    public override string ToString() => $"{Format} {UFunction} ns={Send} nr={Receive} {Asdu} addresses=[{string.Join(",", Addresses)}] elements={Convert.ToHexString(Elements)}";
}

/// <summary>A stream of APDUs and the sizes of the chunks it arrives in.</summary>
public sealed record ApduStreamSpec(ApduSpec[] Apdus, int[] Chunks);

/// <summary>FsCheck generators for IEC 60870-5-104.</summary>
public static class Iec104Arbitraries
{
    private static readonly byte[] FixedSizeTypes = Enumerable.Range(1, 127)
        .Where(t => Iec104TypeIds.IsDefined((byte)t) && Iec104TypeIds.ElementSize((byte)t) >= 0)
        .Select(t => (byte)t).ToArray();

    private static Gen<ApduSpec> IFormat =>
        from type in Gen.Elements(FixedSizeTypes)
        let size = Iec104TypeIds.ElementSize(type)
        from sequence in Gen.Elements(false, true)
        let maxCount = Math.Min(127, sequence ? (Iec104Asdu.MaxLength - 6 - 3) / Math.Max(1, size) : (Iec104Asdu.MaxLength - 6) / (3 + size))
        from count in Gen.Choose(0, Math.Min(maxCount, 12))
        from cause in Gen.Choose(1, 63)
        from negative in Gen.Elements(false, true)
        from test in Gen.Elements(false, true)
        from originator in Gen.Choose(0, 255)
        from common in Gen.Choose(0, 65535)
        from send in Gen.Choose(0, 32767)
        from receive in Gen.Choose(0, 32767)
        from first in Gen.Choose(0, 0xFFFFFF - 128)
        from addresses in Gen.ArrayOf(Gen.Choose(0, 0xFFFFFF).Select(a => (uint)a), count)
        from elements in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), count * size)
        select new ApduSpec(
            Iec104FrameFormat.I,
            0,
            (ushort)send,
            (ushort)receive,
            new Iec104AsduHeader((Iec104TypeId)type, sequence, (byte)count, (Iec104Cause)cause, negative, test, (byte)originator, (ushort)common),
            sequence ? Enumerable.Range(0, count).Select(i => (uint)(first + i)).ToArray() : addresses,
            elements);

    private static Gen<ApduSpec> SFormat =>
        from receive in Gen.Choose(0, 32767)
        select new ApduSpec(Iec104FrameFormat.S, 0, 0, (ushort)receive, default, [], []);

    private static Gen<ApduSpec> UFormat =>
        from function in Gen.Elements(Enum.GetValues<Iec104UFunction>())
        select new ApduSpec(Iec104FrameFormat.U, function, 0, 0, default, [], []);

    public static Gen<ApduSpec> ApduGen => Gen.Frequency((6, IFormat), (1, SFormat), (1, UFormat));

    public static Arbitrary<ApduSpec> Apdu() => ApduGen.ToArbitrary();

    public static Arbitrary<ApduStreamSpec> ApduStream() =>
        (from apdus in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(ApduGen, n))
         from chunks in Gen.ArrayOf(Gen.Choose(1, 40), 200)
         select new ApduStreamSpec(apdus, chunks)).ToArbitrary();
}

/// <summary>What an APDU reads back as.</summary>
public sealed record ReadApdu(Iec104FrameFormat Format, Iec104UFunction UFunction, ushort Send, ushort Receive, Iec104AsduHeader Asdu, uint[] Addresses, byte[] Elements)
{
    public static ReadApdu From(in Iec104Apdu apdu)
    {
        var addresses = new List<uint>();
        var elements = new List<byte>();
        if (apdu.Format == Iec104FrameFormat.I)
        {
            foreach (Iec104InformationObject io in apdu.Asdu)
            {
                addresses.Add(io.Address);
                elements.AddRange(io.Element.ToArray());
            }
        }

        return new ReadApdu(apdu.Format, apdu.UFunction, apdu.SendSequenceNumber, apdu.ReceiveSequenceNumber,
            apdu.Format == Iec104FrameFormat.I ? apdu.Asdu.Header : default, [.. addresses], [.. elements]);
    }

    public bool Matches(ApduSpec spec) => Format == spec.Format && UFunction == spec.UFunction && Send == spec.Send
        && Receive == spec.Receive && Asdu == spec.Asdu && Addresses.AsSpan().SequenceEqual(spec.Addresses) && Elements.AsSpan().SequenceEqual(spec.Elements);
}

/// <summary>Reads APDUs from a byte stream that arrives in chunks.</summary>
public static class Iec104StreamReader
{
    public static List<ReadApdu> ReadChunked(byte[] stream, int[] chunks)
    {
        var apdus = new List<ReadApdu>();
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
                OperationStatus status = Iec104Apdu.TryRead(buffer, out Iec104Apdu apdu, out int consumed);
                if (status == OperationStatus.InvalidData)
                {
                    throw new InvalidOperationException("A valid stream produced InvalidData.");
                }

                if (status != OperationStatus.Done)
                {
                    break;
                }

                apdus.Add(ReadApdu.From(apdu));
                pending.RemoveRange(0, consumed);
            }
        }

        return apdus;
    }
}
