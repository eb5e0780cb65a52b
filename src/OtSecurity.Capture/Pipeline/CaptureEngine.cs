using OtSecurity.Capture.Dispatch;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Link;
using OtSecurity.Capture.Network;
using OtSecurity.Capture.Reassembly;
using OtSecurity.Capture.Transport;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Pipeline;

/// <summary>
/// The synchronous heart of the pipeline: one frame at a time through link, IP (with fragment reassembly), TCP/UDP,
/// flow tracking, reassembly, dispatch and dissection, into an <see cref="IOtMessageSink"/>. One thread; no
/// allocation per packet on the decode path (only flows, out-of-order segments and messages allocate).
/// </summary>
internal sealed class CaptureEngine : ITcpStreamConsumer
{
    private readonly ReassemblyOptions _reassembly;
    private readonly ProtocolDispatcher _dispatcher;
    private readonly CountingSink _sink;
    private readonly CaptureStatistics _statistics;
    private readonly SharedState _shared;
    private readonly FragmentReassembler _fragments;
    private readonly FlowTable _flows = new();
    private readonly TimeProvider _time;
    private readonly CaptureClock? _clock;
    private long _frame;
    private long _flowSequence;
    private Flow? _current;
    private bool _finished;

    public CaptureEngine(CapturePipelineOptions options, ProtocolDispatcher dispatcher, IOtMessageSink sink, CaptureStatistics statistics)
    {
        _reassembly = options.Reassembly;
        _dispatcher = dispatcher;
        _statistics = statistics;
        _sink = new CountingSink(sink, statistics);
        _shared = new SharedState(_reassembly, statistics);
        _fragments = new FragmentReassembler(options.Fragments, statistics);
        if (options.TimeProvider is null)
        {
            _clock = new CaptureClock();
            _time = _clock;
        }
        else
        {
            _time = options.TimeProvider;
        }
    }

    /// <summary>The 1-based index of the last frame processed.</summary>
    public long Frame => _frame;

    /// <summary>Flows tracked right now.</summary>
    public int FlowCount => _flows.Count;

    public void ProcessFrame(in CapturePacket packet)
    {
        _frame++;
        _statistics.Frames++;
        _statistics.Bytes += packet.Data.Length;
        var timestamp = packet.Timestamp.ToDateTime();
        DateTime now;
        if (_clock is not null)
        {
            // Capture time: the clock is this frame's timestamp.
            _clock.Set(timestamp);
            now = timestamp;
        }
        else
        {
            now = _time.GetUtcNow().UtcDateTime;
        }

        EvictIdle(now);

        var data = packet.Data;
        switch (LinkLayer.TryDecode(packet.LinkType, data, out var ipOffset, out var version, out _))
        {
            case LinkDecodeStatus.Ip:
                ProcessIp(data[ipOffset..], version, timestamp, now);
                break;
            case LinkDecodeStatus.NotIp:
                if (!ProcessLlc(packet.LinkType, data, timestamp, now))
                {
                    _statistics.NonIpFrames++;
                }

                break;
            case LinkDecodeStatus.Truncated:
                _statistics.TruncatedFrames++;
                break;
            default:
                _statistics.UnsupportedLinkTypeFrames++;
                break;
        }
    }

    /// <summary>The capture ended: every open flow is completed (in the order of its last frame) and fragments are dropped.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        var open = new List<Flow>();
        foreach (var flow in _flows.Flows)
        {
            if (flow.State != FlowState.Closed)
            {
                open.Add(flow);
            }
        }

        open.Sort(static (a, b) => a.LastContext.Frame != b.LastContext.Frame
            ? a.LastContext.Frame.CompareTo(b.LastContext.Frame)
            : a.Sequence.CompareTo(b.Sequence));
        foreach (var flow in open)
        {
            _statistics.FlowsOpenAtEnd++;
            EndFlow(flow);
        }

