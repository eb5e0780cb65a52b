using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// Structural validation of one complete PDU against the MODBUS Application Protocol Specification V1.1b3.
/// Every rule reports a specific <see cref="ModbusError"/> and the offset (from the function code) of the field
/// that broke it. Lengths are checked before any field is read.
/// </summary>
internal static partial class ModbusPduValidator
{
    /// <summary>Validates <paramref name="pdu"/> as a request or a response and names its layout.</summary>
    public static ModbusError Validate(ReadOnlySpan<byte> pdu, bool request, out ModbusMessageKind kind, out int offset)
    {
        kind = FastKind(pdu, request);
        if (kind != ModbusMessageKind.Unknown)
        {
            offset = 0;
            return ModbusError.None;
        }

        return ValidateAll(pdu, request, out kind, out offset);
    }

    /// <summary>
    /// The layout of a valid PDU of the polling traffic that dominates real captures — read requests of functions 1–4,
    /// Write Multiple Registers requests and register responses of 3 and 4 — checked inline; <see cref="ModbusMessageKind.Unknown"/>
    /// for anything else (which <see cref="ValidateAll"/> then checks with every rule). The benchmark
    /// (benchmarks/OtSecurity.Benchmarks/Modbus) shows that this fast path pays.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ModbusMessageKind FastKind(ReadOnlySpan<byte> pdu, bool request)
    {
        if (request)
        {
            // §6.1–§6.4: function 1..4, address, quantity (bits 1..2000, registers 1..125), address + quantity ≤ 65536.
            if (pdu.Length == 5 && (uint)(pdu[0] - 1) < 4)
            {
                int quantity = BinaryPrimitives.ReadUInt16BigEndian(pdu.Slice(3, 2));
                int max = pdu[0] <= 2 ? ModbusLimits.MaxReadBits : ModbusLimits.MaxReadRegisters;
                if ((uint)(quantity - 1) < (uint)max && BinaryPrimitives.ReadUInt16BigEndian(pdu.Slice(1, 2)) + quantity <= 0x10000)
                {
                    return ModbusMessageKind.ReadRequest;
                }
            }
            else if (pdu.Length >= 8 && pdu[0] == 0x10)
            {
                // §6.12: address, quantity 1..123, byte count 2 × quantity, the values; address + quantity ≤ 65536.
                int quantity = BinaryPrimitives.ReadUInt16BigEndian(pdu.Slice(3, 2));
                if ((uint)(quantity - 1) < ModbusLimits.MaxWriteRegisters && pdu[5] == 2 * quantity && pdu.Length == 6 + (2 * quantity)
                    && BinaryPrimitives.ReadUInt16BigEndian(pdu.Slice(1, 2)) + quantity <= 0x10000)
                {
                    return ModbusMessageKind.WriteMultipleRegistersRequest;
                }
            }
        }
        else if (pdu.Length >= 4 && (uint)(pdu[0] - 3) < 2)
        {
            // §6.3, §6.4: byte count 2 × N (N = 1..125) and exactly that many bytes.
            int byteCount = pdu[1];
            if (byteCount == pdu.Length - 2 && (byteCount & 1) == 0 && byteCount <= 2 * ModbusLimits.MaxReadRegisters)
            {
                return ModbusMessageKind.ReadRegistersResponse;
            }
        }

        return ModbusMessageKind.Unknown;
    }

    /// <summary>Every rule, for every function.</summary>
    internal static ModbusError ValidateAll(ReadOnlySpan<byte> pdu, bool request, out ModbusMessageKind kind, out int offset)
    {
        kind = ModbusMessageKind.Unknown;
        offset = 0;

        // §4.1: a PDU is a function code followed by at most 252 data bytes.
        if (pdu.IsEmpty)
        {
            return ModbusError.EmptyPdu;
        }

        if (pdu.Length > ModbusLimits.MaxPduLength)
        {
            offset = ModbusLimits.MaxPduLength;
            return ModbusError.PduTooLong;
        }

        return request ? ValidateRequest(pdu, out kind, out offset) : ValidateResponse(pdu, out kind, out offset);
    }

