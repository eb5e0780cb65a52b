namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// Internal indications of a response (IEEE 1815-2012 §4.2.2.6). IIN1 is the first octet on the wire and takes bits 0–7,
/// IIN2 the second and takes bits 8–15 (the two octets read as a little-endian 16-bit value).
/// </summary>
[Flags]
public enum Dnp3InternalIndications : ushort
{
    /// <summary>No indication set.</summary>
    None = 0,

    /// <summary>IIN1.0 BROADCAST: a broadcast message was received.</summary>
    Broadcast = 0x0001,

    /// <summary>IIN1.1 CLASS_1_EVENTS: class 1 events are available.</summary>
    Class1Events = 0x0002,

    /// <summary>IIN1.2 CLASS_2_EVENTS: class 2 events are available.</summary>
    Class2Events = 0x0004,

    /// <summary>IIN1.3 CLASS_3_EVENTS: class 3 events are available.</summary>
    Class3Events = 0x0008,

    /// <summary>IIN1.4 NEED_TIME: the outstation asks for time synchronization.</summary>
    NeedTime = 0x0010,

    /// <summary>IIN1.5 LOCAL_CONTROL: some outputs are in local mode.</summary>
    LocalControl = 0x0020,

    /// <summary>IIN1.6 DEVICE_TROUBLE: an abnormal condition exists.</summary>
    DeviceTrouble = 0x0040,

    /// <summary>IIN1.7 DEVICE_RESTART: the outstation restarted.</summary>
    DeviceRestart = 0x0080,

    /// <summary>IIN2.0 NO_FUNC_CODE_SUPPORT: the function code is not implemented.</summary>
    NoFunctionCodeSupport = 0x0100,

    /// <summary>IIN2.1 OBJECT_UNKNOWN: requested objects are unknown.</summary>
    ObjectUnknown = 0x0200,

    /// <summary>IIN2.2 PARAMETER_ERROR: a parameter in the request is invalid or out of range.</summary>
    ParameterError = 0x0400,

    /// <summary>IIN2.3 EVENT_BUFFER_OVERFLOW: events were lost.</summary>
    EventBufferOverflow = 0x0800,

    /// <summary>IIN2.4 ALREADY_EXECUTING: the operation is already executing.</summary>
    AlreadyExecuting = 0x1000,

    /// <summary>IIN2.5 CONFIG_CORRUPT: the configuration is corrupt.</summary>
    ConfigurationCorrupt = 0x2000,

    /// <summary>IIN2.6 RESERVED_2: reserved, always 0.</summary>
    Reserved2 = 0x4000,

    /// <summary>IIN2.7 RESERVED_1: reserved, always 0.</summary>
    Reserved1 = 0x8000,
}
