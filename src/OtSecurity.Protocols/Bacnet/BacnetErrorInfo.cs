using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// The error of a BACnet-Error-PDU (ANSI/ASHRAE 135 clause 18, 21): error class and error code. Services whose error
/// is a sequence (CreateObject, Add/RemoveListElement, WritePropertyMultiple, ConfirmedPrivateTransfer, VTClose,
/// SubscribeCOVPropertyMultiple) carry it inside context tag [0], followed by service-specific fields.
/// </summary>
/// <param name="ErrorClass">error-class.</param>
/// <param name="ErrorCode">error-code.</param>
public readonly record struct BacnetErrorInfo(BacnetErrorClass ErrorClass, BacnetErrorCode ErrorCode) : IBacnetEncodable, IBacnetService<BacnetErrorInfo>
{
    /// <summary>True when the error of <paramref name="service"/> is wrapped in context tag [0] (clause 21, BACnet-Error-PDU).</summary>
    /// <param name="service">The error choice of the Error PDU.</param>
    /// <returns>Whether the error is a sequence that starts with errorType [0].</returns>
    public static bool IsWrapped(BacnetConfirmedService service) => service is BacnetConfirmedService.AddListElement
        or BacnetConfirmedService.RemoveListElement or BacnetConfirmedService.CreateObject or BacnetConfirmedService.WritePropertyMultiple
        or BacnetConfirmedService.ConfirmedPrivateTransfer or BacnetConfirmedService.VtClose or BacnetConfirmedService.SubscribeCovPropertyMultiple;

    /// <summary>Reads the error of an Error PDU for <paramref name="service"/>.</summary>
    /// <param name="service">The error choice.</param>
    /// <param name="data">The error octets after the Error PDU header.</param>
    /// <param name="error">The error class and code.</param>
    /// <param name="protocolError">Why the octets are invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(BacnetConfirmedService service, ReadOnlySpan<byte> data, out BacnetErrorInfo error, out ProtocolError protocolError)
    {
        var reader = new BacnetTagReader(data);
        if (!IsWrapped(service) && !reader.PeekIsOpening(0))
        {
            return ServiceCodec.TryRead(data, out error, out protocolError);
        }

        if (!reader.TryReadOpening(0) || !TryReadPair(ref reader, out error) || !reader.TryReadClosing(0))
        {
            error = default;
            protocolError = reader.Error;
            return false;
        }

        // The service-specific fields that follow must be well-formed tagged data.
        while (!reader.End)
        {
            if (!reader.TrySkipElement())
            {
                error = default;
                protocolError = reader.Error;
                return false;
            }
        }

        protocolError = default;
        return true;
    }

    /// <summary>Octets of the plain (unwrapped) encoding.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the plain encoding: error class and error code, application-tagged Enumerated.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    /// <summary>Writes the wrapped encoding used by <see cref="IsWrapped"/> services: errorType [0] and the service-specific fields.</summary>
    /// <param name="serviceFields">The tagged octets that follow errorType (for example firstFailedElementNumber [1]).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWriteWrapped(ReadOnlySpan<byte> serviceFields, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteOpening(0);
        WriteFields(ref writer);
        writer.WriteClosing(0);
        writer.WriteRaw(serviceFields);
        return writer.Complete(out bytesWritten);
    }

    static bool IBacnetService<BacnetErrorInfo>.TryReadFields(scoped ref BacnetTagReader reader, out BacnetErrorInfo value) => TryReadPair(ref reader, out value);

    private static bool TryReadPair(scoped ref BacnetTagReader reader, out BacnetErrorInfo error)
    {
        error = default;
        if (!reader.TryReadEnumerated(out uint errorClass) || !reader.TryReadEnumerated(out uint errorCode))
        {
            return false;
        }

        if (errorClass > ushort.MaxValue || errorCode > ushort.MaxValue)
        {
            return reader.Fail(BacnetError.ParameterOutOfRange, "error class or error code exceeds 65535");
        }

        error = new BacnetErrorInfo((BacnetErrorClass)errorClass, (BacnetErrorCode)errorCode);
        return true;
    }

    void IBacnetService<BacnetErrorInfo>.WriteFields(ref BacnetTagWriter writer) => WriteFields(ref writer);

    private void WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteEnumerated((uint)ErrorClass);
        writer.WriteEnumerated((uint)ErrorCode);
    }
}
