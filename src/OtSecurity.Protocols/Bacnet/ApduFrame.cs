namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// A view over one BACnet APDU (ANSI/ASHRAE 135 clause 20.1): the fixed header of its PDU type and the service data
/// that follows it. Members that the PDU type does not carry return 0/false. Build one with the static factory
/// methods to write it with <see cref="Apdu.TryWrite"/>.
/// </summary>
public readonly ref struct ApduFrame
{
    /// <summary>SEG: the message is segmented (confirmed request, complex ACK).</summary>
    public const byte SegmentedFlag = 0x08;

    /// <summary>MOR: more segments follow (confirmed request, complex ACK).</summary>
    public const byte MoreFollowsFlag = 0x04;

    /// <summary>SA: the client accepts a segmented response (confirmed request).</summary>
    public const byte SegmentedResponseAcceptedFlag = 0x02;

    /// <summary>NAK: a negative segment acknowledgement (segment ACK).</summary>
    public const byte NegativeAckFlag = 0x02;

    /// <summary>SRV: sent by the server (segment ACK, abort).</summary>
    public const byte ServerFlag = 0x01;

    internal ApduFrame(byte firstOctet, byte maxSegmentsAndApdu, byte invokeId, byte sequenceNumber, byte windowSize, byte serviceOrReason, ReadOnlySpan<byte> serviceData)
    {
        FirstOctet = firstOctet;
        MaxSegmentsAndApdu = maxSegmentsAndApdu;
        InvokeId = invokeId;
        SequenceNumber = sequenceNumber;
        WindowSize = windowSize;
        ServiceOrReason = serviceOrReason;
        ServiceData = serviceData;
    }

    /// <summary>The first octet: PDU type (high nibble) and the type's flags (low nibble).</summary>
    public byte FirstOctet { get; }

    /// <summary>The PDU type.</summary>
    public BacnetPduType PduType => (BacnetPduType)(FirstOctet >> 4);

    /// <summary>SEG of a confirmed request or complex ACK.</summary>
    public bool IsSegmented => PduType is BacnetPduType.ConfirmedRequest or BacnetPduType.ComplexAck && (FirstOctet & SegmentedFlag) != 0;

    /// <summary>MOR of a confirmed request or complex ACK.</summary>
    public bool MoreFollows => PduType is BacnetPduType.ConfirmedRequest or BacnetPduType.ComplexAck && (FirstOctet & MoreFollowsFlag) != 0;

    /// <summary>SA of a confirmed request.</summary>
    public bool SegmentedResponseAccepted => PduType == BacnetPduType.ConfirmedRequest && (FirstOctet & SegmentedResponseAcceptedFlag) != 0;

    /// <summary>NAK of a segment ACK.</summary>
    public bool NegativeAck => PduType == BacnetPduType.SegmentAck && (FirstOctet & NegativeAckFlag) != 0;

    /// <summary>SRV of a segment ACK or abort: true when the server sent it.</summary>
    public bool SentByServer => PduType is BacnetPduType.SegmentAck or BacnetPduType.Abort && (FirstOctet & ServerFlag) != 0;

    /// <summary>The second octet of a confirmed request: max-segments-accepted and max-APDU-length-accepted.</summary>
    public byte MaxSegmentsAndApdu { get; }

    /// <summary>max-segments-accepted of a confirmed request (clause 20.1.2.4).</summary>
    public MaxSegmentsAccepted MaxSegments => (MaxSegmentsAccepted)((MaxSegmentsAndApdu >> 4) & 0x07);

    /// <summary>max-APDU-length-accepted of a confirmed request (clause 20.1.2.5).</summary>
    public MaxApduLengthAccepted MaxApdu => (MaxApduLengthAccepted)(MaxSegmentsAndApdu & 0x0F);

    /// <summary>True for the PDU types that carry an invoke id (all but the unconfirmed request).</summary>
    public bool HasInvokeId => PduType != BacnetPduType.UnconfirmedRequest;

    /// <summary>The invoke id (original invoke id for ACKs, errors, rejects and aborts).</summary>
    public byte InvokeId { get; }

    /// <summary>Sequence number of a segment (segmented confirmed request or complex ACK, segment ACK).</summary>
    public byte SequenceNumber { get; }

    /// <summary>Proposed window size of a segment, or the actual window size of a segment ACK.</summary>
    public byte WindowSize { get; }

    /// <summary>The service choice octet, or the reason octet of a reject or abort.</summary>
    public byte ServiceOrReason { get; }

    /// <summary>True for the PDU types that carry a service choice (confirmed, unconfirmed, simple ACK, complex ACK, error).</summary>
    public bool HasServiceChoice => PduType is BacnetPduType.ConfirmedRequest or BacnetPduType.UnconfirmedRequest
        or BacnetPduType.SimpleAck or BacnetPduType.ComplexAck or BacnetPduType.Error;

    /// <summary>The service choice, when <see cref="HasServiceChoice"/>.</summary>
    public byte ServiceChoice => HasServiceChoice ? ServiceOrReason : (byte)0;

    /// <summary>The confirmed service (confirmed request, simple/complex ACK, error).</summary>
    public BacnetConfirmedService ConfirmedService => (BacnetConfirmedService)ServiceChoice;

    /// <summary>The unconfirmed service (unconfirmed request).</summary>
    public BacnetUnconfirmedService UnconfirmedService => (BacnetUnconfirmedService)ServiceChoice;

    /// <summary>The reject reason of a reject PDU.</summary>
    public BacnetRejectReason RejectReason => PduType == BacnetPduType.Reject ? (BacnetRejectReason)ServiceOrReason : default;

    /// <summary>The abort reason of an abort PDU.</summary>
    public BacnetAbortReason AbortReason => PduType == BacnetPduType.Abort ? (BacnetAbortReason)ServiceOrReason : default;

    /// <summary>The service request, service ACK or error data after the header (a fragment when segmented).</summary>
    public ReadOnlySpan<byte> ServiceData { get; }

    /// <summary>A confirmed request that is not segmented.</summary>
    /// <param name="invokeId">Invoke id.</param>
    /// <param name="service">Service choice.</param>
    /// <param name="serviceRequest">Encoded service request.</param>
    /// <param name="maxSegments">max-segments-accepted.</param>
    /// <param name="maxApdu">max-APDU-length-accepted.</param>
    /// <param name="segmentedResponseAccepted">SA.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame ConfirmedRequest(
        byte invokeId,
        BacnetConfirmedService service,
        ReadOnlySpan<byte> serviceRequest,
        MaxSegmentsAccepted maxSegments = MaxSegmentsAccepted.Unspecified,
        MaxApduLengthAccepted maxApdu = MaxApduLengthAccepted.Up1476,
        bool segmentedResponseAccepted = false) =>
        new(
            (byte)(segmentedResponseAccepted ? SegmentedResponseAcceptedFlag : 0),
            (byte)((((byte)maxSegments & 0x07) << 4) | ((byte)maxApdu & 0x0F)),
            invokeId,
            0,
            0,
            (byte)service,
            serviceRequest);

    /// <summary>One segment of a segmented confirmed request.</summary>
    /// <param name="invokeId">Invoke id.</param>
    /// <param name="service">Service choice.</param>
    /// <param name="fragment">This segment's part of the service request.</param>
    /// <param name="sequenceNumber">Segment sequence number.</param>
    /// <param name="proposedWindowSize">Proposed window size (1..127).</param>
    /// <param name="moreFollows">MOR.</param>
    /// <param name="maxSegments">max-segments-accepted.</param>
    /// <param name="maxApdu">max-APDU-length-accepted.</param>
    /// <param name="segmentedResponseAccepted">SA.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame ConfirmedRequestSegment(
        byte invokeId,
        BacnetConfirmedService service,
        ReadOnlySpan<byte> fragment,
        byte sequenceNumber,
        byte proposedWindowSize,
        bool moreFollows,
        MaxSegmentsAccepted maxSegments = MaxSegmentsAccepted.Unspecified,
        MaxApduLengthAccepted maxApdu = MaxApduLengthAccepted.Up1476,
        bool segmentedResponseAccepted = false) =>
        new(
            (byte)(SegmentedFlag | (moreFollows ? MoreFollowsFlag : 0) | (segmentedResponseAccepted ? SegmentedResponseAcceptedFlag : 0)),
            (byte)((((byte)maxSegments & 0x07) << 4) | ((byte)maxApdu & 0x0F)),
            invokeId,
            sequenceNumber,
            proposedWindowSize,
            (byte)service,
            fragment);

    /// <summary>An unconfirmed request.</summary>
    /// <param name="service">Service choice.</param>
    /// <param name="serviceRequest">Encoded service request.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame UnconfirmedRequest(BacnetUnconfirmedService service, ReadOnlySpan<byte> serviceRequest) =>
        new((byte)BacnetPduType.UnconfirmedRequest << 4, 0, 0, 0, 0, (byte)service, serviceRequest);

    /// <summary>A simple ACK.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="service">Service ACK choice.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame SimpleAck(byte invokeId, BacnetConfirmedService service) =>
        new((byte)BacnetPduType.SimpleAck << 4, 0, invokeId, 0, 0, (byte)service, []);

    /// <summary>A complex ACK that is not segmented.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="service">Service ACK choice.</param>
    /// <param name="serviceAck">Encoded service ACK.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame ComplexAck(byte invokeId, BacnetConfirmedService service, ReadOnlySpan<byte> serviceAck) =>
        new((byte)BacnetPduType.ComplexAck << 4, 0, invokeId, 0, 0, (byte)service, serviceAck);

    /// <summary>One segment of a segmented complex ACK.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="service">Service ACK choice.</param>
    /// <param name="fragment">This segment's part of the service ACK.</param>
    /// <param name="sequenceNumber">Segment sequence number.</param>
    /// <param name="proposedWindowSize">Proposed window size (1..127).</param>
    /// <param name="moreFollows">MOR.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame ComplexAckSegment(byte invokeId, BacnetConfirmedService service, ReadOnlySpan<byte> fragment, byte sequenceNumber, byte proposedWindowSize, bool moreFollows) =>
        new((byte)(((byte)BacnetPduType.ComplexAck << 4) | SegmentedFlag | (moreFollows ? MoreFollowsFlag : 0)), 0, invokeId, sequenceNumber, proposedWindowSize, (byte)service, fragment);

    /// <summary>A segment ACK.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="sequenceNumber">Sequence number being acknowledged.</param>
    /// <param name="actualWindowSize">Actual window size (1..127).</param>
    /// <param name="negative">NAK.</param>
    /// <param name="sentByServer">SRV.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame SegmentAck(byte invokeId, byte sequenceNumber, byte actualWindowSize, bool negative, bool sentByServer) =>
        new((byte)(((byte)BacnetPduType.SegmentAck << 4) | (negative ? NegativeAckFlag : 0) | (sentByServer ? ServerFlag : 0)), 0, invokeId, sequenceNumber, actualWindowSize, 0, []);

    /// <summary>An error PDU.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="service">Error choice (the failed service).</param>
    /// <param name="error">Encoded error (see <see cref="BacnetErrorInfo"/>).</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame Error(byte invokeId, BacnetConfirmedService service, ReadOnlySpan<byte> error) =>
        new((byte)BacnetPduType.Error << 4, 0, invokeId, 0, 0, (byte)service, error);

    /// <summary>A reject PDU.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="reason">Reject reason (64..255 proprietary).</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame Reject(byte invokeId, BacnetRejectReason reason) =>
        new((byte)BacnetPduType.Reject << 4, 0, invokeId, 0, 0, (byte)reason, []);

    /// <summary>An abort PDU.</summary>
    /// <param name="invokeId">Original invoke id.</param>
    /// <param name="reason">Abort reason (64..255 proprietary).</param>
    /// <param name="sentByServer">SRV.</param>
    /// <returns>The APDU view.</returns>
    public static ApduFrame Abort(byte invokeId, BacnetAbortReason reason, bool sentByServer) =>
        new((byte)(((byte)BacnetPduType.Abort << 4) | (sentByServer ? ServerFlag : 0)), 0, invokeId, 0, 0, (byte)reason, []);
}