    private static ModbusError ValidateRequest(ReadOnlySpan<byte> p, out ModbusMessageKind kind, out int offset)
    {
        offset = 0;
        byte function = p[0];
        switch (function)
        {
            case 0x01 or 0x02:
                kind = ModbusMessageKind.ReadRequest;
                return ValidateReadRequest(p, ModbusLimits.MaxReadBits, ModbusError.ReadBitsQuantityOutOfRange, out offset);
            case 0x03 or 0x04:
                kind = ModbusMessageKind.ReadRequest;
                return ValidateReadRequest(p, ModbusLimits.MaxReadRegisters, ModbusError.ReadRegistersQuantityOutOfRange, out offset);
            case 0x05:
                kind = ModbusMessageKind.WriteSingleCoil;
                return ValidateWriteSingleCoil(p, out offset);
            case 0x06 or 0x16:
                // §6.6: function, address, value (5 bytes). §6.16: function, address, AND mask, OR mask (7 bytes).
                kind = function == 0x06 ? ModbusMessageKind.WriteSingleRegister : ModbusMessageKind.MaskWriteRegister;
                return ExpectLength(p, function == 0x06 ? 5 : 7, out offset);
            case 0x07 or 0x0B or 0x0C or 0x11:
                // §6.7, §6.9, §6.10, §6.13: the request is the function code alone.
                kind = ModbusMessageKind.EmptyRequest;
                return ExpectLength(p, 1, out offset);
            case 0x08:
                kind = ModbusMessageKind.Diagnostics;
                return ValidateDiagnostics(p, request: true, out offset);
            case 0x0F:
                kind = ModbusMessageKind.WriteMultipleCoilsRequest;
                return ValidateWriteMultipleRequest(p, coils: true, out offset);
            case 0x10:
                kind = ModbusMessageKind.WriteMultipleRegistersRequest;
                return ValidateWriteMultipleRequest(p, coils: false, out offset);
            case 0x14:
                kind = ModbusMessageKind.ReadFileRecordRequest;
                return ValidateReadFileRecordRequest(p, out offset);
            case 0x15:
                kind = ModbusMessageKind.WriteFileRecord;
                return ValidateWriteFileRecord(p, out offset);
            case 0x17:
                kind = ModbusMessageKind.ReadWriteMultipleRegistersRequest;
                return ValidateReadWriteMultipleRequest(p, out offset);
            case 0x18:
                // §6.18: function, FIFO pointer address.
                kind = ModbusMessageKind.ReadFifoQueueRequest;
                return ExpectLength(p, 3, out offset);
            case 0x2B:
                return ValidateEncapsulatedRequest(p, out kind, out offset);
            default:
                if (function >= 0x80)
                {
                    // §4.1: codes 128..255 are reserved for exception responses.
                    kind = ModbusMessageKind.Unknown;
                    return ModbusError.ExceptionBitInRequest;
                }

                kind = IsUserDefined(function) ? ModbusMessageKind.UserDefined : ModbusMessageKind.Unknown;
                return ModbusError.None;
        }
    }

