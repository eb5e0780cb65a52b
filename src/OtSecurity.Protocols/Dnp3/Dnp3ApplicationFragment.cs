using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// A view over one DNP3 application fragment (IEEE 1815-2012 §4.2.2): application control, function code,
/// internal indications on responses, then object headers with their objects.
/// </summary>
public readonly ref struct Dnp3ApplicationFragment
{
    /// <summary>Size of a request header: application control and function code.</summary>
    public const int RequestHeaderLength = 2;

    /// <summary>Size of a response header: application control, function code and two IIN octets.</summary>
    public const int ResponseHeaderLength = 4;

    private Dnp3ApplicationFragment(Dnp3ApplicationControl control, Dnp3FunctionCode function, Dnp3InternalIndications iin, ReadOnlySpan<byte> objectData, bool endsRaw)
    {
        Control = control;
        Function = function;
        InternalIndications = iin;
        ObjectData = objectData;
        EndsWithRawData = endsRaw;
    }

    /// <summary>The application control octet.</summary>
    public Dnp3ApplicationControl Control { get; }

    /// <summary>The function code.</summary>
    public Dnp3FunctionCode Function { get; }

    /// <summary>True for RESPONSE, UNSOLICITED_RESPONSE and AUTHENTICATE_RESP, which carry internal indications.</summary>
    public bool IsResponse => Dnp3FunctionCodes.IsResponse(Function);

    /// <summary>True for an unsolicited response.</summary>
    public bool IsUnsolicited => Function == Dnp3FunctionCode.UnsolicitedResponse;

    /// <summary>The internal indications (responses only; <see cref="Dnp3InternalIndications.None"/> on requests).</summary>
    public Dnp3InternalIndications InternalIndications { get; }

    /// <summary>The object headers and objects after the application header.</summary>
    public ReadOnlySpan<byte> ObjectData { get; }

    /// <summary>True when the object walk stopped at a header whose object size is not known; the rest is raw.</summary>
    public bool EndsWithRawData { get; }

    /// <summary>Walks the object headers.</summary>
    /// <returns>A reader over <see cref="ObjectData"/>.</returns>
    public Dnp3ObjectReader GetObjects() => new(Function, ObjectData);

    /// <summary>Reads and validates a whole application fragment (it consumes all of <paramref name="source"/>).</summary>
    /// <param name="source">The reassembled fragment.</param>
    /// <param name="fragment">The fragment, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">All of <paramref name="source"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/> (a fragment is delimited by the transport layer, so it is never a prefix).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Dnp3ApplicationFragment fragment, out int bytesConsumed)
        => TryRead(source, out fragment, out bytesConsumed, out _);

    /// <summary>Reads and validates a whole application fragment, with the reason on failure.</summary>
    /// <param name="source">The reassembled fragment.</param>
    /// <param name="fragment">The fragment, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">All of <paramref name="source"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>; offsets are relative to the fragment.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Dnp3ApplicationFragment fragment, out int bytesConsumed, out ProtocolError error)
    {
        fragment = default;
        bytesConsumed = 0;
        error = default;

        // §4.2.2: a request header is 2 octets (control, function), a response header 4 (plus IIN1, IIN2).
        if (source.Length < RequestHeaderLength)
        {
            error = Dnp3Errors.Create(Dnp3Error.FragmentTooShort, source.Length);
            return OperationStatus.InvalidData;
        }

        // §4.2.2.5: only the function codes of Table 4-1 are defined.
        if (!Dnp3FunctionCodes.IsDefined(source[1]))
        {
            error = Dnp3Errors.Create(Dnp3Error.UnknownFunctionCode, 1);
            return OperationStatus.InvalidData;
        }

        var function = (Dnp3FunctionCode)source[1];
        int headerLength = RequestHeaderLength;
        var iin = Dnp3InternalIndications.None;
        if (Dnp3FunctionCodes.IsResponse(function))
        {
            if (source.Length < ResponseHeaderLength)
            {
                error = Dnp3Errors.Create(Dnp3Error.FragmentTooShort, source.Length);
                return OperationStatus.InvalidData;
            }

            // §4.2.2.6: IIN1 then IIN2.
            iin = (Dnp3InternalIndications)BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(2, 2));
            headerLength = ResponseHeaderLength;
        }

        ReadOnlySpan<byte> objects = source[headerLength..];
        var reader = new Dnp3ObjectReader(function, objects);
        while (reader.TryReadNext(out _))
        {
        }

        if (reader.Error.IsError)
        {
            ProtocolError inner = reader.Error;
            error = inner with { Offset = inner.Offset + headerLength };
            return OperationStatus.InvalidData;
        }

        fragment = new Dnp3ApplicationFragment(new Dnp3ApplicationControl(source[0]), function, iin, objects, reader.EndedRaw);
        bytesConsumed = source.Length;
        return OperationStatus.Done;
    }

    /// <summary>The encoded length of a fragment with this function and object data.</summary>
    /// <param name="function">The function (responses have a 4-octet header).</param>
    /// <param name="objectDataLength">Octets of object headers and objects.</param>
    /// <returns>The fragment's length.</returns>
    public static int GetEncodedLength(Dnp3FunctionCode function, int objectDataLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objectDataLength);
        return (Dnp3FunctionCodes.IsResponse(function) ? ResponseHeaderLength : RequestHeaderLength) + objectDataLength;
    }

    /// <summary>Writes a request fragment (any function below 0x81).</summary>
    /// <param name="control">The application control octet.</param>
    /// <param name="function">The request function.</param>
    /// <param name="objectData">Object headers and objects (see <see cref="Dnp3ObjectHeader.TryWrite"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="function"/> is a response function.</exception>
    public static OperationStatus TryWriteRequest(Dnp3ApplicationControl control, Dnp3FunctionCode function, ReadOnlySpan<byte> objectData, Span<byte> destination, out int bytesWritten)
    {
        if (Dnp3FunctionCodes.IsResponse(function))
        {
            throw new ArgumentException("A response function needs internal indications; use TryWriteResponse.", nameof(function));
        }

        bytesWritten = 0;
        int length = RequestHeaderLength + objectData.Length;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = control.Value;
        destination[1] = (byte)function;
        objectData.CopyTo(destination[RequestHeaderLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes a response fragment (RESPONSE, UNSOLICITED_RESPONSE or AUTHENTICATE_RESP).</summary>
    /// <param name="control">The application control octet.</param>
    /// <param name="function">The response function.</param>
    /// <param name="internalIndications">IIN1 and IIN2.</param>
    /// <param name="objectData">Object headers and objects.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="function"/> is not a response function.</exception>
    public static OperationStatus TryWriteResponse(Dnp3ApplicationControl control, Dnp3FunctionCode function, Dnp3InternalIndications internalIndications, ReadOnlySpan<byte> objectData, Span<byte> destination, out int bytesWritten)
    {
        if (!Dnp3FunctionCodes.IsResponse(function))
        {
            throw new ArgumentException("A request function has no internal indications; use TryWriteRequest.", nameof(function));
        }

        bytesWritten = 0;
        int length = ResponseHeaderLength + objectData.Length;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = control.Value;
        destination[1] = (byte)function;
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(2, 2), (ushort)internalIndications);
        objectData.CopyTo(destination[ResponseHeaderLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
