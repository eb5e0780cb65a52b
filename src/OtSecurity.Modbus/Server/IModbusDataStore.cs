using System.Net;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Server;

/// <summary>Who asked: passed to every <see cref="IModbusDataStore"/> call.</summary>
/// <param name="UnitId">The unit id of the request (a store may serve several units).</param>
/// <param name="TransactionId">The MBAP transaction id.</param>
/// <param name="Function">The function being served.</param>
/// <param name="RemoteEndPoint">The client's address.</param>
public readonly record struct ModbusRequestContext(byte UnitId, ushort TransactionId, ModbusFunctionCode Function, EndPoint? RemoteEndPoint);

/// <summary>
/// The data model behind a <see cref="ModbusTcpServer"/>: the four tables of the Modbus data model (§4.3), FIFO queues
/// and file records. Each method returns null on success or the exception code to answer with (typically
/// <see cref="ModbusExceptionCode.IllegalDataAddress"/> for an address the device does not have). A method that
/// throws makes the server answer <see cref="ModbusExceptionCode.ServerDeviceFailure"/>.
/// </summary>
/// <remarks>
/// The server has already checked quantities and address ranges against the specification (and answered Illegal
/// Data Value or Illegal Data Address itself). Methods are called concurrently from many connections and must be
/// thread-safe; they run on the connection's task and should not block for long. The optional functions have default
/// implementations: FIFO queues, file records and exception status answer Illegal Function, and Mask Write and
/// Read/Write Multiple are composed from the register reads and writes (a store that needs them atomic overrides them).
/// </remarks>
public interface IModbusDataStore
{
    /// <summary>Reads coils (function 1).</summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Where to put the values; its length is the quantity.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadCoils(in ModbusRequestContext context, ushort address, Span<bool> values);

    /// <summary>Reads discrete inputs (function 2).</summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Where to put the values; its length is the quantity.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadDiscreteInputs(in ModbusRequestContext context, ushort address, Span<bool> values);

    /// <summary>Reads holding registers (functions 3 and 23).</summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Where to put the values; its length is the quantity.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadHoldingRegisters(in ModbusRequestContext context, ushort address, Span<ushort> values);

    /// <summary>Reads input registers (function 4).</summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Where to put the values; its length is the quantity.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadInputRegisters(in ModbusRequestContext context, ushort address, Span<ushort> values);

    /// <summary>Writes coils (functions 5 and 15).</summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">The values.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? WriteCoils(in ModbusRequestContext context, ushort address, ReadOnlySpan<bool> values);

    /// <summary>Writes holding registers (functions 6, 16 and 23).</summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">The values.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? WriteHoldingRegisters(in ModbusRequestContext context, ushort address, ReadOnlySpan<ushort> values);

    /// <summary>
    /// Mask Write Register (function 22, §6.16): register = (register AND <paramref name="andMask"/>) OR
    /// (<paramref name="orMask"/> AND NOT <paramref name="andMask"/>). The default reads, computes and writes.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="address">Register address.</param>
    /// <param name="andMask">AND mask.</param>
    /// <param name="orMask">OR mask.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? MaskWriteHoldingRegister(in ModbusRequestContext context, ushort address, ushort andMask, ushort orMask)
    {
        Span<ushort> value = stackalloc ushort[1];
        ModbusExceptionCode? read = ReadHoldingRegisters(context, address, value);
        if (read is not null)
        {
            return read;
        }

        value[0] = (ushort)((value[0] & andMask) | (orMask & ~andMask));
        return WriteHoldingRegisters(context, address, value);
    }

    /// <summary>Read/Write Multiple Registers (function 23, §6.17): writes, then reads. The default calls the two methods in turn.</summary>
    /// <param name="context">The request.</param>
    /// <param name="writeAddress">Write starting address.</param>
    /// <param name="writeValues">The values to write.</param>
    /// <param name="readAddress">Read starting address.</param>
    /// <param name="readValues">Where to put the values read; its length is the read quantity.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? WriteThenReadHoldingRegisters(in ModbusRequestContext context, ushort writeAddress, ReadOnlySpan<ushort> writeValues, ushort readAddress, Span<ushort> readValues) =>
        WriteHoldingRegisters(context, writeAddress, writeValues) ?? ReadHoldingRegisters(context, readAddress, readValues);

    /// <summary>Read FIFO Queue (function 24, §6.18). The default answers Illegal Function.</summary>
    /// <param name="context">The request.</param>
    /// <param name="fifoPointerAddress">The FIFO pointer address.</param>
    /// <param name="values">Room for 31 values: the first <paramref name="count"/> are answered.</param>
    /// <param name="count">The number of queued values; more than 31 makes the server answer Illegal Data Value (§6.18).</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadFifoQueue(in ModbusRequestContext context, ushort fifoPointerAddress, Span<ushort> values, out int count)
    {
        count = 0;
        return ModbusExceptionCode.IllegalFunction;
    }

    /// <summary>Read File Record (function 20, §6.14), one sub-request. The default answers Illegal Function.</summary>
    /// <param name="context">The request.</param>
    /// <param name="fileNumber">File number.</param>
    /// <param name="recordNumber">Starting record.</param>
    /// <param name="values">Where to put the registers; its length is the record length.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadFileRecord(in ModbusRequestContext context, ushort fileNumber, ushort recordNumber, Span<ushort> values) => ModbusExceptionCode.IllegalFunction;

    /// <summary>Write File Record (function 21, §6.15), one sub-request. The default answers Illegal Function.</summary>
    /// <param name="context">The request.</param>
    /// <param name="fileNumber">File number.</param>
    /// <param name="recordNumber">Starting record.</param>
    /// <param name="values">The registers.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? WriteFileRecord(in ModbusRequestContext context, ushort fileNumber, ushort recordNumber, ReadOnlySpan<ushort> values) => ModbusExceptionCode.IllegalFunction;

    /// <summary>Read Exception Status (function 7, §6.7). The default answers Illegal Function.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The eight exception status outputs.</param>
    /// <returns>Null, or the exception code to answer with.</returns>
    ModbusExceptionCode? ReadExceptionStatus(in ModbusRequestContext context, out byte status)
    {
        status = 0;
        return ModbusExceptionCode.IllegalFunction;
    }
}
