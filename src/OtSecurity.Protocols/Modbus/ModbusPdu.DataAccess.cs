using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace OtSecurity.Protocols.Modbus;

public readonly ref partial struct ModbusPdu
{
    /// <summary>The request of functions 1–4 (§6.1–§6.4).</summary>
    /// <param name="message">Function, starting address, quantity.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadRequest"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetReadRequest(out ModbusReadRequest message)
    {
        if (Kind != ModbusMessageKind.ReadRequest)
        {
            message = default;
            return false;
        }

        ReadOnlySpan<byte> pdu = Span;
        message = new ModbusReadRequest((ModbusFunctionCode)pdu[0], BinaryPrimitives.ReadUInt16BigEndian(pdu.Slice(1, 2)), BinaryPrimitives.ReadUInt16BigEndian(pdu.Slice(3, 2)));
        return true;
    }

    /// <summary>The response of functions 1 and 2 (§6.1, §6.2).</summary>
    /// <param name="message">Function and packed bit values.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadBitsResponse"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetReadBitsResponse(out ModbusReadBitsResponse message)
    {
        if (Kind != ModbusMessageKind.ReadBitsResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReadBitsResponse(FunctionCode, Span[2..]);
        return true;
    }

    /// <summary>The response of functions 3, 4 and 23 (§6.3, §6.4, §6.17).</summary>
    /// <param name="message">Function and register values.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadRegistersResponse"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetReadRegistersResponse(out ModbusReadRegistersResponse message)
    {
        if (Kind != ModbusMessageKind.ReadRegistersResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReadRegistersResponse(FunctionCode, Span[2..]);
        return true;
    }

    /// <summary>The request or response of function 5 (§6.5).</summary>
    /// <param name="message">Output address and value.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.WriteSingleCoil"/>.</returns>
    public bool TryGetWriteSingleCoil(out ModbusWriteSingleCoil message)
    {
        if (Kind != ModbusMessageKind.WriteSingleCoil)
        {
            message = default;
            return false;
        }

        message = new ModbusWriteSingleCoil(BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), BinaryPrimitives.ReadUInt16BigEndian(Span[3..]) == ModbusLimits.CoilOn);
        return true;
    }

    /// <summary>The request or response of function 6 (§6.6).</summary>
    /// <param name="message">Register address and value.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.WriteSingleRegister"/>.</returns>
    public bool TryGetWriteSingleRegister(out ModbusWriteSingleRegister message)
    {
        if (Kind != ModbusMessageKind.WriteSingleRegister)
        {
            message = default;
            return false;
        }

        message = new ModbusWriteSingleRegister(BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), BinaryPrimitives.ReadUInt16BigEndian(Span[3..]));
        return true;
    }

    /// <summary>The request of function 15 (§6.11).</summary>
    /// <param name="message">Starting address, quantity and packed coil values.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.WriteMultipleCoilsRequest"/>.</returns>
    public bool TryGetWriteMultipleCoilsRequest(out ModbusWriteMultipleCoilsRequest message)
    {
        if (Kind != ModbusMessageKind.WriteMultipleCoilsRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusWriteMultipleCoilsRequest(BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), BinaryPrimitives.ReadUInt16BigEndian(Span[3..]), Span[6..]);
        return true;
    }

    /// <summary>The request of function 16 (§6.12).</summary>
    /// <param name="message">Starting address and register values.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.WriteMultipleRegistersRequest"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetWriteMultipleRegistersRequest(out ModbusWriteMultipleRegistersRequest message)
    {
        if (Kind != ModbusMessageKind.WriteMultipleRegistersRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusWriteMultipleRegistersRequest(BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), Span[6..]);
        return true;
    }

    /// <summary>The response of functions 15 and 16 (§6.11, §6.12).</summary>
    /// <param name="message">Function, starting address and quantity written.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.WriteMultipleResponse"/>.</returns>
    public bool TryGetWriteMultipleResponse(out ModbusWriteMultipleResponse message)
    {
        if (Kind != ModbusMessageKind.WriteMultipleResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusWriteMultipleResponse(FunctionCode, BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), BinaryPrimitives.ReadUInt16BigEndian(Span[3..]));
        return true;
    }

    /// <summary>The request or response of function 22 (§6.16).</summary>
    /// <param name="message">Register address, AND mask and OR mask.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.MaskWriteRegister"/>.</returns>
    public bool TryGetMaskWriteRegister(out ModbusMaskWriteRegister message)
    {
        if (Kind != ModbusMessageKind.MaskWriteRegister)
        {
            message = default;
            return false;
        }

        message = new ModbusMaskWriteRegister(
            BinaryPrimitives.ReadUInt16BigEndian(Span[1..]),
            BinaryPrimitives.ReadUInt16BigEndian(Span[3..]),
            BinaryPrimitives.ReadUInt16BigEndian(Span[5..]));
        return true;
    }

    /// <summary>The request of function 23 (§6.17).</summary>
    /// <param name="message">Read address and quantity, write address and values.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadWriteMultipleRegistersRequest"/>.</returns>
    public bool TryGetReadWriteMultipleRegistersRequest(out ModbusReadWriteMultipleRegistersRequest message)
    {
        if (Kind != ModbusMessageKind.ReadWriteMultipleRegistersRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusReadWriteMultipleRegistersRequest(
            BinaryPrimitives.ReadUInt16BigEndian(Span[1..]),
            BinaryPrimitives.ReadUInt16BigEndian(Span[3..]),
            BinaryPrimitives.ReadUInt16BigEndian(Span[5..]),
            Span[10..]);
        return true;
    }

    /// <summary>The request of function 24 (§6.18).</summary>
    /// <param name="message">FIFO pointer address.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadFifoQueueRequest"/>.</returns>
    public bool TryGetReadFifoQueueRequest(out ModbusReadFifoQueueRequest message)
    {
        if (Kind != ModbusMessageKind.ReadFifoQueueRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusReadFifoQueueRequest(BinaryPrimitives.ReadUInt16BigEndian(Span[1..]));
        return true;
    }

    /// <summary>The response of function 24 (§6.18).</summary>
    /// <param name="message">The queued register values.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadFifoQueueResponse"/>.</returns>
    public bool TryGetReadFifoQueueResponse(out ModbusReadFifoQueueResponse message)
    {
        if (Kind != ModbusMessageKind.ReadFifoQueueResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReadFifoQueueResponse(Span[5..]);
        return true;
    }
}

/// <summary>The request of functions 1–4 (§6.1–§6.4): read <see cref="Quantity"/> items from <see cref="Address"/>.</summary>
/// <param name="Function">Read Coils, Read Discrete Inputs, Read Holding Registers or Read Input Registers.</param>
/// <param name="Address">Starting address (0-based).</param>
/// <param name="Quantity">Coils/inputs 1..2000, registers 1..125.</param>
public readonly record struct ModbusReadRequest(ModbusFunctionCode Function, ushort Address, ushort Quantity);

/// <summary>The request or response of function 5 (§6.5).</summary>
/// <param name="Address">Output address.</param>
/// <param name="Value">True for ON (0xFF00 on the wire), false for OFF (0x0000).</param>
public readonly record struct ModbusWriteSingleCoil(ushort Address, bool Value);

/// <summary>The request or response of function 6 (§6.6).</summary>
/// <param name="Address">Register address.</param>
/// <param name="Value">Register value.</param>
public readonly record struct ModbusWriteSingleRegister(ushort Address, ushort Value);

/// <summary>The response of functions 15 and 16 (§6.11, §6.12).</summary>
/// <param name="Function">Write Multiple Coils or Write Multiple Registers.</param>
/// <param name="Address">Starting address.</param>
/// <param name="Quantity">Quantity written: coils 1..1968, registers 1..123.</param>
public readonly record struct ModbusWriteMultipleResponse(ModbusFunctionCode Function, ushort Address, ushort Quantity);

/// <summary>The request or response of function 22 (§6.16): result = (current AND <see cref="AndMask"/>) OR (<see cref="OrMask"/> AND NOT <see cref="AndMask"/>).</summary>
/// <param name="Address">Register address.</param>
/// <param name="AndMask">AND mask.</param>
/// <param name="OrMask">OR mask.</param>
public readonly record struct ModbusMaskWriteRegister(ushort Address, ushort AndMask, ushort OrMask);

/// <summary>The request of function 24 (§6.18).</summary>
/// <param name="FifoPointerAddress">Address of the FIFO pointer register.</param>
public readonly record struct ModbusReadFifoQueueRequest(ushort FifoPointerAddress);

/// <summary>The response of functions 1 and 2 (§6.1, §6.2): bit values packed eight to a byte, LSB first.</summary>
public readonly ref struct ModbusReadBitsResponse
{
    /// <summary>Creates the message.</summary>
    /// <param name="function">Read Coils or Read Discrete Inputs.</param>
    /// <param name="status">Packed bit values, 1..250 bytes.</param>
    public ModbusReadBitsResponse(ModbusFunctionCode function, ReadOnlySpan<byte> status)
    {
        Function = function;
        Status = status;
    }

    /// <summary>Read Coils or Read Discrete Inputs.</summary>
    public ModbusFunctionCode Function { get; }

    /// <summary>The packed values (the byte count is its length).</summary>
    public ReadOnlySpan<byte> Status { get; }

    /// <summary>Bit <paramref name="index"/> of the packed values (0 = the starting address).</summary>
    /// <param name="index">0..8 × byte count − 1.</param>
    /// <returns>The bit.</returns>
    public bool GetBit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Status.Length * 8);
        return (Status[index >> 3] & (1 << (index & 7))) != 0;
    }
}

/// <summary>The response of functions 3, 4 and 23 (§6.3, §6.4, §6.17): big-endian register values.</summary>
public readonly ref struct ModbusReadRegistersResponse
{
    /// <summary>Creates the message.</summary>
    /// <param name="function">Read Holding Registers, Read Input Registers or Read/Write Multiple Registers.</param>
    /// <param name="registerBytes">2 × N bytes, N = 1..125.</param>
    public ModbusReadRegistersResponse(ModbusFunctionCode function, ReadOnlySpan<byte> registerBytes)
    {
        Function = function;
        RegisterBytes = registerBytes;
    }

    /// <summary>Read Holding Registers, Read Input Registers or Read/Write Multiple Registers.</summary>
    public ModbusFunctionCode Function { get; }

    /// <summary>The register values as sent (the byte count is its length).</summary>
    public ReadOnlySpan<byte> RegisterBytes { get; }

    /// <summary>Number of registers.</summary>
    public int RegisterCount => RegisterBytes.Length / 2;

    /// <summary>Register <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="RegisterCount"/> − 1.</param>
    /// <returns>The value.</returns>
    public ushort GetRegister(int index) => RegisterReader.Get(RegisterBytes, index);
}

/// <summary>The request of function 15 (§6.11).</summary>
public readonly ref struct ModbusWriteMultipleCoilsRequest
{
    /// <summary>Creates the message.</summary>
    /// <param name="address">Starting address.</param>
    /// <param name="quantity">Number of coils, 1..1968.</param>
    /// <param name="values">Packed values, ceil(quantity / 8) bytes, LSB first.</param>
    public ModbusWriteMultipleCoilsRequest(ushort address, ushort quantity, ReadOnlySpan<byte> values)
    {
        Address = address;
        Quantity = quantity;
        Values = values;
    }

    /// <summary>Starting address.</summary>
    public ushort Address { get; }

    /// <summary>Number of coils.</summary>
    public ushort Quantity { get; }

    /// <summary>Packed values (the byte count is its length).</summary>
    public ReadOnlySpan<byte> Values { get; }

    /// <summary>Coil <paramref name="index"/> (0 = the starting address).</summary>
    /// <param name="index">0..<see cref="Quantity"/> − 1.</param>
    /// <returns>The value.</returns>
    public bool GetCoil(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (int)Quantity);
        return (Values[index >> 3] & (1 << (index & 7))) != 0;
    }
}

