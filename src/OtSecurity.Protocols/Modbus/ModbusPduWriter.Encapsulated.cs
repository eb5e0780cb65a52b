using System.Buffers;

namespace OtSecurity.Protocols.Modbus;

public static partial class ModbusPduWriter
{
    /// <summary>Encoded length of a CANopen General Reference request or response.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusCanOpenGeneralReference message) => 2 + message.Data.Length;

    /// <summary>Writes a CANopen General Reference request or response (§6.20).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusCanOpenGeneralReference message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(2 + message.Data.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport;
        destination[1] = (byte)ModbusMeiType.CanOpenGeneralReference;
        message.Data.CopyTo(destination[2..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a Read Device Identification request: 4 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadDeviceIdentificationRequest message) => 4;

    /// <summary>Writes a Read Device Identification request (§6.21).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadDeviceIdentificationRequest message, Span<byte> destination, out int bytesWritten)
    {
        if (!Fits(destination, 4, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport;
        destination[1] = (byte)ModbusMeiType.ReadDeviceIdentification;
        destination[2] = (byte)message.ReadDeviceIdCode;
        destination[3] = message.ObjectId;
        return Finish(destination, 4, request: true, ModbusMessageKind.ReadDeviceIdentificationRequest, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Read Device Identification response view.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadDeviceIdentificationResponse message) => ModbusPduValidator.DeviceIdResponseHeaderLength + message.EncodedObjects.Length;

    /// <summary>Writes a Read Device Identification response (§6.21) from a view; build a new one with <see cref="ModbusDeviceIdentificationResponseBuilder"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadDeviceIdentificationResponse message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(GetEncodedLength(message), nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteDeviceIdHeader(destination, message.ReadDeviceIdCode, message.ConformityLevel, message.MoreFollows, message.NextObjectId, message.NumberOfObjects);
        message.EncodedObjects.CopyTo(destination[ModbusPduValidator.DeviceIdResponseHeaderLength..]);
        return Finish(destination, length, request: false, ModbusMessageKind.ReadDeviceIdentificationResponse, nameof(message), out bytesWritten);
    }

    internal static void WriteDeviceIdHeader(Span<byte> destination, ModbusReadDeviceIdCode code, ModbusConformityLevel level, bool moreFollows, byte nextObjectId, byte count)
    {
        destination[0] = (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport;
        destination[1] = (byte)ModbusMeiType.ReadDeviceIdentification;
        destination[2] = (byte)code;
        destination[3] = (byte)level;
        destination[4] = moreFollows ? (byte)0xFF : (byte)0x00;
        destination[5] = nextObjectId;
        destination[6] = count;
    }
}

/// <summary>
/// Builds a Read Device Identification response (§6.21) in place: add the objects that fit, then finish. A server
/// whose objects do not fit one response sets more-follows and the next object id, and the client asks again.
/// </summary>
public ref struct ModbusDeviceIdentificationResponseBuilder
{
    private readonly Span<byte> _destination;
    private readonly ModbusReadDeviceIdCode _code;
    private readonly ModbusConformityLevel _level;
    private readonly bool _moreFollows;
    private readonly byte _nextObjectId;
    private int _length;
    private int _count;
    private bool _tooSmall;

    /// <summary>Starts a response in <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the PDU is written.</param>
    /// <param name="readDeviceIdCode">The access type of the request.</param>
    /// <param name="conformityLevel">Identification level and access types of the device.</param>
    /// <param name="moreFollows">True when further objects need another transaction.</param>
    /// <param name="nextObjectId">The object id to ask for next (0 when <paramref name="moreFollows"/> is false).</param>
    public ModbusDeviceIdentificationResponseBuilder(Span<byte> destination, ModbusReadDeviceIdCode readDeviceIdCode, ModbusConformityLevel conformityLevel, bool moreFollows, byte nextObjectId)
    {
        _destination = destination;
        _code = readDeviceIdCode;
        _level = conformityLevel;
        _moreFollows = moreFollows;
        _nextObjectId = nextObjectId;
        _length = ModbusPduValidator.DeviceIdResponseHeaderLength;
        _count = 0;
        _tooSmall = destination.Length < ModbusPduValidator.DeviceIdResponseHeaderLength;
    }

    /// <summary>Adds one object.</summary>
    /// <param name="objectId">Object id.</param>
    /// <param name="value">Value bytes, at most 255.</param>
    /// <returns>Done, or DestinationTooSmall (the builder then fails to finish).</returns>
    public OperationStatus Add(byte objectId, scoped ReadOnlySpan<byte> value)
    {
        if (value.Length > byte.MaxValue)
        {
            throw new ArgumentException("A device identification object value is at most 255 bytes.", nameof(value));
        }

        if (_count == byte.MaxValue)
        {
            throw new InvalidOperationException("A device identification response holds at most 255 objects.");
        }

        int needed = 2 + value.Length;
        if (_tooSmall || _length + needed > _destination.Length)
        {
            _tooSmall = true;
            return OperationStatus.DestinationTooSmall;
        }

        _destination[_length] = objectId;
        _destination[_length + 1] = (byte)value.Length;
        value.CopyTo(_destination[(_length + 2)..]);
        _length += needed;
        _count++;
        return OperationStatus.Done;
    }

    /// <summary>Writes the header and validates the PDU.</summary>
    /// <param name="bytesWritten">PDU length.</param>
    /// <returns>Done, or DestinationTooSmall when an <see cref="Add"/> did not fit.</returns>
    public readonly OperationStatus TryFinish(out int bytesWritten)
    {
        if (_tooSmall)
        {
            bytesWritten = 0;
            return OperationStatus.DestinationTooSmall;
        }

        if (_length > ModbusLimits.MaxPduLength)
        {
            throw new InvalidOperationException("The objects exceed a 253-byte PDU; set more-follows and send the rest in a further response.");
        }

        ModbusPduWriter.WriteDeviceIdHeader(_destination, _code, _level, _moreFollows, _nextObjectId, (byte)_count);
        return ModbusPduWriter.FinishBuilt(_destination, _length, request: false, ModbusMessageKind.ReadDeviceIdentificationResponse, out bytesWritten);
    }
}
