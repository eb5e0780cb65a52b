namespace OtSecurity.Protocols.Dnp3;

/// <summary>Object groups of the IEEE 1815-2012 object library (Annex A).</summary>
public enum Dnp3ObjectGroup : byte
{
    /// <summary>Group 0: device attributes.</summary>
    DeviceAttributes = 0,

    /// <summary>Group 1: binary input (static).</summary>
    BinaryInput = 1,

    /// <summary>Group 2: binary input event.</summary>
    BinaryInputEvent = 2,

    /// <summary>Group 3: double-bit binary input (static).</summary>
    DoubleBitBinaryInput = 3,

    /// <summary>Group 4: double-bit binary input event.</summary>
    DoubleBitBinaryInputEvent = 4,

    /// <summary>Group 10: binary output (status).</summary>
    BinaryOutput = 10,

    /// <summary>Group 11: binary output event.</summary>
    BinaryOutputEvent = 11,

    /// <summary>Group 12: binary output command (CROB, pattern control block, pattern mask).</summary>
    BinaryOutputCommand = 12,

    /// <summary>Group 13: binary output command event.</summary>
    BinaryOutputCommandEvent = 13,

    /// <summary>Group 20: counter.</summary>
    Counter = 20,

    /// <summary>Group 21: frozen counter.</summary>
    FrozenCounter = 21,

    /// <summary>Group 22: counter event.</summary>
    CounterEvent = 22,

    /// <summary>Group 23: frozen counter event.</summary>
    FrozenCounterEvent = 23,

    /// <summary>Group 30: analog input.</summary>
    AnalogInput = 30,

    /// <summary>Group 31: frozen analog input.</summary>
    FrozenAnalogInput = 31,

    /// <summary>Group 32: analog input event.</summary>
    AnalogInputEvent = 32,

    /// <summary>Group 33: frozen analog input event.</summary>
    FrozenAnalogInputEvent = 33,

    /// <summary>Group 34: analog input reporting deadband.</summary>
    AnalogInputReportingDeadband = 34,

    /// <summary>Group 40: analog output status.</summary>
    AnalogOutputStatus = 40,

    /// <summary>Group 41: analog output (command block).</summary>
    AnalogOutput = 41,

    /// <summary>Group 42: analog output event.</summary>
    AnalogOutputEvent = 42,

    /// <summary>Group 43: analog output command event.</summary>
    AnalogOutputCommandEvent = 43,

    /// <summary>Group 50: time and date.</summary>
    TimeAndDate = 50,

    /// <summary>Group 51: common time of occurrence (CTO).</summary>
    CommonTimeOfOccurrence = 51,

    /// <summary>Group 52: time delay.</summary>
    TimeDelay = 52,

    /// <summary>Group 60: class objects (class 0 static data, classes 1–3 events).</summary>
    ClassObjects = 60,

    /// <summary>Group 70: file-control.</summary>
    FileControl = 70,

    /// <summary>Group 80: internal indications.</summary>
    InternalIndications = 80,

    /// <summary>Group 81: device storage (obsolete).</summary>
    DeviceStorage = 81,

    /// <summary>Group 82: device profile (obsolete).</summary>
    DeviceProfile = 82,

    /// <summary>Group 83: data set registration (private registration object).</summary>
    PrivateRegistrationObject = 83,

    /// <summary>Group 85: data set prototype.</summary>
    DataSetPrototype = 85,

    /// <summary>Group 86: data set descriptor.</summary>
    DataSetDescriptor = 86,

    /// <summary>Group 87: data set (present value).</summary>
    DataSet = 87,

    /// <summary>Group 88: data set event (snapshot).</summary>
    DataSetEvent = 88,

    /// <summary>Group 90: application identifier.</summary>
    ApplicationIdentifier = 90,

    /// <summary>Group 91: status of requested operation.</summary>
    StatusOfRequestedOperation = 91,

    /// <summary>Group 100: floating point (obsolete).</summary>
    FloatingPoint = 100,

    /// <summary>Group 101: binary-coded decimal integer.</summary>
    BinaryCodedDecimal = 101,

    /// <summary>Group 102: unsigned integer.</summary>
    UnsignedInteger = 102,

    /// <summary>Group 110: octet string (variation = length).</summary>
    OctetString = 110,

    /// <summary>Group 111: octet string event (variation = length).</summary>
    OctetStringEvent = 111,

    /// <summary>Group 112: virtual terminal output block (variation = length).</summary>
    VirtualTerminalOutputBlock = 112,

    /// <summary>Group 113: virtual terminal event data (variation = length).</summary>
    VirtualTerminalEvent = 113,

    /// <summary>Group 120: Secure Authentication.</summary>
    Authentication = 120,

    /// <summary>Group 121: security statistic.</summary>
    SecurityStatistic = 121,

    /// <summary>Group 122: security statistic event.</summary>
    SecurityStatisticEvent = 122,
}
