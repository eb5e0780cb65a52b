using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>DeviceCommunicationControl-Request (ANSI/ASHRAE 135 clause 16.1.1).</summary>
public readonly ref struct DeviceCommunicationControlRequest : IBacnetEncodable
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
    public static bool TryRead(ReadOnlySpan<byte> data, out DeviceCommunicationControlRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!ServiceCodec.TryReadOptionalUnsigned(ref reader, 0, out uint? duration) || !reader.TryReadContextEnumerated(1, out uint enable))
        {
            error = reader.Error;
            return false;
        }

        if (duration > ushort.MaxValue || enable > (uint)BacnetCommunicationEnableDisable.DisableInitiation)
        {
            error = BacnetErrors.Create(BacnetError.ParameterOutOfRange, "DeviceCommunicationControl duration exceeds 65535 or enable-disable is undefined", 0);
            return false;
        }

        bool hasPassword = reader.PeekIsContext(2);
        BacnetCharacterString password = default;
        if ((hasPassword && !reader.TryReadContextCharacterString(2, out password)) || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new DeviceCommunicationControlRequest((ushort?)duration, (BacnetCommunicationEnableDisable)enable, hasPassword, password);
        error = default;
        return true;
    }

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    private void Write(ref BacnetTagWriter writer)
    {
        if (TimeDuration is ushort duration)
        {
            writer.WriteContextUnsigned(0, duration);
        }

        writer.WriteContextEnumerated(1, (uint)EnableDisable);
        if (HasPassword)
        {
            writer.WriteContextCharacterString(2, Password);
        }
    }
}

/// <summary>ReinitializeDevice-Request (clause 16.4.1).</summary>
public readonly ref struct ReinitializeDeviceRequest : IBacnetEncodable
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
    public static bool TryRead(ReadOnlySpan<byte> data, out ReinitializeDeviceRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!reader.TryReadContextEnumerated(0, out uint state))
        {
            error = reader.Error;
            return false;
        }

        if (state > (uint)BacnetReinitializedState.ActivateChanges)
        {
            error = BacnetErrors.Create(BacnetError.ParameterOutOfRange, "reinitialized state is undefined", 0);
            return false;
        }

        bool hasPassword = reader.PeekIsContext(1);
        BacnetCharacterString password = default;
        if ((hasPassword && !reader.TryReadContextCharacterString(1, out password)) || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new ReinitializeDeviceRequest((BacnetReinitializedState)state, hasPassword, password);
        error = default;
        return true;
    }

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    private void Write(ref BacnetTagWriter writer)
    {
        writer.WriteContextEnumerated(0, (uint)State);
        if (HasPassword)
        {
            writer.WriteContextCharacterString(1, Password);
        }
    }
}

/// <summary>TimeSynchronization-Request and UTCTimeSynchronization-Request (clause 16.7, 16.8): a BACnetDateTime.</summary>
/// <param name="Date">The date.</param>
/// <param name="Time">The time.</param>
public readonly record struct TimeSynchronizationRequest(BacnetDate Date, BacnetTime Time) : IBacnetEncodable
{
    /// <summary>Reads a (UTC) time synchronization request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out TimeSynchronizationRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!reader.TryReadDate(out BacnetDate date) || !reader.TryReadTime(out BacnetTime time) || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new TimeSynchronizationRequest(date, time);
        error = default;
        return true;
    }

    /// <summary>Octets this request encodes to (always 10).</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        writer.WriteDate(Date);
        writer.WriteTime(Time);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteDate(Date);
        writer.WriteTime(Time);
        return writer.Complete(out bytesWritten);
    }
}