    private static ModbusError ValidateResponse(ReadOnlySpan<byte> p, out ModbusMessageKind kind, out int offset)
    {
        offset = 0;
        byte function = p[0];
        if (function >= 0x80)
        {
            // §7: an exception response is the function code with bit 7 set and one exception code byte.
            kind = ModbusMessageKind.Exception;
            return ExpectLength(p, 2, out offset);
        }

        switch (function)
        {
            case 0x01 or 0x02:
                kind = ModbusMessageKind.ReadBitsResponse;
                return ValidateByteCountResponse(p, 1, ModbusLimits.MaxReadBits / 8, 1, out offset);
            case 0x03 or 0x04 or 0x17:
                // §6.3, §6.4, §6.17: byte count 2 × N, N ≤ 125.
                kind = ModbusMessageKind.ReadRegistersResponse;
                return ValidateByteCountResponse(p, 2, 2 * ModbusLimits.MaxReadRegisters, 2, out offset);
            case 0x05:
                kind = ModbusMessageKind.WriteSingleCoil;
                return ValidateWriteSingleCoil(p, out offset);
            case 0x06 or 0x16:
                kind = function == 0x06 ? ModbusMessageKind.WriteSingleRegister : ModbusMessageKind.MaskWriteRegister;
                return ExpectLength(p, function == 0x06 ? 5 : 7, out offset);
            case 0x07:
                // §6.7: function, output data (one byte).
                kind = ModbusMessageKind.ReadExceptionStatusResponse;
                return ExpectLength(p, 2, out offset);
            case 0x08:
                kind = ModbusMessageKind.Diagnostics;
                return ValidateDiagnostics(p, request: false, out offset);
            case 0x0B:
                kind = ModbusMessageKind.CommEventCounterResponse;
                return ValidateCommEventCounterResponse(p, out offset);
            case 0x0C:
                kind = ModbusMessageKind.CommEventLogResponse;
                return ValidateCommEventLogResponse(p, out offset);
            case 0x0F:
                kind = ModbusMessageKind.WriteMultipleResponse;
                return ValidateWriteMultipleResponse(p, ModbusLimits.MaxWriteCoils, ModbusError.WriteCoilsQuantityOutOfRange, out offset);
            case 0x10:
                kind = ModbusMessageKind.WriteMultipleResponse;
                return ValidateWriteMultipleResponse(p, ModbusLimits.MaxWriteRegisters, ModbusError.WriteRegistersQuantityOutOfRange, out offset);
            case 0x11:
                // §6.13: byte count, server id (device specific), run indicator status, additional data; at least the run indicator.
                kind = ModbusMessageKind.ReportServerIdResponse;
                return ValidateByteCountResponse(p, 1, 0xFF, 1, out offset);
            case 0x14:
                kind = ModbusMessageKind.ReadFileRecordResponse;
                return ValidateReadFileRecordResponse(p, out offset);
            case 0x15:
                kind = ModbusMessageKind.WriteFileRecord;
                return ValidateWriteFileRecord(p, out offset);
            case 0x18:
                kind = ModbusMessageKind.ReadFifoQueueResponse;
                return ValidateReadFifoQueueResponse(p, out offset);
            case 0x2B:
                return ValidateEncapsulatedResponse(p, out kind, out offset);
            default:
                kind = IsUserDefined(function) ? ModbusMessageKind.UserDefined : ModbusMessageKind.Unknown;
                return ModbusError.None;
        }
    }

    /// <summary>§5: user-defined function codes are 65..72 and 100..110.</summary>
    public static bool IsUserDefined(byte function) => function is (>= 65 and <= 72) or (>= 100 and <= 110);

    private static ModbusError ExpectLength(ReadOnlySpan<byte> p, int length, out int offset)
    {
        offset = Math.Min(p.Length, length);
        return p.Length == length ? ModbusError.None : ModbusError.UnexpectedPduLength;
    }

