using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

public static partial class ModbusPduWriter
{
    /// <summary>Encoded length of a request made of the function code alone: 1 byte.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusEmptyRequest message) => 1;

    /// <summary>Writes a request of functions 7, 11, 12 or 17 (§6.7, §6.9, §6.10, §6.13): the function code alone.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusEmptyRequest message, Span<byte> destination, out int bytesWritten)
    {
        if (message.Function is not (ModbusFunctionCode.ReadExceptionStatus or ModbusFunctionCode.GetCommEventCounter or ModbusFunctionCode.GetCommEventLog or ModbusFunctionCode.ReportServerId))
        {
            throw new ArgumentException("A request without data must be of function 7, 11, 12 or 17.", nameof(message));
        }

        if (!Fits(destination, 1, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)message.Function;
        bytesWritten = 1;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a Read Exception Status response: 2 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadExceptionStatusResponse message) => 2;

    /// <summary>Writes a Read Exception Status response (§6.7).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadExceptionStatusResponse message, Span<byte> destination, out int bytesWritten)
    {
        if (!Fits(destination, 2, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.ReadExceptionStatus;
        destination[1] = message.OutputData;
        bytesWritten = 2;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a Diagnostics request or response.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusDiagnostics message) => 3 + message.Data.Length;

    /// <summary>Writes a Diagnostics request or response (§6.8).</summary>
    /// <param name="message">The message.</param>
    /// <param name="direction">Request or response: §6.8.1 allows different data in each for some sub-functions.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusDiagnostics message, ModbusDirection direction, Span<byte> destination, out int bytesWritten)
    {
        if (direction == ModbusDirection.Unknown)
        {
            throw new ArgumentException("Say whether the diagnostics message is a request or a response.", nameof(direction));
        }

        int length = CheckPduLength(3 + message.Data.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.Diagnostics;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)message.SubFunction);
        message.Data.CopyTo(destination[3..]);
        return Finish(destination, length, direction == ModbusDirection.Request, ModbusMessageKind.Diagnostics, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Get Comm Event Counter response: 5 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusCommEventCounterResponse message) => 5;

    /// <summary>Writes a Get Comm Event Counter response (§6.9).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusCommEventCounterResponse message, Span<byte> destination, out int bytesWritten)
    {
        if (!Fits(destination, 5, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.GetCommEventCounter;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.Status);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], message.EventCount);
        return Finish(destination, 5, request: false, ModbusMessageKind.CommEventCounterResponse, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Get Comm Event Log response.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusCommEventLogResponse message) => 8 + message.Events.Length;

    /// <summary>Writes a Get Comm Event Log response (§6.10).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusCommEventLogResponse message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(8 + message.Events.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.GetCommEventLog;
        destination[1] = (byte)(6 + message.Events.Length);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], message.Status);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], message.EventCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], message.MessageCount);
        message.Events.CopyTo(destination[8..]);
        return Finish(destination, length, request: false, ModbusMessageKind.CommEventLogResponse, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Report Server ID response.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReportServerIdResponse message) => 2 + message.Data.Length;

    /// <summary>Writes a Report Server ID response (§6.13).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReportServerIdResponse message, Span<byte> destination, out int bytesWritten) =>
        WriteByteCounted((byte)ModbusFunctionCode.ReportServerId, message.Data, destination, ModbusMessageKind.ReportServerIdResponse, nameof(message), out bytesWritten);
}
