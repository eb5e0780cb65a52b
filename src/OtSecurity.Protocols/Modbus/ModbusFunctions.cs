namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// What Modbus functions do: their <see cref="OperationClass"/>, whether they change the state of the device or the
/// process (used by the safe client to refuse anything not known to be read-only), and their names.
/// </summary>
public static class ModbusFunctions
{
    /// <summary>True for a public function code of V1.1b3 (§5.1).</summary>
    /// <param name="functionCode">A function code without the exception bit.</param>
    /// <returns>True when the specification defines it.</returns>
    public static bool IsPublic(byte functionCode) => functionCode is (>= 1 and <= 8) or 11 or 12 or 15 or 16 or 17 or (>= 20 and <= 24) or 43;

    /// <summary>True for a user-defined function code: 65–72, 100–110 (§5).</summary>
    /// <param name="functionCode">A function code without the exception bit.</param>
    /// <returns>True when user-defined.</returns>
    public static bool IsUserDefined(byte functionCode) => ModbusPduValidator.IsUserDefined(functionCode);

    /// <summary>
    /// The operation class of a function: reads (1–4, 24) are <see cref="OperationClass.Read"/>; writes (5, 6, 15, 16,
    /// 22, 23) <see cref="OperationClass.Write"/>; the serial-line diagnostics (7, 8, 11, 12) <see cref="OperationClass.Diagnostic"/>;
    /// Report Server ID (17) and function 43 (Read Device Identification) <see cref="OperationClass.Identification"/>;
    /// file records (20, 21) <see cref="OperationClass.FileTransfer"/>; user-defined and unknown codes <see cref="OperationClass.Unknown"/>.
    /// </summary>
    /// <param name="functionCode">A function code; the exception bit is ignored (an exception response has its request's class).</param>
    /// <returns>The class.</returns>
    public static OperationClass Classify(byte functionCode) => (functionCode & 0x7F) switch
    {
        1 or 2 or 3 or 4 or 24 => OperationClass.Read,
        5 or 6 or 15 or 16 or 22 or 23 => OperationClass.Write,
        7 or 8 or 11 or 12 => OperationClass.Diagnostic,
        17 or 43 => OperationClass.Identification,
        20 or 21 => OperationClass.FileTransfer,
        _ => OperationClass.Unknown,
    };

