namespace OtSecurity.Capture;

/// <summary>
/// Counters of one capture run: what was read, decoded, reassembled, dropped or skipped, and why. Every drop and gap
/// is counted here. Filled by the pipeline from one thread; read it after the run (or between frames).
/// </summary>
public sealed class CaptureStatistics
{
    /// <summary>Packet records read from the file.</summary>
    public long Frames { get; internal set; }

    /// <summary>Captured bytes of those records.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Frames of a link type that is not decoded.</summary>
    public long UnsupportedLinkTypeFrames { get; internal set; }

    /// <summary>Frames that carry no IP (ARP, LLDP, 802.3 LLC, ...).</summary>
    public long NonIpFrames { get; internal set; }

    /// <summary>Frames whose link, IP, TCP or UDP header was cut short by the end of the captured bytes.</summary>
    public long TruncatedFrames { get; internal set; }

    /// <summary>Frames whose IP, TCP or UDP header violates its RFC.</summary>
    public long MalformedFrames { get; internal set; }

    /// <summary>Frames whose payload the snap length cut short of what the IP header declares (the missing bytes become a gap).</summary>
    public long SnapLengthTruncatedFrames { get; internal set; }

    /// <summary>IP packets of a protocol other than TCP and UDP (ICMP, ESP, ...).</summary>
    public long OtherProtocolPackets { get; internal set; }

    /// <summary>IP fragments received.</summary>
    public long Fragments { get; internal set; }

    /// <summary>Datagrams rebuilt from fragments.</summary>
    public long ReassembledDatagrams { get; internal set; }

    /// <summary>Fragments dropped: too many datagrams in progress, too many bytes held, or beyond the maximum datagram size.</summary>
    public long FragmentsDropped { get; internal set; }

    /// <summary>Incomplete datagrams dropped because their missing fragments did not arrive in time (capture time) or the capture ended.</summary>
    public long FragmentDatagramsExpired { get; internal set; }

    /// <summary>Fragment bytes that overlapped bytes already received (the first copy wins).</summary>
    public long FragmentOverlapBytes { get; internal set; }

    /// <summary>TCP segments decoded.</summary>
    public long TcpSegments { get; internal set; }

    /// <summary>UDP datagrams decoded.</summary>
    public long UdpDatagrams { get; internal set; }

    /// <summary>TCP and UDP flows created.</summary>
    public long Flows { get; internal set; }

    /// <summary>TCP flows whose first segment seen was not a SYN (the capture started inside the connection).</summary>
    public long MidStreamPickups { get; internal set; }

    /// <summary>Flows ended by FIN from both sides or by RST.</summary>
    public long FlowsClosed { get; internal set; }

    /// <summary>Flows evicted after being idle (capture time) longer than the idle timeout.</summary>
    public long FlowsEvictedIdle { get; internal set; }

    /// <summary>Flows evicted (least recently active first) to stay within the maximum flow count.</summary>
    public long FlowsEvictedLimit { get; internal set; }

    /// <summary>Flows still open when the capture ended.</summary>
    public long FlowsOpenAtEnd { get; internal set; }

    /// <summary>Flows given to a dissector because of a well-known port.</summary>
    public long FlowsByPort { get; internal set; }

    /// <summary>Flows given to a dissector because of a <c>--decode-as</c> rule.</summary>
    public long FlowsByDecodeAs { get; internal set; }

    /// <summary>Flows given to a dissector because its content probe recognised the first bytes.</summary>
    public long FlowsByContent { get; internal set; }

    /// <summary>Flows no dissector claimed.</summary>
    public long FlowsUnidentified { get; internal set; }

    /// <summary>TCP segments whose bytes had all been delivered already (retransmissions), dropped.</summary>
    public long Retransmissions { get; internal set; }

    /// <summary>Bytes of partially overlapping TCP segments dropped because those sequence numbers were already held or delivered (first copy wins).</summary>
    public long OverlapBytesDropped { get; internal set; }

    /// <summary>TCP segments that arrived ahead of a missing one and were held.</summary>
    public long OutOfOrderSegments { get; internal set; }

    /// <summary>Holes in TCP streams that were skipped (the dissector resynchronises after each).</summary>
    public long Gaps { get; internal set; }

    /// <summary>Bytes missing in those holes.</summary>
    public long GapBytes { get; internal set; }

    /// <summary>Bytes dropped because a flow direction reached its buffer cap.</summary>
    public long BytesDroppedFlowCap { get; internal set; }

    /// <summary>Bytes dropped because all flows together reached the global buffer cap.</summary>
    public long BytesDroppedGlobalCap { get; internal set; }

    /// <summary>Buffered bytes of an incomplete message discarded at a gap or at the end of a flow.</summary>
    public long IncompleteMessageBytes { get; internal set; }

    /// <summary>Bytes of payload on flows no dissector claimed.</summary>
    public long UnidentifiedBytes { get; internal set; }

    /// <summary>Bytes skipped one by one while a dissector resynchronised (it returned InvalidData).</summary>
    public long SkippedBytes { get; internal set; }

    /// <summary>Runs of skipped bytes (one per resynchronisation).</summary>
    public long SkipRuns { get; internal set; }

    /// <summary>Messages delivered (any status).</summary>
    public long Messages { get; internal set; }

    /// <summary>Messages delivered with <c>MessageStatus.Malformed</c>.</summary>
    public long MalformedMessages { get; internal set; }

    /// <summary>Messages delivered with <c>MessageStatus.Timeout</c> (requests without a response).</summary>
    public long Timeouts { get; internal set; }

    /// <summary>Largest number of bytes held at once across all flows (out-of-order segments, incomplete messages, probe backlog).</summary>
    public long PeakBufferedBytes { get; internal set; }

    /// <summary>Largest number of flows tracked at once.</summary>
    public long PeakFlows { get; internal set; }

    /// <summary>Bytes held right now across all flows.</summary>
    public long BufferedBytes { get; internal set; }

    internal void AddBuffered(long delta)
    {
        BufferedBytes += delta;
        if (BufferedBytes > PeakBufferedBytes)
        {
            PeakBufferedBytes = BufferedBytes;
        }
    }
}
