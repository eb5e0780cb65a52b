using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Server;

/// <summary>
/// The default data model: coils, discrete inputs, holding and input registers (65536 of each unless sized smaller),
/// FIFO queues by pointer address, files of records, and an exception status byte. Addresses at or beyond a table's
/// size answer Illegal Data Address. Thread-safe; Mask Write and Read/Write Multiple are atomic. The
/// <c>Get…</c>/<c>Set…</c> methods let a simulation drive the process values while clients read them.
/// </summary>
public sealed class InMemoryModbusDataStore : IModbusDataStore
{
    /// <summary>The size of a full Modbus table: 65536 items (§4.4).</summary>
    public const int FullTableSize = 65536;

    /// <summary>The records in a file: 10000 (record numbers 0..9999, §6.14).</summary>
    public const int RecordsPerFile = ModbusLimits.MaxRecordNumber + 1;

    private readonly Lock _gate = new();
    private readonly bool[] _coils;
    private readonly bool[] _discreteInputs;
    private readonly ushort[] _holdingRegisters;
    private readonly ushort[] _inputRegisters;
    private readonly Dictionary<ushort, List<ushort>> _fifos = [];
    private readonly Dictionary<ushort, ushort[]> _files = [];
    private byte _exceptionStatus;

    /// <summary>Creates a store with tables of the given sizes (items at addresses 0..size − 1).</summary>
    /// <param name="coils">Number of coils, 0..65536.</param>
    /// <param name="discreteInputs">Number of discrete inputs, 0..65536.</param>
    /// <param name="holdingRegisters">Number of holding registers, 0..65536.</param>
    /// <param name="inputRegisters">Number of input registers, 0..65536.</param>
    public InMemoryModbusDataStore(int coils = FullTableSize, int discreteInputs = FullTableSize, int holdingRegisters = FullTableSize, int inputRegisters = FullTableSize)
    {
        _coils = new bool[CheckSize(coils, nameof(coils))];
        _discreteInputs = new bool[CheckSize(discreteInputs, nameof(discreteInputs))];
        _holdingRegisters = new ushort[CheckSize(holdingRegisters, nameof(holdingRegisters))];
        _inputRegisters = new ushort[CheckSize(inputRegisters, nameof(inputRegisters))];
    }

    /// <summary>The Read Exception Status byte (function 7).</summary>
    public byte ExceptionStatus
    {
        get
        {
            lock (_gate)
            {
                return _exceptionStatus;
            }
        }

        set
        {
            lock (_gate)
            {
                _exceptionStatus = value;
            }
        }
    }

    /// <summary>Gets a coil.</summary>
    /// <param name="address">Address.</param>
    /// <returns>The value.</returns>
    public bool GetCoil(ushort address)
    {
        lock (_gate)
        {
            return _coils[Check(address, 1, _coils.Length)];
        }
    }

    /// <summary>Sets coils from <paramref name="address"/>.</summary>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Values.</param>
    public void SetCoils(ushort address, params ReadOnlySpan<bool> values)
    {
        lock (_gate)
        {
            values.CopyTo(_coils.AsSpan(Check(address, values.Length, _coils.Length)));
        }
    }

    /// <summary>Gets a discrete input.</summary>
    /// <param name="address">Address.</param>
    /// <returns>The value.</returns>
    public bool GetDiscreteInput(ushort address)
    {
        lock (_gate)
        {
            return _discreteInputs[Check(address, 1, _discreteInputs.Length)];
        }
    }

    /// <summary>Sets discrete inputs from <paramref name="address"/>.</summary>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Values.</param>
    public void SetDiscreteInputs(ushort address, params ReadOnlySpan<bool> values)
    {
        lock (_gate)
        {
            values.CopyTo(_discreteInputs.AsSpan(Check(address, values.Length, _discreteInputs.Length)));
        }
    }

    /// <summary>Gets a holding register.</summary>
    /// <param name="address">Address.</param>
    /// <returns>The value.</returns>
    public ushort GetHoldingRegister(ushort address)
    {
        lock (_gate)
        {
            return _holdingRegisters[Check(address, 1, _holdingRegisters.Length)];
        }
    }

