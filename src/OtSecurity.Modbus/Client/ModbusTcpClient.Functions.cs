using System.Buffers.Binary;
using System.Globalization;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

public sealed partial class ModbusTcpClient
{
    /// <summary>Read Coils (function 1, §6.1).</summary>
    /// <param name="unitId">Unit id (must be in <see cref="ModbusTcpClientOptions.AllowedUnitIds"/>).</param>
    /// <param name="address">Starting address (0-based).</param>
    /// <param name="quantity">1..2000.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The coil values, one per address.</returns>
    public Task<bool[]> ReadCoilsAsync(byte unitId, ushort address, ushort quantity, CancellationToken cancellationToken = default) =>
        ReadBitsAsync(ModbusFunctionCode.ReadCoils, unitId, address, quantity, cancellationToken);

    /// <summary>Read Discrete Inputs (function 2, §6.2).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Starting address (0-based).</param>
    /// <param name="quantity">1..2000.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The input values, one per address.</returns>
    public Task<bool[]> ReadDiscreteInputsAsync(byte unitId, ushort address, ushort quantity, CancellationToken cancellationToken = default) =>
        ReadBitsAsync(ModbusFunctionCode.ReadDiscreteInputs, unitId, address, quantity, cancellationToken);

    /// <summary>Read Holding Registers (function 3, §6.3).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Starting address (0-based).</param>
    /// <param name="quantity">1..125.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The register values.</returns>
    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort quantity, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(ModbusFunctionCode.ReadHoldingRegisters, unitId, address, quantity, cancellationToken);

    /// <summary>Read Input Registers (function 4, §6.4).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Starting address (0-based).</param>
    /// <param name="quantity">1..125.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The register values.</returns>
    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort quantity, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(ModbusFunctionCode.ReadInputRegisters, unitId, address, quantity, cancellationToken);

