using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>DeviceCommunicationControl-Request (ANSI/ASHRAE 135 clause 16.1.1).</summary>
public readonly ref struct DeviceCommunicationControlRequest : IBacnetEncodable, IBacnetService<DeviceCommunicationControlRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="timeDuration">timeDuration [0] in minutes (optional: indefinite when absent).</param>
    /// <param name="enableDisable">enable-disable [1].</param>
    /// <param name="hasPassword">Whether password [2] is present.</param>
    /// <param name="password">password [2].</param>
    public DeviceCommunicationControlRequest(ushort? timeDuration, BacnetCommunicationEnableDisable enableDisable, bool hasPassword, BacnetCharacterString password)
    {
        TimeDuration = timeDuration;
        EnableDisable = enableDisable;
        HasPassword = hasPassword;
        Password = password;
    }

    /// <summary>timeDuration [0] in minutes.</summary>
    public ushort? TimeDuration { get; }

    /// <summary>enable-disable [1].</summary>
    public BacnetCommunicationEnableDisable EnableDisable { get; }

    /// <summary>True when password [2] is present.</summary>
    public bool HasPassword { get; }

    /// <summary>password [2].</summary>
    public BacnetCharacterString Password { get; }

    /// <summary>Reads a DeviceCommunicationControl request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out DeviceCommunicationControlRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<DeviceCommunicationControlRequest>.TryReadFields(scoped ref BacnetTagReader reader, out DeviceCommunicationControlRequest value)
    {
        value = default;
        if (!ServiceCodec.TryReadOptionalUnsigned(ref reader, 0, out uint? duration) || !reader.TryReadContextEnumerated(1, out uint enable))
        {
            return false;
        }

        if (duration > ushort.MaxValue || enable > (uint)BacnetCommunicationEnableDisable.DisableInitiation)
        {
            return ServiceCodec.FailAtStart(ref reader, BacnetError.ParameterOutOfRange, "DeviceCommunicationControl duration exceeds 65535 or enable-disable is undefined");
        }

        bool valid = ServiceCodec.TryReadOptionalCharacterString(ref reader, 2, out bool hasPassword, out BacnetCharacterString password);
        value = new DeviceCommunicationControlRequest((ushort?)duration, (BacnetCommunicationEnableDisable)enable, hasPassword, password);
        return valid;
    }

    void IBacnetService<DeviceCommunicationControlRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        ServiceCodec.WriteOptionalUnsigned(ref writer, 0, TimeDuration);
        writer.WriteContextEnumerated(1, (uint)EnableDisable);
        ServiceCodec.WriteOptionalCharacterString(ref writer, 2, HasPassword, Password);
    }
}

/// <summary>ReinitializeDevice-Request (clause 16.4.1).</summary>
public readonly ref struct ReinitializeDeviceRequest : IBacnetEncodable, IBacnetService<ReinitializeDeviceRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="state">reinitializedStateOfDevice [0].</param>
    /// <param name="hasPassword">Whether password [1] is present.</param>
    /// <param name="password">password [1].</param>
    public ReinitializeDeviceRequest(BacnetReinitializedState state, bool hasPassword, BacnetCharacterString password)
    {
        State = state;
        HasPassword = hasPassword;
        Password = password;
    }

    /// <summary>reinitializedStateOfDevice [0].</summary>
    public BacnetReinitializedState State { get; }

    /// <summary>True when password [1] is present.</summary>
    public bool HasPassword { get; }

    /// <summary>password [1].</summary>
    public BacnetCharacterString Password { get; }

    /// <summary>Reads a ReinitializeDevice request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReinitializeDeviceRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<ReinitializeDeviceRequest>.TryReadFields(scoped ref BacnetTagReader reader, out ReinitializeDeviceRequest value)
    {
        value = default;
        if (!reader.TryReadContextEnumerated(0, out uint state))
        {
            return false;
        }

        if (state > (uint)BacnetReinitializedState.ActivateChanges)
        {
            return ServiceCodec.FailAtStart(ref reader, BacnetError.ParameterOutOfRange, "reinitialized state is undefined");
        }

        bool valid = ServiceCodec.TryReadOptionalCharacterString(ref reader, 1, out bool hasPassword, out BacnetCharacterString password);
        value = new ReinitializeDeviceRequest((BacnetReinitializedState)state, hasPassword, password);
        return valid;
    }

    void IBacnetService<ReinitializeDeviceRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteContextEnumerated(0, (uint)State);
        ServiceCodec.WriteOptionalCharacterString(ref writer, 1, HasPassword, Password);
    }
}

/// <summary>TimeSynchronization-Request and UTCTimeSynchronization-Request (clause 16.7, 16.8): a BACnetDateTime.</summary>
/// <param name="Date">The date.</param>
/// <param name="Time">The time.</param>
public readonly record struct TimeSynchronizationRequest(BacnetDate Date, BacnetTime Time) : IBacnetEncodable, IBacnetService<TimeSynchronizationRequest>
{
    /// <summary>Reads a (UTC) time synchronization request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out TimeSynchronizationRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to (always 10).</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<TimeSynchronizationRequest>.TryReadFields(scoped ref BacnetTagReader reader, out TimeSynchronizationRequest value)
    {
        value = default;
        if (!reader.TryReadDate(out BacnetDate date) || !reader.TryReadTime(out BacnetTime time))
        {
            return false;
        }

        value = new TimeSynchronizationRequest(date, time);
        return true;
    }

    void IBacnetService<TimeSynchronizationRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteDate(Date);
        writer.WriteTime(Time);
    }
}