    /// <summary>Sets holding registers from <paramref name="address"/>.</summary>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Values.</param>
    public void SetHoldingRegisters(ushort address, params ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            values.CopyTo(_holdingRegisters.AsSpan(Check(address, values.Length, _holdingRegisters.Length)));
        }
    }

    /// <summary>Gets an input register.</summary>
    /// <param name="address">Address.</param>
    /// <returns>The value.</returns>
    public ushort GetInputRegister(ushort address)
    {
        lock (_gate)
        {
            return _inputRegisters[Check(address, 1, _inputRegisters.Length)];
        }
    }

    /// <summary>Sets input registers from <paramref name="address"/>.</summary>
    /// <param name="address">Starting address.</param>
    /// <param name="values">Values.</param>
    public void SetInputRegisters(ushort address, params ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            values.CopyTo(_inputRegisters.AsSpan(Check(address, values.Length, _inputRegisters.Length)));
        }
    }

    /// <summary>Replaces the FIFO queue behind <paramref name="fifoPointerAddress"/> (creating it).</summary>
    /// <param name="fifoPointerAddress">The address clients read the queue at.</param>
    /// <param name="values">The queued values, oldest first (more than 31 makes reads answer Illegal Data Value, §6.18).</param>
    public void SetFifoQueue(ushort fifoPointerAddress, params ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            _fifos[fifoPointerAddress] = [.. values];
        }
    }

    /// <summary>Appends a value to a FIFO queue (creating it).</summary>
    /// <param name="fifoPointerAddress">The address clients read the queue at.</param>
    /// <param name="value">The value.</param>
    public void Enqueue(ushort fifoPointerAddress, ushort value)
    {
        lock (_gate)
        {
            if (!_fifos.TryGetValue(fifoPointerAddress, out List<ushort>? queue))
            {
                _fifos[fifoPointerAddress] = queue = [];
            }

            queue.Add(value);
        }
    }

    /// <summary>Creates (or clears) a file of 10000 zeroed records.</summary>
    /// <param name="fileNumber">File number, 1..65535.</param>
    public void AddFile(ushort fileNumber)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fileNumber);
        lock (_gate)
        {
            _files[fileNumber] = new ushort[RecordsPerFile];
        }
    }

    /// <summary>Sets records of a file (creating it when needed).</summary>
    /// <param name="fileNumber">File number, 1..65535.</param>
    /// <param name="recordNumber">Starting record, 0..9999.</param>
    /// <param name="values">Values.</param>
    public void SetFileRecords(ushort fileNumber, ushort recordNumber, params ReadOnlySpan<ushort> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fileNumber);
        lock (_gate)
        {
            if (!_files.TryGetValue(fileNumber, out ushort[]? file))
            {
                _files[fileNumber] = file = new ushort[RecordsPerFile];
            }

            values.CopyTo(file.AsSpan(Check(recordNumber, values.Length, file.Length)));
        }
    }

    /// <summary>Gets a record of a file.</summary>
    /// <param name="fileNumber">File number.</param>
    /// <param name="recordNumber">Record number.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">There is no such file.</exception>
    public ushort GetFileRecord(ushort fileNumber, ushort recordNumber)
    {
        lock (_gate)
        {
            ushort[] file = _files[fileNumber];
            return file[Check(recordNumber, 1, file.Length)];
        }
    }

    /// <inheritdoc />
    public ModbusExceptionCode? ReadCoils(in ModbusRequestContext context, ushort address, Span<bool> values) => Read(_coils, address, values);

    /// <inheritdoc />
    public ModbusExceptionCode? ReadDiscreteInputs(in ModbusRequestContext context, ushort address, Span<bool> values) => Read(_discreteInputs, address, values);

    /// <inheritdoc />
    public ModbusExceptionCode? ReadHoldingRegisters(in ModbusRequestContext context, ushort address, Span<ushort> values) => Read(_holdingRegisters, address, values);

    /// <inheritdoc />
    public ModbusExceptionCode? ReadInputRegisters(in ModbusRequestContext context, ushort address, Span<ushort> values) => Read(_inputRegisters, address, values);

    /// <inheritdoc />
    public ModbusExceptionCode? WriteCoils(in ModbusRequestContext context, ushort address, ReadOnlySpan<bool> values) => Write(_coils, address, values);

    /// <inheritdoc />
    public ModbusExceptionCode? WriteHoldingRegisters(in ModbusRequestContext context, ushort address, ReadOnlySpan<ushort> values) => Write(_holdingRegisters, address, values);

    /// <inheritdoc />
    public ModbusExceptionCode? MaskWriteHoldingRegister(in ModbusRequestContext context, ushort address, ushort andMask, ushort orMask)
    {
        lock (_gate)
        {
            if (address >= _holdingRegisters.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            ushort current = _holdingRegisters[address];
            _holdingRegisters[address] = (ushort)((current & andMask) | (orMask & ~andMask));
            return null;
        }
    }

    /// <inheritdoc />
    public ModbusExceptionCode? WriteThenReadHoldingRegisters(in ModbusRequestContext context, ushort writeAddress, ReadOnlySpan<ushort> writeValues, ushort readAddress, Span<ushort> readValues)
    {
        lock (_gate)
        {
            // Check both ranges first so that a failing read does not leave a half-done write behind.
            if (!InRange(writeAddress, writeValues.Length, _holdingRegisters.Length) || !InRange(readAddress, readValues.Length, _holdingRegisters.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            writeValues.CopyTo(_holdingRegisters.AsSpan(writeAddress));
            _holdingRegisters.AsSpan(readAddress, readValues.Length).CopyTo(readValues);
            return null;
        }
    }

    /// <inheritdoc />
    public ModbusExceptionCode? ReadFifoQueue(in ModbusRequestContext context, ushort fifoPointerAddress, Span<ushort> values, out int count)
    {
        lock (_gate)
        {
            if (!_fifos.TryGetValue(fifoPointerAddress, out List<ushort>? queue))
            {
                count = 0;
                return ModbusExceptionCode.IllegalDataAddress;
            }

            count = queue.Count;
            int copied = Math.Min(queue.Count, values.Length);
            for (int i = 0; i < copied; i++)
            {
                values[i] = queue[i];
            }

            return null;
        }
    }

    /// <inheritdoc />
    public ModbusExceptionCode? ReadFileRecord(in ModbusRequestContext context, ushort fileNumber, ushort recordNumber, Span<ushort> values)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(fileNumber, out ushort[]? file) || !InRange(recordNumber, values.Length, file.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            file.AsSpan(recordNumber, values.Length).CopyTo(values);
            return null;
        }
    }

    /// <inheritdoc />
    public ModbusExceptionCode? WriteFileRecord(in ModbusRequestContext context, ushort fileNumber, ushort recordNumber, ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(fileNumber, out ushort[]? file) || !InRange(recordNumber, values.Length, file.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            values.CopyTo(file.AsSpan(recordNumber));
            return null;
        }
    }

    /// <inheritdoc />
    public ModbusExceptionCode? ReadExceptionStatus(in ModbusRequestContext context, out byte status)
    {
        status = ExceptionStatus;
        return null;
    }

    private ModbusExceptionCode? Read<T>(T[] table, ushort address, Span<T> values)
    {
        lock (_gate)
        {
            if (!InRange(address, values.Length, table.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            table.AsSpan(address, values.Length).CopyTo(values);
            return null;
        }
    }

    private ModbusExceptionCode? Write<T>(T[] table, ushort address, ReadOnlySpan<T> values)
    {
        lock (_gate)
        {
            if (!InRange(address, values.Length, table.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            values.CopyTo(table.AsSpan(address));
            return null;
        }
    }

    private static bool InRange(int address, int count, int size) => address + count <= size;

    private static int Check(int address, int count, int size)
    {
        if (!InRange(address, count, size))
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, $"Addresses {address}..{address + count - 1} are outside the table of {size} items.");
        }

        return address;
    }

    private static int CheckSize(int size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, FullTableSize, name);
        return size;
    }
}
