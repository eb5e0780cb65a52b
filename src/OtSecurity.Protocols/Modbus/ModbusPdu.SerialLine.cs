using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

public readonly ref partial struct ModbusPdu
{
    /// <summary>A request that is the function code alone: functions 7, 11, 12 and 17 (§6.7, §6.9, §6.10, §6.13).</summary>
    /// <param name="message">The function.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.EmptyRequest"/>.</returns>
    public bool TryGetEmptyRequest(out ModbusEmptyRequest message)
    {
        if (Kind != ModbusMessageKind.EmptyRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusEmptyRequest(FunctionCode);
        return true;
    }

    /// <summary>The response of function 7 (§6.7).</summary>
    /// <param name="message">The eight exception status outputs.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadExceptionStatusResponse"/>.</returns>
    public bool TryGetReadExceptionStatusResponse(out ModbusReadExceptionStatusResponse message)
    {
        if (Kind != ModbusMessageKind.ReadExceptionStatusResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReadExceptionStatusResponse(Span[1]);
        return true;
    }

    /// <summary>The request or response of function 8 (§6.8).</summary>
    /// <param name="message">Sub-function and data.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.Diagnostics"/>.</returns>
    public bool TryGetDiagnostics(out ModbusDiagnostics message)
    {
        if (Kind != ModbusMessageKind.Diagnostics)
        {
            message = default;
            return false;
        }

        message = new ModbusDiagnostics((ModbusDiagnosticSubFunction)BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), Span[3..]);
        return true;
    }

    /// <summary>The response of function 11 (§6.9).</summary>
    /// <param name="message">Status word and event count.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.CommEventCounterResponse"/>.</returns>
    public bool TryGetCommEventCounterResponse(out ModbusCommEventCounterResponse message)
    {
        if (Kind != ModbusMessageKind.CommEventCounterResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusCommEventCounterResponse(BinaryPrimitives.ReadUInt16BigEndian(Span[1..]), BinaryPrimitives.ReadUInt16BigEndian(Span[3..]));
        return true;
    }

    /// <summary>The response of function 12 (§6.10).</summary>
    /// <param name="message">Status, event count, message count and events.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.CommEventLogResponse"/>.</returns>
    public bool TryGetCommEventLogResponse(out ModbusCommEventLogResponse message)
    {
        if (Kind != ModbusMessageKind.CommEventLogResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusCommEventLogResponse(
            BinaryPrimitives.ReadUInt16BigEndian(Span[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(Span[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(Span[6..]),
            Span[8..]);
        return true;
    }

    /// <summary>The response of function 17 (§6.13).</summary>
    /// <param name="message">The device-specific server id, run indicator and additional data.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReportServerIdResponse"/>.</returns>
    public bool TryGetReportServerIdResponse(out ModbusReportServerIdResponse message)
    {
        if (Kind != ModbusMessageKind.ReportServerIdResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReportServerIdResponse(Span[2..]);
        return true;
    }
}

/// <summary>A request made of the function code alone (functions 7, 11, 12, 17).</summary>
/// <param name="Function">Read Exception Status, Get Comm Event Counter, Get Comm Event Log or Report Server ID.</param>
public readonly record struct ModbusEmptyRequest(ModbusFunctionCode Function);

/// <summary>The response of function 7 (§6.7).</summary>
/// <param name="OutputData">The eight exception status outputs, one bit each.</param>
public readonly record struct ModbusReadExceptionStatusResponse(byte OutputData);

/// <summary>The response of function 11 (§6.9).</summary>
/// <param name="Status">0xFFFF while a previous program command is still being processed, 0x0000 otherwise.</param>
/// <param name="EventCount">Comm event counter.</param>
public readonly record struct ModbusCommEventCounterResponse(ushort Status, ushort EventCount);

/// <summary>The request or response of function 8 (§6.8): a sub-function and its data words.</summary>
public readonly ref struct ModbusDiagnostics
{
    /// <summary>Creates the message.</summary>
    /// <param name="subFunction">Sub-function (reserved values allowed).</param>
    /// <param name="data">Data, a whole number of 16-bit words.</param>
    public ModbusDiagnostics(ModbusDiagnosticSubFunction subFunction, ReadOnlySpan<byte> data)
    {
        SubFunction = subFunction;
        Data = data;
    }

    /// <summary>The sub-function; a reserved value is carried as is.</summary>
    public ModbusDiagnosticSubFunction SubFunction { get; }

    /// <summary>True when the specification defines <see cref="SubFunction"/> (§6.8.1).</summary>
    public bool IsDefinedSubFunction => ModbusPduValidator.IsDefinedSubFunction((ushort)SubFunction);

    /// <summary>The data bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The single data word of the sub-functions that carry one (counters, register, echo).</summary>
    /// <param name="value">The word.</param>
    /// <returns>True when the data is exactly one word.</returns>
    public bool TryGetWord(out ushort value)
    {
        if (Data.Length != 2)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(Data);
        return true;
    }
}

/// <summary>The response of function 12 (§6.10).</summary>
public readonly ref struct ModbusCommEventLogResponse
{
    /// <summary>Creates the message.</summary>
    /// <param name="status">0x0000 or 0xFFFF, as for function 11.</param>
    /// <param name="eventCount">Comm event counter.</param>
    /// <param name="messageCount">Bus message counter.</param>
    /// <param name="events">0..64 event bytes, most recent first.</param>
    public ModbusCommEventLogResponse(ushort status, ushort eventCount, ushort messageCount, ReadOnlySpan<byte> events)
    {
        Status = status;
        EventCount = eventCount;
        MessageCount = messageCount;
        Events = events;
    }

    /// <summary>Status word.</summary>
    public ushort Status { get; }

    /// <summary>Comm event counter.</summary>
    public ushort EventCount { get; }

    /// <summary>Bus message counter.</summary>
    public ushort MessageCount { get; }

    /// <summary>Event bytes, most recent first.</summary>
    public ReadOnlySpan<byte> Events { get; }
}

/// <summary>
/// The response of function 17 (§6.13): a device-specific server id, a run indicator (0x00 OFF, 0xFF ON) and
/// additional data. The specification leaves the server id length to the device, so the bytes are given whole.
/// </summary>
public readonly ref struct ModbusReportServerIdResponse
{
    /// <summary>Creates the message.</summary>
    /// <param name="data">Server id, run indicator and additional data (1..251 bytes).</param>
    public ModbusReportServerIdResponse(ReadOnlySpan<byte> data) => Data = data;

    /// <summary>Server id, run indicator and additional data (the byte count is its length).</summary>
    public ReadOnlySpan<byte> Data { get; }
}
