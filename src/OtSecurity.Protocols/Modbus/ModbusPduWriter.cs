using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// Writes every request and response PDU of the MODBUS Application Protocol Specification V1.1b3. Each writer returns
/// <see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/> (nothing written), and throws
/// <see cref="ArgumentException"/> when the message breaks a rule of the specification (a caller error): what it writes
/// is always read back by <see cref="ModbusPdu.TryRead(ReadOnlySpan{byte}, ModbusDirection, out ModbusPdu, out ProtocolError)"/>
/// as the same message.
/// </summary>
public static partial class ModbusPduWriter
{
    /// <summary>Encoded length of a request of functions 1–4: 5 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadRequest message) => 5;

    /// <summary>Writes a request of functions 1–4 (§6.1–§6.4).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadRequest message, Span<byte> destination, out int bytesWritten)
    {
        if (message.Function is not (ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs or ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters))
        {
            throw new ArgumentException("A read request's function must be 1, 2, 3 or 4.", nameof(message));
        }

        if (!Fits(destination, 5, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)message.Function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.Address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], message.Quantity);
        return Finish(destination, 5, request: true, ModbusMessageKind.ReadRequest, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a response of functions 1 and 2.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadBitsResponse message) => 2 + message.Status.Length;

    /// <summary>Writes a response of functions 1 and 2 (§6.1, §6.2).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadBitsResponse message, Span<byte> destination, out int bytesWritten)
    {
        if (message.Function is not (ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs))
        {
            throw new ArgumentException("A read bits response's function must be 1 or 2.", nameof(message));
        }

        return WriteByteCounted((byte)message.Function, message.Status, destination, ModbusMessageKind.ReadBitsResponse, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a response of functions 3, 4 and 23.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadRegistersResponse message) => 2 + message.RegisterBytes.Length;

    /// <summary>Writes a response of functions 3, 4 and 23 (§6.3, §6.4, §6.17).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadRegistersResponse message, Span<byte> destination, out int bytesWritten)
    {
        if (message.Function is not (ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters or ModbusFunctionCode.ReadWriteMultipleRegisters))
        {
            throw new ArgumentException("A read registers response's function must be 3, 4 or 23.", nameof(message));
        }

        return WriteByteCounted((byte)message.Function, message.RegisterBytes, destination, ModbusMessageKind.ReadRegistersResponse, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Write Single Coil request or response: 5 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusWriteSingleCoil message) => 5;

    /// <summary>Writes a Write Single Coil request or response (§6.5; the response echoes the request).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusWriteSingleCoil message, Span<byte> destination, out int bytesWritten) =>
        WriteThreeWords(ModbusFunctionCode.WriteSingleCoil, message.Address, message.Value ? ModbusLimits.CoilOn : ModbusLimits.CoilOff, null, destination, ModbusMessageKind.WriteSingleCoil, out bytesWritten);

    /// <summary>Encoded length of a Write Single Register request or response: 5 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusWriteSingleRegister message) => 5;

    /// <summary>Writes a Write Single Register request or response (§6.6; the response echoes the request).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusWriteSingleRegister message, Span<byte> destination, out int bytesWritten) =>
        WriteThreeWords(ModbusFunctionCode.WriteSingleRegister, message.Address, message.Value, null, destination, ModbusMessageKind.WriteSingleRegister, out bytesWritten);

    /// <summary>Encoded length of a Mask Write Register request or response: 7 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusMaskWriteRegister message) => 7;

    /// <summary>Writes a Mask Write Register request or response (§6.16; the response echoes the request).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusMaskWriteRegister message, Span<byte> destination, out int bytesWritten) =>
        WriteThreeWords(ModbusFunctionCode.MaskWriteRegister, message.Address, message.AndMask, message.OrMask, destination, ModbusMessageKind.MaskWriteRegister, out bytesWritten);

    /// <summary>Encoded length of a Write Multiple Coils request.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusWriteMultipleCoilsRequest message) => 6 + message.Values.Length;

    /// <summary>Writes a Write Multiple Coils request (§6.11).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusWriteMultipleCoilsRequest message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(6 + message.Values.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.WriteMultipleCoils;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.Address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], message.Quantity);
        destination[5] = (byte)message.Values.Length;
        message.Values.CopyTo(destination[6..]);
        return Finish(destination, length, request: true, ModbusMessageKind.WriteMultipleCoilsRequest, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Write Multiple Registers request.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusWriteMultipleRegistersRequest message) => 6 + message.RegisterBytes.Length;

    /// <summary>Writes a Write Multiple Registers request (§6.12).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusWriteMultipleRegistersRequest message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(6 + message.RegisterBytes.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.Address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], (ushort)message.Quantity);
        destination[5] = (byte)message.RegisterBytes.Length;
        message.RegisterBytes.CopyTo(destination[6..]);
        return Finish(destination, length, request: true, ModbusMessageKind.WriteMultipleRegistersRequest, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Write Multiple Coils or Registers response: 5 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusWriteMultipleResponse message) => 5;

    /// <summary>Writes a Write Multiple Coils or Write Multiple Registers response (§6.11, §6.12).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusWriteMultipleResponse message, Span<byte> destination, out int bytesWritten)
    {
        if (message.Function is not (ModbusFunctionCode.WriteMultipleCoils or ModbusFunctionCode.WriteMultipleRegisters))
        {
            throw new ArgumentException("A write multiple response's function must be 15 or 16.", nameof(message));
        }

        if (!Fits(destination, 5, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)message.Function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.Address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], message.Quantity);
        return Finish(destination, 5, request: false, ModbusMessageKind.WriteMultipleResponse, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Read/Write Multiple Registers request.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadWriteMultipleRegistersRequest message) => 10 + message.WriteRegisterBytes.Length;

    /// <summary>Writes a Read/Write Multiple Registers request (§6.17).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadWriteMultipleRegistersRequest message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(10 + message.WriteRegisterBytes.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.ReadWriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.ReadAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], message.ReadQuantity);
        BinaryPrimitives.WriteUInt16BigEndian(destination[5..], message.WriteAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[7..], (ushort)message.WriteQuantity);
        destination[9] = (byte)message.WriteRegisterBytes.Length;
        message.WriteRegisterBytes.CopyTo(destination[10..]);
        return Finish(destination, length, request: true, ModbusMessageKind.ReadWriteMultipleRegistersRequest, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Read FIFO Queue request: 3 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadFifoQueueRequest message) => 3;

    /// <summary>Writes a Read FIFO Queue request (§6.18).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadFifoQueueRequest message, Span<byte> destination, out int bytesWritten)
    {
        if (!Fits(destination, 3, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.ReadFifoQueue;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.FifoPointerAddress);
        return Finish(destination, 3, request: true, ModbusMessageKind.ReadFifoQueueRequest, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of a Read FIFO Queue response.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusReadFifoQueueResponse message) => 5 + message.RegisterBytes.Length;

    /// <summary>Writes a Read FIFO Queue response (§6.18).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusReadFifoQueueResponse message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(5 + message.RegisterBytes.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)ModbusFunctionCode.ReadFifoQueue;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)(2 + message.RegisterBytes.Length));
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], (ushort)message.FifoCount);
        message.RegisterBytes.CopyTo(destination[5..]);
        return Finish(destination, length, request: false, ModbusMessageKind.ReadFifoQueueResponse, nameof(message), out bytesWritten);
    }

    /// <summary>Encoded length of an exception response: 2 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusExceptionResponse message) => 2;

    /// <summary>Writes an exception response (§7): the function code with bit 7 set, then the exception code.</summary>
    /// <param name="message">The message; its function must be below 0x80.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusExceptionResponse message, Span<byte> destination, out int bytesWritten)
    {
        if ((byte)message.Function >= 0x80)
        {
            throw new ArgumentException("An exception response's function must be 0..127 (without the exception bit).", nameof(message));
        }

        if (!Fits(destination, 2, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)((byte)message.Function | 0x80);
        destination[1] = (byte)message.ExceptionCode;
        bytesWritten = 2;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a raw PDU.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The PDU length.</returns>
    public static int GetEncodedLength(in ModbusRawPdu message) => 1 + message.Data.Length;

    /// <summary>
    /// Writes a PDU of a user-defined or unknown function code (or of a reserved MEI type of function 43) with its raw data.
    /// Function codes with a defined layout must be written with their typed writer.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusRawPdu message, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckPduLength(1 + message.Data.Length, nameof(message));
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = message.FunctionCode;
        message.Data.CopyTo(destination[1..]);
        ModbusError code = ModbusPduValidator.Validate(destination[..length], request: true, out ModbusMessageKind kind, out _);
        if (code != ModbusError.None || kind is not (ModbusMessageKind.UserDefined or ModbusMessageKind.Unknown))
        {
            destination[..length].Clear();
            throw new ArgumentException("A raw PDU's function code must be user-defined or unknown (below 0x80); write defined functions with their typed writer.", nameof(message));
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Copies a PDU that was read (re-encoding it as it is).</summary>
    /// <param name="pdu">A PDU from <see cref="ModbusPdu.TryRead(ReadOnlySpan{byte}, ModbusDirection, out ModbusPdu)"/>.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(in ModbusPdu pdu, Span<byte> destination, out int bytesWritten)
    {
        if (pdu.Span.IsEmpty)
        {
            throw new ArgumentException("The PDU is empty (a default value).", nameof(pdu));
        }

        if (!Fits(destination, pdu.Span.Length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        pdu.Span.CopyTo(destination);
        bytesWritten = pdu.Span.Length;
        return OperationStatus.Done;
    }

    private static bool Fits(Span<byte> destination, int length, out int bytesWritten)
    {
        bytesWritten = 0;
        return destination.Length >= length;
    }

    private static int CheckPduLength(int length, string paramName)
    {
        // §4.1: a PDU is at most 253 bytes.
        if (length > ModbusLimits.MaxPduLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The message would encode to {length} bytes; a Modbus PDU is at most 253 bytes."), paramName);
        }

        return length;
    }

    private static OperationStatus WriteByteCounted(byte function, ReadOnlySpan<byte> data, Span<byte> destination, ModbusMessageKind kind, string paramName, out int bytesWritten)
    {
        int length = CheckPduLength(2 + data.Length, paramName);
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = function;
        destination[1] = (byte)data.Length;
        data.CopyTo(destination[2..]);
        return Finish(destination, length, request: false, kind, paramName, out bytesWritten);
    }

    private static OperationStatus WriteThreeWords(ModbusFunctionCode function, ushort first, ushort second, ushort? third, Span<byte> destination, ModbusMessageKind kind, out int bytesWritten)
    {
        int length = third.HasValue ? 7 : 5;
        if (!Fits(destination, length, out bytesWritten))
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], first);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], second);
        if (third.HasValue)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[5..], third.Value);
        }

        return Finish(destination, length, request: true, kind, "message", out bytesWritten);
    }

    /// <summary>Validates what was written with the reader's rules; on failure clears it and throws (the caller passed an invalid message).</summary>
    private static OperationStatus Finish(Span<byte> destination, int length, bool request, ModbusMessageKind expected, string paramName, out int bytesWritten)
    {
        Span<byte> written = destination[..length];
        ModbusError code = ModbusPduValidator.Validate(written, request, out ModbusMessageKind kind, out int offset);
        if (code != ModbusError.None || kind != expected)
        {
            written.Clear();
            bytesWritten = 0;
            string reason = code != ModbusError.None ? ModbusErrors.GetReason(code) : "the message does not have the layout of its type";
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid Modbus message: {reason} (PDU offset {offset})."), paramName);
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }
}
