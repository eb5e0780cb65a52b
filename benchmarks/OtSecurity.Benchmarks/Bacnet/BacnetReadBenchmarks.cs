using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSecurity.Protocols.Bacnet;

namespace OtSecurity.Benchmarks.Bacnet;

/// <summary>The BACnet/IP read path: BVLC, NPDU and APDU headers, then service decoding. Inputs are captured messages.</summary>
public class BacnetReadBenchmarks
{
    private byte[] _readProperty = [];
    private byte[] _readPropertyAck = [];
    private byte[] _iAm = [];

    [GlobalSetup]
    public void Setup()
    {
        // iti-bacnet-test frames 15 and 16; icsnpp-bacnet-segmented frame 5.
        _readProperty = Convert.FromHexString("810a00110104" + "0005010c0c023fffff1946");
        _readPropertyAck = Convert.FromHexString("810a002d0100" + "30010c0c023fffff19463e751904004d0053002d004e004100450034003500310030002d00323f");
        _iAm = Convert.FromHexString("810b001401001000c4020000002204009100219a");
    }

    /// <summary>The floor: the BVLC length and function with BinaryPrimitives, nothing validated.</summary>
    [Benchmark(Baseline = true)]
    public int BinaryPrimitivesHeader() => BinaryPrimitives.ReadUInt16BigEndian(_readProperty.AsSpan(2)) + _readProperty[1];

    /// <summary>BVLC, NPDU and APDU headers validated.</summary>
    [Benchmark]
    public int ReadFrame() =>
        BacnetIp.TryRead(_readProperty, out BacnetIpFrame frame, out int consumed) == OperationStatus.Done ? consumed + frame.Apdu.InvokeId : -1;

    /// <summary>Frame and ReadProperty request decoded.</summary>
    [Benchmark]
    public int ReadPropertyRequest()
    {
        if (BacnetIp.TryRead(_readProperty, out BacnetIpFrame frame, out _) != OperationStatus.Done
            || !Protocols.Bacnet.ReadPropertyRequest.TryRead(frame.Apdu.ServiceData, out ReadPropertyRequest request, out _))
        {
            return -1;
        }

        return (int)request.Property + (int)request.ObjectIdentifier.Instance;
    }

    /// <summary>Frame, ReadProperty ACK and its character-string value decoded (not converted to a string).</summary>
    [Benchmark]
    public int ReadPropertyAckValue()
    {
        if (BacnetIp.TryRead(_readPropertyAck, out BacnetIpFrame frame, out _) != OperationStatus.Done
            || !ReadPropertyAck.TryRead(frame.Apdu.ServiceData, out ReadPropertyAck ack, out _))
        {
            return -1;
        }

        var value = new BacnetTagReader(ack.Value);
        return value.TryReadCharacterString(out BacnetCharacterString text) ? text.Bytes.Length : -1;
    }

    /// <summary>Frame and I-Am decoded.</summary>
    [Benchmark]
    public int IAm()
    {
        if (BacnetIp.TryRead(_iAm, out BacnetIpFrame frame, out _) != OperationStatus.Done
            || !IAmRequest.TryRead(frame.Apdu.ServiceData, out IAmRequest iAm, out _))
        {
            return -1;
        }

        return iAm.VendorId + (int)iAm.DeviceIdentifier.Instance;
    }
}