    /// <summary>Write Single Coil (function 5, §6.5). Needs <see cref="ModbusTcpClientOptions.AllowWrites"/>.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Coil address.</param>
    /// <param name="value">ON or OFF.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server echoed the request.</returns>
    public Task WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusWriteSingleCoil(address, value), PduSpan(adu), out int length);
        return ExecuteEchoAsync(unitId, adu, length, cancellationToken);
    }

    /// <summary>Write Single Register (function 6, §6.6). Needs <see cref="ModbusTcpClientOptions.AllowWrites"/>.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Register address.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server echoed the request.</returns>
    public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusWriteSingleRegister(address, value), PduSpan(adu), out int length);
        return ExecuteEchoAsync(unitId, adu, length, cancellationToken);
    }

    /// <summary>Write Multiple Coils (function 15, §6.11). Needs <see cref="ModbusTcpClientOptions.AllowWrites"/>.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">1..1968 values.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server confirmed the write.</returns>
    public Task WriteMultipleCoilsAsync(byte unitId, ushort address, ReadOnlyMemory<bool> values, CancellationToken cancellationToken = default)
    {
        CheckQuantity(values.Length, ModbusLimits.MaxWriteCoils, nameof(values));
        CheckRange(address, values.Length, nameof(values));
        Span<byte> packed = stackalloc byte[(values.Length + 7) / 8];
        Pack(values.Span, packed);
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusWriteMultipleCoilsRequest(address, (ushort)values.Length, packed), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, (in ModbusPdu r) => CheckWriteMultiple(r, address, values.Length), false, cancellationToken);
    }

    /// <summary>Write Multiple Registers (function 16, §6.12). Needs <see cref="ModbusTcpClientOptions.AllowWrites"/>.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Starting address.</param>
    /// <param name="values">1..123 values.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server confirmed the write.</returns>
    public Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        CheckQuantity(values.Length, ModbusLimits.MaxWriteRegisters, nameof(values));
        CheckRange(address, values.Length, nameof(values));
        Span<byte> bytes = stackalloc byte[2 * values.Length];
        ToBigEndian(values.Span, bytes);
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusWriteMultipleRegistersRequest(address, bytes), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, (in ModbusPdu r) => CheckWriteMultiple(r, address, values.Length), false, cancellationToken);
    }

    /// <summary>
    /// Mask Write Register (function 22, §6.16): register = (register AND <paramref name="andMask"/>) OR
    /// (<paramref name="orMask"/> AND NOT <paramref name="andMask"/>). Needs <see cref="ModbusTcpClientOptions.AllowWrites"/>.
    /// </summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Register address.</param>
    /// <param name="andMask">AND mask.</param>
    /// <param name="orMask">OR mask.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server echoed the request.</returns>
    public Task MaskWriteRegisterAsync(byte unitId, ushort address, ushort andMask, ushort orMask, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusMaskWriteRegister(address, andMask, orMask), PduSpan(adu), out int length);
        return ExecuteEchoAsync(unitId, adu, length, cancellationToken);
    }

    /// <summary>
    /// Read/Write Multiple Registers (function 23, §6.17): the server writes first, then reads. Needs
    /// <see cref="ModbusTcpClientOptions.AllowWrites"/>.
    /// </summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="readAddress">Read starting address.</param>
    /// <param name="readQuantity">1..125 registers to read.</param>
    /// <param name="writeAddress">Write starting address.</param>
    /// <param name="values">1..121 values to write.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registers read.</returns>
    public Task<ushort[]> ReadWriteMultipleRegistersAsync(byte unitId, ushort readAddress, ushort readQuantity, ushort writeAddress, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        CheckQuantity(readQuantity, ModbusLimits.MaxReadRegisters, nameof(readQuantity));
        CheckRange(readAddress, readQuantity, nameof(readQuantity));
        CheckQuantity(values.Length, ModbusLimits.MaxReadWriteWriteRegisters, nameof(values));
        CheckRange(writeAddress, values.Length, nameof(values));
        Span<byte> bytes = stackalloc byte[2 * values.Length];
        ToBigEndian(values.Span, bytes);
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusReadWriteMultipleRegistersRequest(readAddress, readQuantity, writeAddress, bytes), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, (in ModbusPdu r) => DecodeRegisters(r, readQuantity), null!, cancellationToken);
    }

    /// <summary>Read FIFO Queue (function 24, §6.18): the queued values behind a FIFO pointer register (up to 31).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="fifoPointerAddress">Address of the FIFO pointer register.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued values, oldest first.</returns>
    public Task<ushort[]> ReadFifoQueueAsync(byte unitId, ushort fifoPointerAddress, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusReadFifoQueueRequest(fifoPointerAddress), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => DecodeFifo(r), null!, cancellationToken);
    }

    /// <summary>Read Exception Status (function 7, §6.7; serial-line devices and gateways).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The eight exception status outputs, one bit each.</returns>
    public Task<byte> ReadExceptionStatusAsync(byte unitId, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusEmptyRequest(ModbusFunctionCode.ReadExceptionStatus), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => r.TryGetReadExceptionStatusResponse(out ModbusReadExceptionStatusResponse m) ? m.OutputData : throw Mismatch("not a Read Exception Status response"), (byte)0, cancellationToken);
    }

    /// <summary>
    /// Diagnostics (function 8, §6.8) with one data word (0x0000 for the counters). The sub-functions that change the
    /// device's state need <see cref="ModbusTcpClientOptions.AllowStateChangingDiagnostics"/>. Force Listen Only Mode
    /// gets no answer (§6.8.1): the task completes once it is sent.
    /// </summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="subFunction">The sub-function.</param>
    /// <param name="data">The data word.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sub-function and data the server returned.</returns>
    public Task<ModbusDiagnosticsResult> DiagnosticsAsync(byte unitId, ModbusDiagnosticSubFunction subFunction, ushort data = 0, CancellationToken cancellationToken = default)
    {
        byte[] word = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(word, data);
        return DiagnosticsAsync(unitId, subFunction, word, cancellationToken);
    }

    /// <summary>Diagnostics (function 8, §6.8) with arbitrary data words (Return Query Data echoes them).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="subFunction">The sub-function.</param>
    /// <param name="data">The data, a whole number of 16-bit words.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sub-function and data the server returned.</returns>
    public Task<ModbusDiagnosticsResult> DiagnosticsAsync(byte unitId, ModbusDiagnosticSubFunction subFunction, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusDiagnostics(subFunction, data.Span), ModbusDirection.Request, PduSpan(adu), out int length);
        ResponseDecoder<ModbusDiagnosticsResult>? decoder = subFunction == ModbusDiagnosticSubFunction.ForceListenOnlyMode
            ? null
            : (in ModbusPdu r) => DecodeDiagnostics(r, subFunction);
        return ExecuteAsync(unitId, adu, length, decoder, new ModbusDiagnosticsResult(subFunction, []), cancellationToken);
    }

    /// <summary>Get Comm Event Counter (function 11, §6.9; serial-line devices and gateways).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Status word and event count.</returns>
    public Task<ModbusCommEventCounterResponse> GetCommEventCounterAsync(byte unitId, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusEmptyRequest(ModbusFunctionCode.GetCommEventCounter), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => r.TryGetCommEventCounterResponse(out ModbusCommEventCounterResponse m) ? m : throw Mismatch("not a Get Comm Event Counter response"), default, cancellationToken);
    }

    /// <summary>Get Comm Event Log (function 12, §6.10; serial-line devices and gateways).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Status, counters and the event bytes.</returns>
    public Task<ModbusCommEventLog> GetCommEventLogAsync(byte unitId, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusEmptyRequest(ModbusFunctionCode.GetCommEventLog), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => r.TryGetCommEventLogResponse(out ModbusCommEventLogResponse m)
            ? new ModbusCommEventLog(m.Status, m.EventCount, m.MessageCount, m.Events.ToArray())
            : throw Mismatch("not a Get Comm Event Log response"), null!, cancellationToken);
    }

    /// <summary>
    /// Report Server ID (function 17, §6.13). The layout of the answer is device-specific: a server id, a run indicator
    /// (0x00 OFF, 0xFF ON) and additional data.
    /// </summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bytes after the byte count.</returns>
    public Task<byte[]> ReportServerIdAsync(byte unitId, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusEmptyRequest(ModbusFunctionCode.ReportServerId), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => r.TryGetReportServerIdResponse(out ModbusReportServerIdResponse m) ? m.Data.ToArray() : throw Mismatch("not a Report Server ID response"), null!, cancellationToken);
    }

    /// <summary>Read File Record (function 20, §6.14) for one group of records.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="fileNumber">File number, 1..65535.</param>
    /// <param name="recordNumber">Starting record, 0..9999.</param>
    /// <param name="recordLength">Number of registers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registers.</returns>
    public async Task<ushort[]> ReadFileRecordAsync(byte unitId, ushort fileNumber, ushort recordNumber, ushort recordLength, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ushort[]> groups = await ReadFileRecordsAsync(unitId, [new ModbusFileRecordReference(fileNumber, recordNumber, recordLength)], cancellationToken).ConfigureAwait(false);
        return groups[0];
    }

    /// <summary>Read File Record (function 20, §6.14) for several groups of records in one request.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="references">The groups (file, starting record, length).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registers of each group, in order.</returns>
    public Task<IReadOnlyList<ushort[]>> ReadFileRecordsAsync(byte unitId, IReadOnlyList<ModbusFileRecordReference> references, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        ModbusFileRecordReference[] copy = [.. references];
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWriteReadFileRecordRequest(copy, PduSpan(adu), out int length);
        return ExecuteAsync<IReadOnlyList<ushort[]>>(unitId, adu, length, (in ModbusPdu r) => DecodeFileRecords(r, copy), null!, cancellationToken);
    }

    /// <summary>Write File Record (function 21, §6.15) for one group of records. Needs <see cref="ModbusTcpClientOptions.AllowWrites"/>.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="fileNumber">File number, 1..65535.</param>
    /// <param name="recordNumber">Starting record, 0..9999.</param>
    /// <param name="values">The registers to write.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server echoed the request.</returns>
    public Task WriteFileRecordAsync(byte unitId, ushort fileNumber, ushort recordNumber, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        CheckQuantity(values.Length, 122, nameof(values));
        byte[] bytes = new byte[2 * values.Length];
        ToBigEndian(values.Span, bytes);
        byte[] adu = NewAdu();
        var builder = new ModbusWriteFileRecordBuilder(PduSpan(adu));
        builder.Add(fileNumber, recordNumber, bytes);
        builder.TryFinish(out int length);
        return ExecuteEchoAsync(unitId, adu, length, cancellationToken);
    }

    /// <summary>
    /// Read Device Identification (function 43 / MEI 14, §6.21). Stream access (basic, regular, extended) follows
    /// "more follows" paging until the device has sent every object; individual access reads one object.
    /// </summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="readDeviceIdCode">Basic, regular, extended or individual access.</param>
    /// <param name="objectId">The first object (stream access) or the one object (individual access).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The objects and the conformity level.</returns>
    /// <exception cref="ModbusProtocolException">The paging does not progress (a device bug that would otherwise loop forever).</exception>
    public async Task<ModbusDeviceIdentification> ReadDeviceIdentificationAsync(
        byte unitId,
        ModbusReadDeviceIdCode readDeviceIdCode = ModbusReadDeviceIdCode.Basic,
        byte objectId = 0,
        CancellationToken cancellationToken = default)
    {
        if (readDeviceIdCode is < ModbusReadDeviceIdCode.Basic or > ModbusReadDeviceIdCode.Individual)
        {
            throw new ArgumentOutOfRangeException(nameof(readDeviceIdCode), readDeviceIdCode, "The Read Device ID code is 1 (basic), 2 (regular), 3 (extended) or 4 (individual).");
        }

        var objects = new List<ModbusDeviceIdentityObject>();
        ModbusConformityLevel level = default;
        int transactions = 0;
        byte next = objectId;
        while (true)
        {
            byte[] adu = NewAdu();
            ModbusPduWriter.TryWrite(new ModbusReadDeviceIdentificationRequest(readDeviceIdCode, next), PduSpan(adu), out int length);
            DeviceIdPage page = await ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => DecodeDeviceIdPage(r), null!, cancellationToken).ConfigureAwait(false);
            transactions++;
            level = page.ConformityLevel;
            objects.AddRange(page.Objects);
            if (readDeviceIdCode == ModbusReadDeviceIdCode.Individual || !page.MoreFollows)
            {
                break;
            }

            // §6.21: the next request asks from NextObjectId. It must move forward, or a faulty device would page forever.
            if (page.NextObjectId <= next)
            {
                throw new ModbusProtocolException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Read Device Identification of unit {unitId}: the device's paging does not progress (asked from object 0x{next:X2}, told that more follows from object 0x{page.NextObjectId:X2})."));
            }

            next = page.NextObjectId;
        }

        return new ModbusDeviceIdentification(readDeviceIdCode, level, objects, transactions);
    }

    /// <summary>
    /// Sends a user-defined (65–72, 100–110) or unknown function code with raw data and returns the raw data of the
    /// answer. Needs <see cref="ModbusTcpClientOptions.AllowCustomFunctions"/>. Defined function codes must use their
    /// typed method.
    /// </summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="functionCode">A user-defined or unknown function code below 0x80.</param>
    /// <param name="data">The request data.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bytes after the function code of the answer.</returns>
    public Task<byte[]> SendCustomAsync(byte unitId, byte functionCode, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusRawPdu(functionCode, data.Span), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, static (in ModbusPdu r) => r.TryGetRaw(out ModbusRawPdu m) ? m.Data.ToArray() : throw Mismatch("not a raw response"), null!, cancellationToken);
    }

    private Task<bool[]> ReadBitsAsync(ModbusFunctionCode function, byte unitId, ushort address, ushort quantity, CancellationToken cancellationToken)
    {
        CheckQuantity(quantity, ModbusLimits.MaxReadBits, nameof(quantity));
        CheckRange(address, quantity, nameof(quantity));
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusReadRequest(function, address, quantity), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, (in ModbusPdu r) => DecodeBits(r, quantity), null!, cancellationToken);
    }

    private Task<ushort[]> ReadRegistersAsync(ModbusFunctionCode function, byte unitId, ushort address, ushort quantity, CancellationToken cancellationToken)
    {
        CheckQuantity(quantity, ModbusLimits.MaxReadRegisters, nameof(quantity));
        CheckRange(address, quantity, nameof(quantity));
        byte[] adu = NewAdu();
        ModbusPduWriter.TryWrite(new ModbusReadRequest(function, address, quantity), PduSpan(adu), out int length);
        return ExecuteAsync(unitId, adu, length, (in ModbusPdu r) => DecodeRegisters(r, quantity), null!, cancellationToken);
    }

    /// <summary>A request whose answer echoes it byte for byte (functions 5, 6, 21, 22).</summary>
    private Task<bool> ExecuteEchoAsync(byte unitId, byte[] adu, int pduLength, CancellationToken cancellationToken)
    {
        byte[] request = adu.AsSpan(ModbusLimits.MbapHeaderLength, pduLength).ToArray();
        return ExecuteAsync(
            unitId,
            adu,
            pduLength,
            (in ModbusPdu r) => r.Span.SequenceEqual(request) ? true : throw Mismatch("the echo differs from the request"),
            false,
            cancellationToken);
    }

    private static Span<byte> PduSpan(byte[] adu) => adu.AsSpan(ModbusLimits.MbapHeaderLength);

    private static ModbusProtocolException Mismatch(string detail) => new(detail);

    private static bool[] DecodeBits(in ModbusPdu response, int quantity)
    {
        if (!response.TryGetReadBitsResponse(out ModbusReadBitsResponse m))
        {
            throw Mismatch("not a read bits response");
        }

        int expected = (quantity + 7) / 8;
        if (m.Status.Length != expected)
        {
            throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"byte count {m.Status.Length} for {quantity} bits (expected {expected})"));
        }

        bool[] values = new bool[quantity];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = m.GetBit(i);
        }

        return values;
    }

    private static ushort[] DecodeRegisters(in ModbusPdu response, int quantity)
    {
        if (!response.TryGetReadRegistersResponse(out ModbusReadRegistersResponse m))
        {
            throw Mismatch("not a read registers response");
        }

        if (m.RegisterCount != quantity)
        {
            throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"{m.RegisterCount} registers for {quantity} asked"));
        }

        ushort[] values = new ushort[quantity];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = m.GetRegister(i);
        }

        return values;
    }

    private static bool CheckWriteMultiple(in ModbusPdu response, ushort address, int quantity)
    {
        if (!response.TryGetWriteMultipleResponse(out ModbusWriteMultipleResponse m) || m.Address != address || m.Quantity != quantity)
        {
            throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"it confirms address {m.Address} quantity {m.Quantity}, not address {address} quantity {quantity}"));
        }

        return true;
    }

    private static ushort[] DecodeFifo(in ModbusPdu response)
    {
        if (!response.TryGetReadFifoQueueResponse(out ModbusReadFifoQueueResponse m))
        {
            throw Mismatch("not a Read FIFO Queue response");
        }

        ushort[] values = new ushort[m.FifoCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = m.GetValue(i);
        }

        return values;
    }

    private static ModbusDiagnosticsResult DecodeDiagnostics(in ModbusPdu response, ModbusDiagnosticSubFunction subFunction)
    {
        if (!response.TryGetDiagnostics(out ModbusDiagnostics m) || m.SubFunction != subFunction)
        {
            throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"it answers sub-function {(ushort)m.SubFunction}, not {(ushort)subFunction}"));
        }

        return new ModbusDiagnosticsResult(m.SubFunction, m.Data.ToArray());
    }

    private static List<ushort[]> DecodeFileRecords(in ModbusPdu response, ModbusFileRecordReference[] references)
    {
        if (!response.TryGetReadFileRecordResponse(out ModbusReadFileRecordResponse m))
        {
            throw Mismatch("not a Read File Record response");
        }

        var groups = new List<ushort[]>(references.Length);
        foreach (ModbusFileRecordData group in m)
        {
            if (groups.Count == references.Length || group.RegisterCount != references[groups.Count].RecordLength)
            {
                throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"sub-response {groups.Count + 1} holds {group.RegisterCount} registers"));
            }

            ushort[] values = new ushort[group.RegisterCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = group.GetRegister(i);
            }

            groups.Add(values);
        }

        if (groups.Count != references.Length)
        {
            throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"{groups.Count} sub-responses for {references.Length} sub-requests"));
        }

        return groups;
    }

    private static DeviceIdPage DecodeDeviceIdPage(in ModbusPdu response)
    {
        if (!response.TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse m))
        {
            throw Mismatch("not a Read Device Identification response");
        }

        var objects = new List<ModbusDeviceIdentityObject>(m.NumberOfObjects);
        foreach (var o in m)
        {
            objects.Add(new ModbusDeviceIdentityObject(o.ObjectId, o.Value.ToArray()));
        }

        return new DeviceIdPage(m.ConformityLevel, m.MoreFollows, m.NextObjectId, objects);
    }

    private static void CheckQuantity(int quantity, int max, string paramName)
    {
        if (quantity < 1 || quantity > max)
        {
            throw new ArgumentOutOfRangeException(paramName, quantity, string.Create(CultureInfo.InvariantCulture, $"The quantity must be 1..{max} (MODBUS Application Protocol §6)."));
        }
    }

    private static void CheckRange(ushort address, int quantity, string paramName)
    {
        // §4.4: the data model has 65536 items per table; a request must not run past the last address.
        if (address + quantity > 65536)
        {
            throw new ArgumentOutOfRangeException(paramName, quantity, string.Create(CultureInfo.InvariantCulture, $"Address {address} plus quantity {quantity} runs past address 65535."));
        }
    }

    private static void Pack(ReadOnlySpan<bool> values, Span<byte> packed)
    {
        packed.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                packed[i >> 3] |= (byte)(1 << (i & 7));
            }
        }
    }

    private static void ToBigEndian(ReadOnlySpan<ushort> values, Span<byte> bytes)
    {
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes[(2 * i)..], values[i]);
        }
    }

    private sealed record DeviceIdPage(ModbusConformityLevel ConformityLevel, bool MoreFollows, byte NextObjectId, List<ModbusDeviceIdentityObject> Objects);
}
