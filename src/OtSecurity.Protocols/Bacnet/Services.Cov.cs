using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>SubscribeCOV-Request (ANSI/ASHRAE 135 clause 13.14.1). Without [2] and [3] it cancels the subscription.</summary>
/// <param name="SubscriberProcessIdentifier">subscriberProcessIdentifier [0].</param>
/// <param name="MonitoredObjectIdentifier">monitoredObjectIdentifier [1].</param>
/// <param name="IssueConfirmedNotifications">issueConfirmedNotifications [2], optional.</param>
/// <param name="Lifetime">lifetime [3] in seconds, optional.</param>
public readonly record struct SubscribeCovRequest(uint SubscriberProcessIdentifier, BacnetObjectIdentifier MonitoredObjectIdentifier, bool? IssueConfirmedNotifications, uint? Lifetime) : IBacnetEncodable, IBacnetService<SubscribeCovRequest>
{
    /// <summary>True for a cancellation (neither [2] nor [3] present).</summary>
    public bool IsCancellation => IssueConfirmedNotifications is null && Lifetime is null;

    /// <summary>Reads a SubscribeCOV request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out SubscribeCovRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<SubscribeCovRequest>.TryReadFields(scoped ref BacnetTagReader reader, out SubscribeCovRequest value)
    {
        value = default;
        if (!reader.TryReadContextUnsigned(0, out uint process) || !reader.TryReadContextObjectIdentifier(1, out BacnetObjectIdentifier monitored))
        {
            return false;
        }

        bool? confirmed = null;
        if (reader.PeekIsContext(2))
        {
            if (!reader.TryReadContextBoolean(2, out bool present))
            {
                return false;
            }

            confirmed = present;
        }

        bool valid = ServiceCodec.TryReadOptionalUnsigned(ref reader, 3, out uint? lifetime);
        value = new SubscribeCovRequest(process, monitored, confirmed, lifetime);
        return valid;
    }

    void IBacnetService<SubscribeCovRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteContextUnsigned(0, SubscriberProcessIdentifier);
        writer.WriteContextObjectIdentifier(1, MonitoredObjectIdentifier);
        if (IssueConfirmedNotifications is bool confirmed)
        {
            writer.WriteContextBoolean(2, confirmed);
        }

        ServiceCodec.WriteOptionalUnsigned(ref writer, 3, Lifetime);
    }
}

/// <summary>
/// ConfirmedCOVNotification-Request and UnconfirmedCOVNotification-Request (clause 13.6, 13.7): the subscription,
/// the devices and object involved, the time remaining, and the list of changed values [4].
/// </summary>
public readonly ref struct CovNotificationRequest : IBacnetEncodable, IBacnetService<CovNotificationRequest>
{
    /// <summary>Creates a notification.</summary>
    /// <param name="subscriberProcessIdentifier">subscriberProcessIdentifier [0].</param>
    /// <param name="initiatingDeviceIdentifier">initiatingDeviceIdentifier [1].</param>
    /// <param name="monitoredObjectIdentifier">monitoredObjectIdentifier [2].</param>
    /// <param name="timeRemaining">timeRemaining [3] in seconds.</param>
    /// <param name="values">The encoded list of BACnetPropertyValue inside [4] (see <see cref="WriteAccessSpecification.TryWriteValue"/>).</param>
    public CovNotificationRequest(uint subscriberProcessIdentifier, BacnetObjectIdentifier initiatingDeviceIdentifier, BacnetObjectIdentifier monitoredObjectIdentifier, uint timeRemaining, ReadOnlySpan<byte> values)
    {
        SubscriberProcessIdentifier = subscriberProcessIdentifier;
        InitiatingDeviceIdentifier = initiatingDeviceIdentifier;
        MonitoredObjectIdentifier = monitoredObjectIdentifier;
        TimeRemaining = timeRemaining;
        Values = values;
    }

    /// <summary>subscriberProcessIdentifier [0].</summary>
    public uint SubscriberProcessIdentifier { get; }

    /// <summary>initiatingDeviceIdentifier [1].</summary>
    public BacnetObjectIdentifier InitiatingDeviceIdentifier { get; }

    /// <summary>monitoredObjectIdentifier [2].</summary>
    public BacnetObjectIdentifier MonitoredObjectIdentifier { get; }

    /// <summary>timeRemaining [3].</summary>
    public uint TimeRemaining { get; }

    /// <summary>The encoded listOfValues inside [4].</summary>
    public ReadOnlySpan<byte> Values { get; }

    /// <summary>Enumerates the changed values.</summary>
    /// <returns>An enumerator.</returns>
    public BacnetListEnumerator<BacnetPropertyValue> EnumerateValues() => new(Values);

    /// <summary>Reads a COV notification.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The notification.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out CovNotificationRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this notification encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the notification.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<CovNotificationRequest>.TryReadFields(scoped ref BacnetTagReader reader, out CovNotificationRequest value)
    {
        value = default;
        if (!reader.TryReadContextUnsigned(0, out uint process)
            || !reader.TryReadContextObjectIdentifier(1, out BacnetObjectIdentifier device)
            || !reader.TryReadContextObjectIdentifier(2, out BacnetObjectIdentifier monitored)
            || !reader.TryReadContextUnsigned(3, out uint remaining)
            || !BacnetList.TryReadConstructed<BacnetPropertyValue>(ref reader, 4, out ReadOnlySpan<byte> values))
        {
            return false;
        }

        value = new CovNotificationRequest(process, device, monitored, remaining, values);
        return true;
    }

    void IBacnetService<CovNotificationRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteContextUnsigned(0, SubscriberProcessIdentifier);
        writer.WriteContextObjectIdentifier(1, InitiatingDeviceIdentifier);
        writer.WriteContextObjectIdentifier(2, MonitoredObjectIdentifier);
        writer.WriteContextUnsigned(3, TimeRemaining);
        ServiceCodec.WriteConstructed(ref writer, 4, Values);
    }
}
