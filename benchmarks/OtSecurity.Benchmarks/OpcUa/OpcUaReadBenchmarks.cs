using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSecurity.Protocols.OpcUa;

namespace OtSecurity.Benchmarks.OpcUa;

/// <summary>Read path of OPC UA binary: chunk header, secure conversation headers and the service type id. 0 bytes allocated per message.</summary>
[Config(typeof(BenchmarkConfig))]
public class OpcUaReadBenchmarks
{
    // MSG TranslateBrowsePathsToNodeIdsRequest (icsnpp-python-opcua-minimal frame 27).
    private byte[] _message = [];

    // HEL (frame 7).
    private byte[] _hello = [];

    [GlobalSetup]
    public void Setup()
    {
        _message = Convert.FromHexString("4d5347467f000000090000000e000000050000000500000001002a02020000ec0300009e73f2a8e973d5010500000000000000ffffffffe803000000000001000000005403000000002100010000070000004f626a65637473002100010200080000004d794f626a6563740021000102000a0000004d795661726961626c65");
        _hello = Convert.FromHexString("48454c464a00000000000000000001000000010000000000000000002a0000006f70632e7463703a2f2f6c6f63616c686f73743a343834302f667265656f706375612f7365727665722f");
    }

    /// <summary>Baseline: size, request id and service id read with bare BinaryPrimitives, no validation.</summary>
    [Benchmark(Baseline = true)]
    public uint BinaryPrimitivesHeader()
    {
        ReadOnlySpan<byte> b = _message;
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(4));
        uint requestId = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(20));
        uint service = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(26));
        return size + requestId + service;
    }

    /// <summary>Chunk, symmetric and sequence headers, service id and its name, validated.</summary>
    [Benchmark]
    public uint ReadMessageServiceId()
    {
        OpcUaFrame.TryRead(_message, out OpcUaFrame frame, out _);
        OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk);
        OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint service, out _);
        return frame.MessageSize + chunk.Sequence.RequestId + service + (uint)(OpcUaServices.GetName(service)?.Length ?? 0);
    }

    /// <summary>A Hello with its limits and endpoint URL.</summary>
    [Benchmark]
    public uint ReadHello()
    {
        OpcUaFrame.TryRead(_hello, out OpcUaFrame frame, out _);
        OpcUaHello.TryRead(frame.Body, out OpcUaHello hello);
        return hello.ReceiveBufferSize + (uint)hello.EndpointUrl.Length;
    }
}
