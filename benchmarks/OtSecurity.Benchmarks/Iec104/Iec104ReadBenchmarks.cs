using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSecurity.Protocols.Iec104;

namespace OtSecurity.Benchmarks.Iec104;

/// <summary>
/// IEC 60870-5-104 read path on an I-format APDU carrying M_ME_NC_1 (short floats) with 24 information objects,
/// and on a U-format TESTFR. Baseline: an unvalidated BinaryPrimitives decode of the same values.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class Iec104ReadBenchmarks
{
    private byte[] _measurements = [];
    private byte[] _testFrame = [];

    [GlobalSetup]
    public void Setup()
    {
        const int count = 24;
        var objects = new byte[count * 8];
        for (int i = 0; i < count; i++)
        {
            Iec104InformationObject.WriteAddress((uint)(1300 + i), objects.AsSpan(i * 8));
            new Iec104ShortFloat(i * 1.5f, Iec104Quality.None).Write(objects.AsSpan((i * 8) + 3));
        }

        var header = new Iec104AsduHeader(Iec104TypeId.M_ME_NC_1, false, count, Iec104Cause.Spontaneous, false, false, 0, 3);
        var asdu = new byte[Iec104Asdu.GetEncodedLength(objects.Length)];
        Iec104Asdu.TryWrite(header, objects, asdu, out _);
        _measurements = new byte[Iec104Apdu.GetEncodedLength(asdu.Length)];
        Iec104Apdu.TryWriteInformation(20, 78, asdu, _measurements, out _);
        _testFrame = new byte[Iec104Apdu.ApciLength];
        Iec104Apdu.TryWriteUnnumbered(Iec104UFunction.TestFrameActivation, _testFrame, out _);
    }

    /// <summary>What an unvalidated hand-written decoder costs: header fields and the 24 floats at fixed offsets with BinaryPrimitives.</summary>
    [Benchmark(Baseline = true)]
    public float BinaryPrimitivesUnvalidated()
    {
        ReadOnlySpan<byte> apdu = _measurements;
        float sum = apdu[1] + (BinaryPrimitives.ReadUInt16LittleEndian(apdu[2..]) >> 1) + apdu[6] + (apdu[8] & 0x3F) + BinaryPrimitives.ReadUInt16LittleEndian(apdu[10..]);
        int count = apdu[7] & 0x7F;
        for (int i = 0; i < count; i++)
        {
            sum += BinaryPrimitives.ReadSingleLittleEndian(apdu[(12 + (i * 8) + 3)..]);
        }

        return sum;
    }

    [Benchmark]
    public int UFormat()
    {
        Iec104Apdu.TryRead(_testFrame, out Iec104Apdu apdu, out int consumed);
        return consumed + (int)apdu.UFunction;
    }

    [Benchmark]
    public int IFormatValidated()
    {
        Iec104Apdu.TryRead(_measurements, out Iec104Apdu apdu, out int consumed);
        return consumed + apdu.Asdu.Header.CommonAddress;
    }

    [Benchmark]
    public float IFormatWithElements()
    {
        Iec104Apdu.TryRead(_measurements, out Iec104Apdu apdu, out _);
        float sum = 0;
        foreach (Iec104InformationObject io in apdu.Asdu)
        {
            io.TryGetShortFloat(out Iec104ShortFloat value);
            sum += value.Value;
        }

        return sum;
    }
}
