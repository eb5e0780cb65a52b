using OtSecurity.Capture.Dispatch;
using OtSecurity.Capture.Dissection;

namespace OtSecurity.Capture.Reassembly;

/// <summary>One TCP connection or UDP conversation: endpoints, server side, dispatch state, per-direction reassembly and dissection.</summary>
internal sealed class Flow
{
    public Flow(FlowKey key, OtEndpoint endpointA, OtEndpoint endpointB, long sequence)
    {
        Key = key;
        EndpointA = endpointA;
        EndpointB = endpointB;
        Sequence = sequence;
    }

    public FlowKey Key { get; }

    /// <summary>The lower endpoint (key order).</summary>
    public OtEndpoint EndpointA { get; }

    /// <summary>The higher endpoint (key order).</summary>
    public OtEndpoint EndpointB { get; }

    /// <summary>Creation order, for a stable order at the end of the capture.</summary>
    public long Sequence { get; }

    public TransportKind Transport => Key.Transport;

    /// <summary>0 when endpoint A is the server, 1 when B is, -1 when not known.</summary>
    public int ServerSide { get; set; } = -1;

    public FlowState State { get; set; }

    public DispatchReason Reason { get; set; }

    public IProtocolDissector? Protocol { get; set; }

    public IFlowDissector? Dissector { get; set; }

    public TcpStreamReassembler? TcpA { get; set; }

    public TcpStreamReassembler? TcpB { get; set; }

    public DissectionStream? StreamA { get; set; }

    public DissectionStream? StreamB { get; set; }

    public ProbeBacklog? Backlog { get; set; }

    public bool FinA { get; set; }

    public bool FinB { get; set; }

    public DateTime LastSeen { get; set; }

    private DissectContext _lastContext;

    /// <summary>The context of the last frame of the flow (for <see cref="IFlowDissector.Complete"/>).</summary>
    public DissectContext LastContext
    {
        get => _lastContext;
        set => _lastContext = value;
    }

    /// <summary>The same, by reference (no copy on the hot path).</summary>
    public ref readonly DissectContext LastContextRef => ref _lastContext;

    public Flow? Newer { get; set; }

    public Flow? Older { get; set; }

    public TcpStreamReassembler? Tcp(int direction) => direction == 0 ? TcpA : TcpB;

    public DissectionStream? Stream(int direction) => direction == 0 ? StreamA : StreamB;

    /// <summary>The direction of bytes sent by one side, relative to the server.</summary>
    public FlowDirection DirectionFrom(int side) =>
        ServerSide < 0 ? FlowDirection.Unknown : side == ServerSide ? FlowDirection.ToClient : FlowDirection.ToServer;
}