    /// <summary>
    /// The operation class of a PDU: as <see cref="Classify(byte)"/>, except that function 43 / MEI 13 (CANopen General
    /// Reference, which may read or write CANopen objects) and reserved MEI types are <see cref="OperationClass.Unknown"/>.
    /// </summary>
    /// <param name="pdu">A PDU.</param>
    /// <returns>The class.</returns>
    public static OperationClass Classify(in ModbusPdu pdu)
    {
        byte function = (byte)pdu.FunctionCode;
        if (function == (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport && !pdu.IsException)
        {
            return pdu.Span.Length > 1 && pdu.Span[1] == (byte)ModbusMeiType.ReadDeviceIdentification ? OperationClass.Identification : OperationClass.Unknown;
        }

        return Classify(function);
    }

    /// <summary>
    /// Whether a request of this function may change the state of the device or the process. True for the writes,
    /// Write File Record, function 8 (whose sub-function decides: use the overload), function 43 (CANopen General
    /// Reference may write), user-defined and unknown codes — anything not known to be read-only.
    /// </summary>
    /// <param name="function">The function.</param>
    /// <returns>False only for the read-only functions 1, 2, 3, 4, 7, 11, 12, 17, 20, 24.</returns>
    public static bool ChangesState(ModbusFunctionCode function) => function switch
    {
        ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs or ModbusFunctionCode.ReadHoldingRegisters
            or ModbusFunctionCode.ReadInputRegisters or ModbusFunctionCode.ReadExceptionStatus or ModbusFunctionCode.GetCommEventCounter
            or ModbusFunctionCode.GetCommEventLog or ModbusFunctionCode.ReportServerId or ModbusFunctionCode.ReadFileRecord
            or ModbusFunctionCode.ReadFifoQueue => false,
        _ => true,
    };

    /// <summary>
    /// Whether a Diagnostics (function 8) request with this sub-function changes the device's state: Restart
    /// Communications Option, Change ASCII Input Delimiter, Force Listen Only Mode, Clear Counters and Diagnostic
    /// Register, Clear Overrun Counter and Flag — and any reserved sub-function (not known to be harmless).
    /// </summary>
    /// <param name="subFunction">The sub-function.</param>
    /// <returns>True when it changes state.</returns>
    public static bool ChangesState(ModbusDiagnosticSubFunction subFunction) => subFunction switch
    {
        ModbusDiagnosticSubFunction.ReturnQueryData or ModbusDiagnosticSubFunction.ReturnDiagnosticRegister
            or ModbusDiagnosticSubFunction.ReturnBusMessageCount or ModbusDiagnosticSubFunction.ReturnBusCommunicationErrorCount
            or ModbusDiagnosticSubFunction.ReturnBusExceptionErrorCount or ModbusDiagnosticSubFunction.ReturnServerMessageCount
            or ModbusDiagnosticSubFunction.ReturnServerNoResponseCount or ModbusDiagnosticSubFunction.ReturnServerNakCount
            or ModbusDiagnosticSubFunction.ReturnServerBusyCount or ModbusDiagnosticSubFunction.ReturnBusCharacterOverrunCount => false,
        _ => true,
    };

    /// <summary>
    /// Whether a request PDU changes the device's state: by function, with the Diagnostics sub-function and the MEI type
    /// of function 43 taken into account (Read Device Identification is read-only).
    /// </summary>
    /// <param name="pdu">A request PDU.</param>
    /// <returns>True unless the request is known to be read-only.</returns>
    public static bool ChangesState(in ModbusPdu pdu)
    {
        if (pdu.TryGetDiagnostics(out ModbusDiagnostics diagnostics))
        {
            return ChangesState(diagnostics.SubFunction);
        }

        if (pdu.Kind is ModbusMessageKind.ReadDeviceIdentificationRequest or ModbusMessageKind.ReadDeviceIdentificationResponse)
        {
            return false;
        }

        return ChangesState(pdu.FunctionCode);
    }

    /// <summary>The specification's name of a function (as the enum names it), or null for codes it does not define.</summary>
    /// <param name="functionCode">A function code; the exception bit is ignored.</param>
    /// <returns>The name, or null.</returns>
    public static string? GetName(byte functionCode) => (functionCode & 0x7F) switch
    {
        1 => nameof(ModbusFunctionCode.ReadCoils),
        2 => nameof(ModbusFunctionCode.ReadDiscreteInputs),
        3 => nameof(ModbusFunctionCode.ReadHoldingRegisters),
        4 => nameof(ModbusFunctionCode.ReadInputRegisters),
        5 => nameof(ModbusFunctionCode.WriteSingleCoil),
        6 => nameof(ModbusFunctionCode.WriteSingleRegister),
        7 => nameof(ModbusFunctionCode.ReadExceptionStatus),
        8 => nameof(ModbusFunctionCode.Diagnostics),
        11 => nameof(ModbusFunctionCode.GetCommEventCounter),
        12 => nameof(ModbusFunctionCode.GetCommEventLog),
        15 => nameof(ModbusFunctionCode.WriteMultipleCoils),
        16 => nameof(ModbusFunctionCode.WriteMultipleRegisters),
        17 => nameof(ModbusFunctionCode.ReportServerId),
        20 => nameof(ModbusFunctionCode.ReadFileRecord),
        21 => nameof(ModbusFunctionCode.WriteFileRecord),
        22 => nameof(ModbusFunctionCode.MaskWriteRegister),
        23 => nameof(ModbusFunctionCode.ReadWriteMultipleRegisters),
        24 => nameof(ModbusFunctionCode.ReadFifoQueue),
        43 => nameof(ModbusFunctionCode.EncapsulatedInterfaceTransport),
        _ => null,
    };

    /// <summary>The specification's name of a Diagnostics sub-function, or null for reserved codes.</summary>
    /// <param name="subFunction">The sub-function.</param>
    /// <returns>The name, or null.</returns>
    public static string? GetName(ModbusDiagnosticSubFunction subFunction) =>
        ModbusPduValidator.IsDefinedSubFunction((ushort)subFunction) ? SubFunctionName(subFunction) : null;

    /// <summary>
    /// The specification's name of an exception code (as <see cref="ModbusExceptionCode"/> names it), or null for a code
    /// it does not define (a device may still send one).
    /// </summary>
    /// <param name="exceptionCode">The exception code of an exception response.</param>
    /// <returns>The name, or null.</returns>
    public static string? GetName(ModbusExceptionCode exceptionCode) => exceptionCode switch
    {
        ModbusExceptionCode.IllegalFunction => nameof(ModbusExceptionCode.IllegalFunction),
        ModbusExceptionCode.IllegalDataAddress => nameof(ModbusExceptionCode.IllegalDataAddress),
        ModbusExceptionCode.IllegalDataValue => nameof(ModbusExceptionCode.IllegalDataValue),
        ModbusExceptionCode.ServerDeviceFailure => nameof(ModbusExceptionCode.ServerDeviceFailure),
        ModbusExceptionCode.Acknowledge => nameof(ModbusExceptionCode.Acknowledge),
        ModbusExceptionCode.ServerDeviceBusy => nameof(ModbusExceptionCode.ServerDeviceBusy),
        ModbusExceptionCode.NegativeAcknowledge => nameof(ModbusExceptionCode.NegativeAcknowledge),
        ModbusExceptionCode.MemoryParityError => nameof(ModbusExceptionCode.MemoryParityError),
        ModbusExceptionCode.GatewayPathUnavailable => nameof(ModbusExceptionCode.GatewayPathUnavailable),
        ModbusExceptionCode.GatewayTargetDeviceFailedToRespond => nameof(ModbusExceptionCode.GatewayTargetDeviceFailedToRespond),
        _ => null,
    };

    private static string SubFunctionName(ModbusDiagnosticSubFunction subFunction) => subFunction switch
    {
        ModbusDiagnosticSubFunction.ReturnQueryData => nameof(ModbusDiagnosticSubFunction.ReturnQueryData),
        ModbusDiagnosticSubFunction.RestartCommunicationsOption => nameof(ModbusDiagnosticSubFunction.RestartCommunicationsOption),
        ModbusDiagnosticSubFunction.ReturnDiagnosticRegister => nameof(ModbusDiagnosticSubFunction.ReturnDiagnosticRegister),
        ModbusDiagnosticSubFunction.ChangeAsciiInputDelimiter => nameof(ModbusDiagnosticSubFunction.ChangeAsciiInputDelimiter),
        ModbusDiagnosticSubFunction.ForceListenOnlyMode => nameof(ModbusDiagnosticSubFunction.ForceListenOnlyMode),
        ModbusDiagnosticSubFunction.ClearCountersAndDiagnosticRegister => nameof(ModbusDiagnosticSubFunction.ClearCountersAndDiagnosticRegister),
        ModbusDiagnosticSubFunction.ReturnBusMessageCount => nameof(ModbusDiagnosticSubFunction.ReturnBusMessageCount),
        ModbusDiagnosticSubFunction.ReturnBusCommunicationErrorCount => nameof(ModbusDiagnosticSubFunction.ReturnBusCommunicationErrorCount),
        ModbusDiagnosticSubFunction.ReturnBusExceptionErrorCount => nameof(ModbusDiagnosticSubFunction.ReturnBusExceptionErrorCount),
        ModbusDiagnosticSubFunction.ReturnServerMessageCount => nameof(ModbusDiagnosticSubFunction.ReturnServerMessageCount),
        ModbusDiagnosticSubFunction.ReturnServerNoResponseCount => nameof(ModbusDiagnosticSubFunction.ReturnServerNoResponseCount),
        ModbusDiagnosticSubFunction.ReturnServerNakCount => nameof(ModbusDiagnosticSubFunction.ReturnServerNakCount),
        ModbusDiagnosticSubFunction.ReturnServerBusyCount => nameof(ModbusDiagnosticSubFunction.ReturnServerBusyCount),
        ModbusDiagnosticSubFunction.ReturnBusCharacterOverrunCount => nameof(ModbusDiagnosticSubFunction.ReturnBusCharacterOverrunCount),
        _ => nameof(ModbusDiagnosticSubFunction.ClearOverrunCounterAndFlag),
    };
}