/// <summary>The request of function 16 (§6.12).</summary>
public readonly ref struct ModbusWriteMultipleRegistersRequest
{
    /// <summary>Creates the message.</summary>
    /// <param name="address">Starting address.</param>
    /// <param name="registerBytes">Big-endian values, 2 × N bytes, N = 1..123.</param>
    public ModbusWriteMultipleRegistersRequest(ushort address, ReadOnlySpan<byte> registerBytes)
    {
        Address = address;
        RegisterBytes = registerBytes;
    }

    /// <summary>Starting address.</summary>
    public ushort Address { get; }

    /// <summary>The values as sent.</summary>
    public ReadOnlySpan<byte> RegisterBytes { get; }

    /// <summary>Number of registers (the quantity field).</summary>
    public int Quantity => RegisterBytes.Length / 2;

    /// <summary>Register <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="Quantity"/> − 1.</param>
    /// <returns>The value.</returns>
    public ushort GetRegister(int index) => RegisterReader.Get(RegisterBytes, index);
}

/// <summary>The request of function 23 (§6.17): the write is performed before the read.</summary>
public readonly ref struct ModbusReadWriteMultipleRegistersRequest
{
    /// <summary>Creates the message.</summary>
    /// <param name="readAddress">Read starting address.</param>
    /// <param name="readQuantity">Registers to read, 1..125.</param>
    /// <param name="writeAddress">Write starting address.</param>
    /// <param name="writeRegisterBytes">Big-endian values to write, 2 × N bytes, N = 1..121.</param>
    public ModbusReadWriteMultipleRegistersRequest(ushort readAddress, ushort readQuantity, ushort writeAddress, ReadOnlySpan<byte> writeRegisterBytes)
    {
        ReadAddress = readAddress;
        ReadQuantity = readQuantity;
        WriteAddress = writeAddress;
        WriteRegisterBytes = writeRegisterBytes;
    }

    /// <summary>Read starting address.</summary>
    public ushort ReadAddress { get; }

    /// <summary>Registers to read.</summary>
    public ushort ReadQuantity { get; }

    /// <summary>Write starting address.</summary>
    public ushort WriteAddress { get; }

    /// <summary>Values to write, as sent.</summary>
    public ReadOnlySpan<byte> WriteRegisterBytes { get; }

    /// <summary>Registers to write.</summary>
    public int WriteQuantity => WriteRegisterBytes.Length / 2;

    /// <summary>Value <paramref name="index"/> to write.</summary>
    /// <param name="index">0..<see cref="WriteQuantity"/> − 1.</param>
    /// <returns>The value.</returns>
    public ushort GetWriteRegister(int index) => RegisterReader.Get(WriteRegisterBytes, index);
}

/// <summary>The response of function 24 (§6.18): up to 31 queued register values.</summary>
public readonly ref struct ModbusReadFifoQueueResponse
{
    /// <summary>Creates the message.</summary>
    /// <param name="registerBytes">Big-endian values, 2 × N bytes, N = 0..31.</param>
    public ModbusReadFifoQueueResponse(ReadOnlySpan<byte> registerBytes) => RegisterBytes = registerBytes;

    /// <summary>The values as sent.</summary>
    public ReadOnlySpan<byte> RegisterBytes { get; }

    /// <summary>The FIFO count.</summary>
    public int FifoCount => RegisterBytes.Length / 2;

    /// <summary>Queued value <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="FifoCount"/> − 1.</param>
    /// <returns>The value.</returns>
    public ushort GetValue(int index) => RegisterReader.Get(RegisterBytes, index);
}

internal static class RegisterReader
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Get(ReadOnlySpan<byte> bytes, int index)
    {
        if ((uint)index >= (uint)(bytes.Length >> 1))
        {
            ThrowIndex(index, bytes.Length >> 1);
        }

        return BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(2 * index, 2));
    }

    [DoesNotReturn]
    private static void ThrowIndex(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must be in 0..{count - 1}.");
}