    /// <summary>§6.1–§6.4: function, starting address, quantity; address + quantity within the 65536-item model (§4.4).</summary>
    private static ModbusError ValidateReadRequest(ReadOnlySpan<byte> p, int maxQuantity, ModbusError quantityError, out int offset)
    {
        if (ExpectLength(p, 5, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        int address = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        int quantity = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        return CheckQuantity(address, quantity, maxQuantity, quantityError, 3, out offset);
    }

    private static ModbusError CheckQuantity(int address, int quantity, int maxQuantity, ModbusError quantityError, int quantityOffset, out int offset)
    {
        offset = quantityOffset;
        if ((uint)(quantity - 1) >= (uint)maxQuantity)
        {
            return quantityError;
        }

        return address + quantity > 0x10000 ? ModbusError.AddressRangeOverflow : ModbusError.None;
    }

    /// <summary>§6.5: function, output address, output value 0x0000 or 0xFF00.</summary>
    private static ModbusError ValidateWriteSingleCoil(ReadOnlySpan<byte> p, out int offset)
    {
        if (ExpectLength(p, 5, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        ushort value = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        offset = 3;
        return value is ModbusLimits.CoilOff or ModbusLimits.CoilOn ? ModbusError.None : ModbusError.InvalidCoilValue;
    }

    /// <summary>
    /// §6.11 (coils: quantity 1..1968, byte count ceil(quantity / 8)) and §6.12 (registers: quantity 1..123, byte
    /// count 2 × quantity): function, address, quantity, byte count N, then N bytes.
    /// </summary>
    private static ModbusError ValidateWriteMultipleRequest(ReadOnlySpan<byte> p, bool coils, out int offset)
    {
        if (p.Length < 6)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int address = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        int quantity = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        ModbusError error = coils
            ? CheckQuantity(address, quantity, ModbusLimits.MaxWriteCoils, ModbusError.WriteCoilsQuantityOutOfRange, 3, out offset)
            : CheckQuantity(address, quantity, ModbusLimits.MaxWriteRegisters, ModbusError.WriteRegistersQuantityOutOfRange, 3, out offset);
        if (error != ModbusError.None)
        {
            return error;
        }

        int byteCount = p[5];
        offset = 5;
        if (byteCount != (coils ? (quantity + 7) / 8 : 2 * quantity))
        {
            return ModbusError.ByteCountMismatch;
        }

        return ExpectLength(p, 6 + byteCount, out offset);
    }

    /// <summary>§6.11, §6.12 responses: function, address, quantity (echo of the request's).</summary>
    private static ModbusError ValidateWriteMultipleResponse(ReadOnlySpan<byte> p, int maxQuantity, ModbusError quantityError, out int offset)
    {
        if (ExpectLength(p, 5, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        int address = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        int quantity = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        return CheckQuantity(address, quantity, maxQuantity, quantityError, 3, out offset);
    }

    /// <summary>§6.17: read address, read quantity 1..125, write address, write quantity 1..121, byte count 2 × write quantity, values.</summary>
    private static ModbusError ValidateReadWriteMultipleRequest(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < 10)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int readAddress = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        int readQuantity = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        ModbusError error = CheckQuantity(readAddress, readQuantity, ModbusLimits.MaxReadRegisters, ModbusError.ReadWriteReadQuantityOutOfRange, 3, out offset);
        if (error != ModbusError.None)
        {
            return error;
        }

        int writeAddress = BinaryPrimitives.ReadUInt16BigEndian(p[5..]);
        int writeQuantity = BinaryPrimitives.ReadUInt16BigEndian(p[7..]);
        error = CheckQuantity(writeAddress, writeQuantity, ModbusLimits.MaxReadWriteWriteRegisters, ModbusError.ReadWriteWriteQuantityOutOfRange, 7, out offset);
        if (error != ModbusError.None)
        {
            return error;
        }

        int byteCount = p[9];
        offset = 9;
        if (byteCount != 2 * writeQuantity)
        {
            return ModbusError.ByteCountMismatch;
        }

        return ExpectLength(p, 10 + byteCount, out offset);
    }

    /// <summary>
    /// Responses made of a function code, a byte count N within [min, max] and a multiple of <paramref name="unit"/>,
    /// then N bytes (§6.1–§6.4, §6.13, §6.17).
    /// </summary>
    private static ModbusError ValidateByteCountResponse(ReadOnlySpan<byte> p, int min, int max, int unit, out int offset)
    {
        if (p.Length < 2)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int byteCount = p[1];
        offset = 1;
        if (byteCount < min || byteCount > max || byteCount % unit != 0)
        {
            return ModbusError.InvalidByteCount;
        }

        return ExpectLength(p, 2 + byteCount, out offset);
    }

    /// <summary>§6.18: byte count (2 bytes) = 2 + 2 × FIFO count, FIFO count ≤ 31, values.</summary>
    private static ModbusError ValidateReadFifoQueueResponse(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < 5)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int byteCount = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        int fifoCount = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        offset = 3;
        if (fifoCount > ModbusLimits.MaxFifoCount)
        {
            return ModbusError.FifoCountOutOfRange;
        }

        offset = 1;
        if (byteCount != 2 + (2 * fifoCount))
        {
            return ModbusError.ByteCountMismatch;
        }

        return ExpectLength(p, 3 + byteCount, out offset);
    }
}
