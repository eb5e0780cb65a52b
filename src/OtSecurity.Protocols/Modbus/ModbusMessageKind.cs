namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// The layout of a validated PDU: which typed accessor of <see cref="ModbusPdu"/> applies. Dispatch with a
/// <c>switch</c> on this value (no allocation, no virtual call), then call the matching <c>TryGet…</c> method.
/// </summary>
public enum ModbusMessageKind
{
    /// <summary>A function code the specification does not define (or a reserved MEI type); raw data through <see cref="ModbusPdu.TryGetRaw"/>.</summary>
    Unknown = 0,

    /// <summary>A user-defined function code (65–72, 100–110; Application Protocol §5); raw data through <see cref="ModbusPdu.TryGetRaw"/>.</summary>
    UserDefined,

    /// <summary>An exception response (Application Protocol §7): <see cref="ModbusPdu.TryGetException"/>.</summary>
    Exception,

    /// <summary>Request of functions 1–4: <see cref="ModbusPdu.TryGetReadRequest"/>.</summary>
    ReadRequest,

    /// <summary>Response of functions 1 and 2: <see cref="ModbusPdu.TryGetReadBitsResponse"/>.</summary>
    ReadBitsResponse,

    /// <summary>Response of functions 3, 4 and 23: <see cref="ModbusPdu.TryGetReadRegistersResponse"/>.</summary>
    ReadRegistersResponse,

    /// <summary>Request or response of function 5: <see cref="ModbusPdu.TryGetWriteSingleCoil"/>.</summary>
    WriteSingleCoil,

    /// <summary>Request or response of function 6: <see cref="ModbusPdu.TryGetWriteSingleRegister"/>.</summary>
    WriteSingleRegister,

    /// <summary>A request made of the function code alone (functions 7, 11, 12, 17): <see cref="ModbusPdu.TryGetEmptyRequest"/>.</summary>
    EmptyRequest,

    /// <summary>Response of function 7: <see cref="ModbusPdu.TryGetReadExceptionStatusResponse"/>.</summary>
    ReadExceptionStatusResponse,

    /// <summary>Request or response of function 8: <see cref="ModbusPdu.TryGetDiagnostics"/>.</summary>
    Diagnostics,

    /// <summary>Response of function 11: <see cref="ModbusPdu.TryGetCommEventCounterResponse"/>.</summary>
    CommEventCounterResponse,

    /// <summary>Response of function 12: <see cref="ModbusPdu.TryGetCommEventLogResponse"/>.</summary>
    CommEventLogResponse,

    /// <summary>Request of function 15: <see cref="ModbusPdu.TryGetWriteMultipleCoilsRequest"/>.</summary>
    WriteMultipleCoilsRequest,

    /// <summary>Request of function 16: <see cref="ModbusPdu.TryGetWriteMultipleRegistersRequest"/>.</summary>
    WriteMultipleRegistersRequest,

    /// <summary>Response of functions 15 and 16: <see cref="ModbusPdu.TryGetWriteMultipleResponse"/>.</summary>
    WriteMultipleResponse,

    /// <summary>Response of function 17: <see cref="ModbusPdu.TryGetReportServerIdResponse"/>.</summary>
    ReportServerIdResponse,

    /// <summary>Request of function 20: <see cref="ModbusPdu.TryGetReadFileRecordRequest"/>.</summary>
    ReadFileRecordRequest,

    /// <summary>Response of function 20: <see cref="ModbusPdu.TryGetReadFileRecordResponse"/>.</summary>
    ReadFileRecordResponse,

    /// <summary>Request or response of function 21 (the response echoes the request): <see cref="ModbusPdu.TryGetWriteFileRecord"/>.</summary>
    WriteFileRecord,

    /// <summary>Request or response of function 22: <see cref="ModbusPdu.TryGetMaskWriteRegister"/>.</summary>
    MaskWriteRegister,

    /// <summary>Request of function 23: <see cref="ModbusPdu.TryGetReadWriteMultipleRegistersRequest"/>.</summary>
    ReadWriteMultipleRegistersRequest,

    /// <summary>Request of function 24: <see cref="ModbusPdu.TryGetReadFifoQueueRequest"/>.</summary>
    ReadFifoQueueRequest,

    /// <summary>Response of function 24: <see cref="ModbusPdu.TryGetReadFifoQueueResponse"/>.</summary>
    ReadFifoQueueResponse,

    /// <summary>Request or response of function 43 / MEI 13: <see cref="ModbusPdu.TryGetCanOpenGeneralReference"/>.</summary>
    CanOpenGeneralReference,

    /// <summary>Request of function 43 / MEI 14: <see cref="ModbusPdu.TryGetReadDeviceIdentificationRequest"/>.</summary>
    ReadDeviceIdentificationRequest,

    /// <summary>Response of function 43 / MEI 14: <see cref="ModbusPdu.TryGetReadDeviceIdentificationResponse"/>.</summary>
    ReadDeviceIdentificationResponse,
}