        _flows.Clear();
        _fragments.Clear();
    }

    void ITcpStreamConsumer.OnData(int direction, ReadOnlySpan<byte> data, in DissectContext context)
    {
        var flow = _current!;
        switch (flow.State)
        {
            case FlowState.Dissecting:
                flow.Stream(direction)!.Deliver(data, context);
                break;
            case FlowState.Probing:
                ProbeTcp(flow, direction, data, context);
                break;
            default:
                _statistics.UnidentifiedBytes += data.Length;
                break;
        }
    }

    void ITcpStreamConsumer.OnGap(int direction, long missingBytes, in DissectContext context)
    {
        var flow = _current!;
        if (flow.State == FlowState.Dissecting)
        {
            flow.Stream(direction)!.DiscardBuffered();
        }
        else if (flow.State == FlowState.Probing)
        {
            flow.Backlog!.AddGap(direction, context);
        }
    }

    /// <summary>
    /// An IEEE 802.2 LLC frame for a protocol that runs without IP (BACnet/Ethernet): dissected like a UDP datagram in
    /// a flow between the two MAC addresses.
    /// </summary>
    /// <returns>False when no registered dissector uses the frame's SAP.</returns>
    private bool ProcessLlc(LinkType linkType, ReadOnlySpan<byte> frame, DateTime timestamp, DateTime now)
    {
        if (!LinkLayer.TryDecodeLlc(linkType, frame, out var sap, out var offset, out var length) || _dispatcher.FindLlc(sap) is not { } dissector)
        {
            return false;
        }

        Span<byte> address = stackalloc byte[16];
        LinkLayer.WriteLinkLocalAddress(frame[6..12], address);
        var source = IPAddressValue.FromIPv6(address);
        LinkLayer.WriteLinkLocalAddress(frame[..6], address);
        var destination = IPAddressValue.FromIPv6(address);
        var key = FlowKey.Create(source, 0, destination, 0, TransportKind.Llc, out var sourceIsA);
        var side = sourceIsA ? 0 : 1;
        if (_flows.TryGet(key, out var flow))
        {
            _flows.Touch(flow, now);
        }
        else
        {
            flow = new Flow(key, new OtEndpoint(key.AddressA.ToIPAddress(), 0), new OtEndpoint(key.AddressB.ToIPAddress(), 0), ++_flowSequence);
            _flows.Add(flow, now);
            _statistics.Flows++;
            StartDissecting(flow, dissector, DispatchReason.Content);
        }

        var context = new DissectContext(
            _frame,
            timestamp,
            side == 0 ? flow.EndpointA : flow.EndpointB,
            side == 0 ? flow.EndpointB : flow.EndpointA,
            FlowDirection.Unknown,
            TransportKind.Llc);
        flow.LastContext = context;
        if (flow.State == FlowState.Dissecting)
        {
            flow.Stream(side)!.DeliverDatagram(frame.Slice(offset, length), context);
        }

        return true;
    }

    private void ProcessIp(ReadOnlySpan<byte> data, int version, DateTime timestamp, DateTime now)
    {
        var status = IpLayer.TryDecode(data, version, out var ip);
        if (status != IpDecodeStatus.Ok)
        {
            if (status == IpDecodeStatus.Truncated)
            {
                _statistics.TruncatedFrames++;
            }
            else
            {
                _statistics.MalformedFrames++;
            }

            return;
        }

        var payload = ip.Payload;
        var protocol = ip.Protocol;
        var truncated = ip.PayloadTruncated;
        if (truncated)
        {
            _statistics.SnapLengthTruncatedFrames++;
        }

        if (ip.IsFragment)
        {
            if (truncated)
            {
                // A fragment cut by the snap length cannot be placed: its datagram will expire.
                _statistics.Fragments++;
                _statistics.FragmentsDropped++;
                return;
            }

            var key = new FragmentKey(ip.Source, ip.Destination, ip.Identification, ip.Version == 4 ? protocol : (byte)0);
            if (!_fragments.TryAdd(key, ip.FragmentOffset, ip.MoreFragments, protocol, payload, now, out payload, out protocol))
            {
                return;
            }

            if (ip.Version == 6)
            {
                if (IpLayer.SkipIPv6ExtensionHeaders(protocol, payload, out protocol, out var offset) != IpDecodeStatus.Ok)
                {
                    _statistics.MalformedFrames++;
                    return;
                }

                payload = payload[offset..];
            }
        }

        switch (protocol)
        {
            case IpLayer.ProtocolTcp:
                var tcpStatus = TransportLayer.TryDecodeTcp(payload, out var segment);
                if (tcpStatus != IpDecodeStatus.Ok)
                {
                    Count(tcpStatus);
                    return;
                }

                _statistics.TcpSegments++;
                HandleTcp(ip.Source, ip.Destination, segment, timestamp, now);
                break;
            case IpLayer.ProtocolUdp:
                var udpStatus = TransportLayer.TryDecodeUdp(payload, out var datagram);
                if (udpStatus != IpDecodeStatus.Ok)
                {
                    Count(udpStatus);
                    return;
                }

                _statistics.UdpDatagrams++;
                HandleUdp(ip.Source, ip.Destination, datagram, timestamp, now);
                break;
            default:
                _statistics.OtherProtocolPackets++;
                break;
        }
    }

    private void Count(IpDecodeStatus status)
    {
        if (status == IpDecodeStatus.Truncated)
        {
            _statistics.TruncatedFrames++;
        }
        else
        {
            _statistics.MalformedFrames++;
        }
    }

    private void HandleTcp(IPAddressValue source, IPAddressValue destination, in TcpSegment segment, DateTime timestamp, DateTime now)
    {
        var key = FlowKey.Create(source, segment.SourcePort, destination, segment.DestinationPort, TransportKind.Tcp, out var sourceIsA);
        var side = sourceIsA ? 0 : 1;
        var flags = segment.Flags;
        var isSyn = (flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn;
        if (_flows.TryGet(key, out var flow))
        {
            if (isSyn && IsNewConnection(flow, side, segment.SequenceNumber))
            {
                if (flow.State != FlowState.Closed)
                {
                    _statistics.FlowsClosed++;
                    EndFlow(flow);
                }

                _flows.Remove(flow);
                flow = null;
            }
            else if (flow.State == FlowState.Closed)
            {
                _flows.Touch(flow, now);
                return;
            }
        }

        if (flow is null)
        {
            if (segment.Payload.IsEmpty && (flags & TcpFlags.Syn) == 0)
            {
                return; // A bare ACK, FIN or RST of a flow not tracked: nothing to reassemble.
            }

            flow = CreateFlow(key, side, segment.SourcePort, segment.DestinationPort, flags, now);
        }
        else
        {
            _flows.Touch(flow, now);
        }

        flow.LastContext = new DissectContext(
            _frame,
            timestamp,
            side == 0 ? flow.EndpointA : flow.EndpointB,
            side == 0 ? flow.EndpointB : flow.EndpointA,
            flow.DirectionFrom(side),
            TransportKind.Tcp);
        ref readonly var context = ref flow.LastContextRef;

        if (flow.State is FlowState.Dissecting or FlowState.Probing)
        {
            _current = flow;
            var stream = flow.Tcp(side);
            if (stream is null)
            {
                stream = new TcpStreamReassembler(side, _reassembly, _statistics);
                if (side == 0)
                {
                    flow.TcpA = stream;
                }
                else
                {
                    flow.TcpB = stream;
                }
            }

            // A segment cut by the snap length delivers what was captured; the missing tail becomes a gap
            // when the peer acknowledges past it or the next segment forces it.
            stream.OnSegment(segment.SequenceNumber, flags, segment.Payload, context, this);

            if ((flags & TcpFlags.Ack) != 0)
            {
                flow.Tcp(1 - side)?.OnAcknowledgment(segment.AcknowledgmentNumber, context, this);
            }
        }
        else
        {
            _statistics.UnidentifiedBytes += segment.Payload.Length;
        }

        if ((flags & TcpFlags.Rst) != 0)
        {
            _statistics.FlowsClosed++;
            EndFlow(flow);
        }
        else if ((flags & TcpFlags.Fin) != 0)
        {
            if (side == 0)
            {
                flow.FinA = true;
            }
            else
            {
                flow.FinB = true;
            }

            if (flow.FinA && flow.FinB)
            {
                _statistics.FlowsClosed++;
                EndFlow(flow);
            }
        }
    }

    private static bool IsNewConnection(Flow flow, int side, uint sequence)
    {
        if (flow.State == FlowState.Closed)
        {
            return true;
        }

        var stream = flow.Tcp(side);
        return !(stream is not null && stream.SawSyn && stream.InitialSequenceNumber == sequence);
    }

    private void HandleUdp(IPAddressValue source, IPAddressValue destination, in UdpDatagram datagram, DateTime timestamp, DateTime now)
    {
        var key = FlowKey.Create(source, datagram.SourcePort, destination, datagram.DestinationPort, TransportKind.Udp, out var sourceIsA);
        var side = sourceIsA ? 0 : 1;
        if (_flows.TryGet(key, out var flow))
        {
            _flows.Touch(flow, now);
        }
        else
        {
            flow = CreateFlow(key, side, datagram.SourcePort, datagram.DestinationPort, TcpFlags.None, now);
        }

        var context = new DissectContext(
            _frame,
            timestamp,
            side == 0 ? flow.EndpointA : flow.EndpointB,
            side == 0 ? flow.EndpointB : flow.EndpointA,
            flow.DirectionFrom(side),
            TransportKind.Udp);
        flow.LastContext = context;
        var payload = datagram.Payload;
        switch (flow.State)
        {
            case FlowState.Dissecting:
                flow.Stream(side)!.DeliverDatagram(payload, context);
                break;
            case FlowState.Probing:
                ProbeUdp(flow, side, payload, context);
                break;
            default:
                _statistics.UnidentifiedBytes += payload.Length;
                break;
        }
    }

    private Flow CreateFlow(in FlowKey key, int side, ushort sourcePort, ushort destinationPort, TcpFlags flags, DateTime now)
    {
        if (_flows.Count >= _reassembly.MaxFlows && _flows.Oldest is { } oldest)
        {
            if (oldest.State != FlowState.Closed)
            {
                _statistics.FlowsEvictedLimit++;
                EndFlow(oldest);
            }

            _flows.Remove(oldest);
        }

        var flow = new Flow(
            key,
            new OtEndpoint(key.AddressA.ToIPAddress(), key.PortA),
            new OtEndpoint(key.AddressB.ToIPAddress(), key.PortB),
            ++_flowSequence);
        _flows.Add(flow, now);
        _statistics.Flows++;
        if (_flows.Count > _statistics.PeakFlows)
        {
            _statistics.PeakFlows = _flows.Count;
        }

        var transport = key.Transport;
        var reason = _dispatcher.TryByPort(transport, sourcePort, destinationPort, out var dissector, out var serverPort);
        if (serverPort != 0 && key.PortA != key.PortB)
        {
            flow.ServerSide = serverPort == key.PortA ? 0 : 1;
        }

        if (transport == TransportKind.Tcp)
        {
            if (flow.ServerSide < 0 && (flags & TcpFlags.Syn) != 0)
            {
                // SYN goes to the server; SYN+ACK comes from it.
                flow.ServerSide = (flags & TcpFlags.Ack) == 0 ? 1 - side : side;
            }

            if ((flags & TcpFlags.Syn) == 0)
            {
                _statistics.MidStreamPickups++;
            }
        }

        if (dissector is not null)
        {
            StartDissecting(flow, dissector, reason);
        }
        else if (_dispatcher.CanProbe)
        {
            flow.State = FlowState.Probing;
            flow.Backlog = new ProbeBacklog(_reassembly.MaxProbeBytes);
        }
        else
        {
            flow.State = FlowState.Ignored;
            _statistics.FlowsUnidentified++;
        }

        return flow;
    }

    private void StartDissecting(Flow flow, IProtocolDissector dissector, DispatchReason reason)
    {
        flow.Protocol = dissector;
        flow.Reason = reason;
        flow.Dissector = dissector.CreateFlowDissector(flow.Transport);
        flow.StreamA = new DissectionStream(flow.Dissector, dissector.Protocol, _sink, _shared);
        flow.StreamB = new DissectionStream(flow.Dissector, dissector.Protocol, _sink, _shared);
        flow.State = FlowState.Dissecting;
        switch (reason)
        {
            case DispatchReason.DecodeAs:
                _statistics.FlowsByDecodeAs++;
                break;
            case DispatchReason.Port:
                _statistics.FlowsByPort++;
                break;
            default:
                _statistics.FlowsByContent++;
                break;
        }
    }

    private void ProbeTcp(Flow flow, int direction, ReadOnlySpan<byte> data, in DissectContext context)
    {
        var backlog = flow.Backlog!;
        if (!Keep(backlog, direction, data, context))
        {
            return;
        }

        if (!backlog.IsRefused(direction))
        {
            var match = _dispatcher.Probe(backlog.ProbeBytes(direction), TransportKind.Tcp, out var dissector);
            if (match == ContentMatch.Yes)
            {
                Decide(flow, dissector!);
                return;
            }

            if (match == ContentMatch.No || backlog.IsFull(direction))
            {
                backlog.Refuse(direction);
            }
        }

        if ((backlog.IsRefused(0) && backlog.IsRefused(1)) || backlog.Bytes >= 2L * _reassembly.MaxProbeBytes)
        {
            GiveUp(flow);
        }
    }

    private void ProbeUdp(Flow flow, int direction, ReadOnlySpan<byte> data, in DissectContext context)
    {
        var backlog = flow.Backlog!;
        backlog.Datagrams++;
        var kept = Keep(backlog, direction, data, context);
        var match = _dispatcher.Probe(data, TransportKind.Udp, out var dissector);
        if (match == ContentMatch.Yes)
        {
            if (!kept)
            {
                _statistics.UnidentifiedBytes += data.Length;
            }

            Decide(flow, dissector!);
            return;
        }

        if (backlog.Datagrams >= _reassembly.MaxProbeDatagrams || backlog.Bytes >= 2L * _reassembly.MaxProbeBytes)
        {
            GiveUp(flow);
        }
    }

    private bool Keep(ProbeBacklog backlog, int direction, ReadOnlySpan<byte> data, in DissectContext context)
    {
        if (_statistics.BufferedBytes + data.Length > _reassembly.MaxBufferedBytes)
        {
            _statistics.BytesDroppedGlobalCap += data.Length;
            backlog.AddGap(direction, context);
            return false;
        }

        backlog.Add(direction, data, context);
        _statistics.AddBuffered(data.Length);
        return true;
    }

    private void Decide(Flow flow, IProtocolDissector dissector)
    {
        var backlog = flow.Backlog!;
        flow.Backlog = null;
        _statistics.AddBuffered(-backlog.Bytes);
        StartDissecting(flow, dissector, DispatchReason.Content);

        // Replay the kept bytes in arrival order, each with the frame that brought it.
        foreach (var chunk in backlog.Chunks)
        {
            var stream = flow.Stream(chunk.Direction)!;
            if (chunk.Data is null)
            {
                stream.DiscardBuffered();
            }
            else if (flow.Transport == TransportKind.Tcp)
            {
                stream.Deliver(chunk.Data, chunk.Context);
            }
            else
            {
                stream.DeliverDatagram(chunk.Data, chunk.Context);
            }
        }
    }

    private void GiveUp(Flow flow)
    {
        var backlog = flow.Backlog!;
        flow.Backlog = null;
        _statistics.AddBuffered(-backlog.Bytes);
        _statistics.UnidentifiedBytes += backlog.Bytes;
        _statistics.FlowsUnidentified++;
        flow.State = FlowState.Ignored;
    }

    /// <summary>Ends a flow: skip its holes, deliver what was held, drop incomplete messages, and let the dissector report timeouts.</summary>
    private void EndFlow(Flow flow)
    {
        if (flow.State == FlowState.Dissecting)
        {
            _current = flow;
            var last = flow.LastContext;
            flow.TcpA?.Flush(last, this);
            flow.TcpB?.Flush(last, this);
            flow.StreamA!.Close();
            flow.StreamB!.Close();
            flow.Dissector!.Complete(last, _sink);
        }
        else if (flow.State == FlowState.Probing)
        {
            GiveUp(flow);
        }

        flow.TcpA?.Release();
        flow.TcpB?.Release();
        flow.TcpA = null;
        flow.TcpB = null;
        flow.StreamA = null;
        flow.StreamB = null;
        flow.Dissector = null;
        flow.State = FlowState.Closed;
    }

    private void EvictIdle(DateTime now)
    {
        var idle = _reassembly.IdleTimeout;
        while (_flows.Oldest is { } oldest && now - oldest.LastSeen > idle)
        {
            if (oldest.State != FlowState.Closed)
            {
                _statistics.FlowsEvictedIdle++;
                EndFlow(oldest);
            }

            _flows.Remove(oldest);
        }
    }

    /// <summary>Counts what passes to the caller's sink.</summary>
    private sealed class CountingSink : IOtMessageSink
    {
        private readonly IOtMessageSink _inner;
        private readonly CaptureStatistics _statistics;

        public CountingSink(IOtMessageSink inner, CaptureStatistics statistics)
        {
            _inner = inner;
            _statistics = statistics;
        }

        public void OnMessage(OtMessage message)
        {
            _statistics.Messages++;
            if (message.Status == MessageStatus.Malformed)
            {
                _statistics.MalformedMessages++;
            }
            else if (message.Status == MessageStatus.Timeout)
            {
                _statistics.Timeouts++;
            }

            _inner.OnMessage(message);
        }

        public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped) => _inner.OnSkipped(context, error, bytesSkipped);
    }
}
