using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Benchmarks.Modbus;

/// <summary>
/// Reading Modbus/TCP ADUs from a buffer of 10,000 back-to-back ADUs (times are per ADU), against a bare
/// <see cref="BinaryPrimitives"/> read of the same fields with no validation (the baseline).
/// </summary>
public abstract class ModbusAduReadBenchmarks
{
    /// <summary>ADUs per buffer.</summary>
    public const int AduCount = 10_000;

    private byte[] _buffer = [];

    /// <summary>The PDU repeated in the buffer.</summary>
    protected abstract byte[] Pdu { get; }

    /// <summary>Builds the buffer (deterministic: transaction ids 0..9999, unit 1).</summary>
    [GlobalSetup]
    public void Setup()
    {
        byte[] pdu = Pdu;
        int aduLength = ModbusTcpFrame.GetEncodedLength(pdu.Length);
        _buffer = new byte[aduLength * AduCount];
        for (int i = 0; i < AduCount; i++)
        {
            if (ModbusTcpFrame.TryWrite((ushort)i, 1, pdu, _buffer.AsSpan(i * aduLength), out _) != OperationStatus.Done)
            {
                throw new InvalidOperationException("The benchmark buffer could not be built.");
            }
        }

        if (Bare() != Sdk())
        {
            throw new InvalidOperationException("The baseline and the SDK read different values.");
        }
    }

    /// <summary>The same fields with <see cref="BinaryPrimitives"/>, trusting every length.</summary>
    /// <returns>A checksum of the fields.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = AduCount)]
    public long Bare() => ReadBare(_buffer);

    /// <summary><see cref="ModbusTcpFrame.TryRead(ReadOnlySpan{byte}, ModbusDirection, out ModbusTcpFrame, out int)"/> (MBAP and PDU validated) and the typed accessor.</summary>
    /// <returns>A checksum of the fields.</returns>
    [Benchmark(OperationsPerInvoke = AduCount)]
    public long Sdk() => ReadSdk(_buffer);

    /// <summary>Reads every ADU with bare binary reads.</summary>
    protected abstract long ReadBare(ReadOnlySpan<byte> buffer);

    /// <summary>Reads every ADU with the SDK.</summary>
    protected abstract long ReadSdk(ReadOnlySpan<byte> buffer);
}

/// <summary>FC3 Read Holding Registers request (address 0x006B, quantity 10).</summary>
[BenchmarkCategory("Fc3Request")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ModbusFc3RequestReadBenchmarks : ModbusAduReadBenchmarks
{
    /// <inheritdoc />
    protected override byte[] Pdu => [0x03, 0x00, 0x6B, 0x00, 0x0A];

    /// <inheritdoc />
    protected override long ReadBare(ReadOnlySpan<byte> buffer)
    {
        long sum = 0;
        while (buffer.Length >= 7)
        {
            ushort txn = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            int length = BinaryPrimitives.ReadUInt16BigEndian(buffer[4..]);
            byte unit = buffer[6];
            byte function = buffer[7];
            ushort address = BinaryPrimitives.ReadUInt16BigEndian(buffer[8..]);
            ushort quantity = BinaryPrimitives.ReadUInt16BigEndian(buffer[10..]);
            sum += txn + unit + function + address + quantity;
            buffer = buffer[(6 + length)..];
        }

        return sum;
    }

    /// <inheritdoc />
    protected override long ReadSdk(ReadOnlySpan<byte> buffer)
    {
        long sum = 0;
        while (ModbusTcpFrame.TryRead(buffer, ModbusDirection.Request, out ModbusTcpFrame frame, out int consumed) == OperationStatus.Done)
        {
            frame.Pdu.TryGetReadRequest(out ModbusReadRequest request);
            sum += frame.TransactionId + frame.UnitId + (byte)request.Function + request.Address + request.Quantity;
            buffer = buffer[consumed..];
        }

        return sum;
    }
}

/// <summary>FC3 Read Holding Registers response with 10 registers.</summary>
[BenchmarkCategory("Fc3Response10")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ModbusFc3ResponseReadBenchmarks : ModbusAduReadBenchmarks
{
    /// <inheritdoc />
    protected override byte[] Pdu => [0x03, 20, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 0, 10];

    /// <inheritdoc />
    protected override long ReadBare(ReadOnlySpan<byte> buffer)
    {
        long sum = 0;
        while (buffer.Length >= 7)
        {
            ushort txn = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            int length = BinaryPrimitives.ReadUInt16BigEndian(buffer[4..]);
            sum += txn + buffer[6] + buffer[7];
            int byteCount = buffer[8];
            for (int i = 0; i < byteCount; i += 2)
            {
                sum += BinaryPrimitives.ReadUInt16BigEndian(buffer[(9 + i)..]);
            }

            buffer = buffer[(6 + length)..];
        }

        return sum;
    }

    /// <inheritdoc />
    protected override long ReadSdk(ReadOnlySpan<byte> buffer)
    {
        long sum = 0;
        while (ModbusTcpFrame.TryRead(buffer, ModbusDirection.Response, out ModbusTcpFrame frame, out int consumed) == OperationStatus.Done)
        {
            frame.Pdu.TryGetReadRegistersResponse(out ModbusReadRegistersResponse response);
            sum += frame.TransactionId + frame.UnitId + (byte)response.Function;
            for (int i = 0; i < response.RegisterCount; i++)
            {
                sum += response.GetRegister(i);
            }

            buffer = buffer[consumed..];
        }

        return sum;
    }
}

/// <summary>FC16 Write Multiple Registers request with 10 registers.</summary>
[BenchmarkCategory("Fc16Request10")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ModbusFc16RequestReadBenchmarks : ModbusAduReadBenchmarks
{
    /// <inheritdoc />
    protected override byte[] Pdu => [0x10, 0x00, 0x01, 0x00, 10, 20, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 0, 10];

    /// <inheritdoc />
    protected override long ReadBare(ReadOnlySpan<byte> buffer)
    {
        long sum = 0;
        while (buffer.Length >= 7)
        {
            ushort txn = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            int length = BinaryPrimitives.ReadUInt16BigEndian(buffer[4..]);
            sum += txn + buffer[6] + buffer[7];
            sum += BinaryPrimitives.ReadUInt16BigEndian(buffer[8..]);
            int quantity = BinaryPrimitives.ReadUInt16BigEndian(buffer[10..]);
            sum += quantity;
            for (int i = 0; i < quantity; i++)
            {
                sum += BinaryPrimitives.ReadUInt16BigEndian(buffer[(13 + (2 * i))..]);
            }

            buffer = buffer[(6 + length)..];
        }

        return sum;
    }

    /// <inheritdoc />
    protected override long ReadSdk(ReadOnlySpan<byte> buffer)
    {
        long sum = 0;
        while (ModbusTcpFrame.TryRead(buffer, ModbusDirection.Request, out ModbusTcpFrame frame, out int consumed) == OperationStatus.Done)
        {
            frame.Pdu.TryGetWriteMultipleRegistersRequest(out ModbusWriteMultipleRegistersRequest request);
            sum += frame.TransactionId + frame.UnitId + (byte)ModbusFunctionCode.WriteMultipleRegisters + request.Address + request.Quantity;
            for (int i = 0; i < request.Quantity; i++)
            {
                sum += request.GetRegister(i);
            }

            buffer = buffer[consumed..];
        }

        return sum;
    }
}
