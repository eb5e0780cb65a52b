namespace OtSecurity.Protocols.S7Comm;

/// <summary>COTP TPDU codes (ISO 8073 §13.1, Table 8), high nibble of the second header byte.</summary>
public enum CotpPduType : byte
{
    /// <summary>ED, expedited data.</summary>
    ExpeditedData = 0x10,

    /// <summary>EA, expedited data acknowledgement.</summary>
    ExpeditedDataAcknowledgement = 0x20,

    /// <summary>RJ, reject.</summary>
    Reject = 0x50,

    /// <summary>AK, data acknowledgement.</summary>
    DataAcknowledgement = 0x60,

    /// <summary>ER, TPDU error.</summary>
    TpduError = 0x70,

    /// <summary>DR, disconnect request.</summary>
    DisconnectRequest = 0x80,

    /// <summary>DC, disconnect confirm.</summary>
    DisconnectConfirm = 0xC0,

    /// <summary>CC, connection confirm.</summary>
    ConnectionConfirm = 0xD0,

    /// <summary>CR, connection request.</summary>
    ConnectionRequest = 0xE0,

    /// <summary>DT, data.</summary>
    Data = 0xF0,
}

/// <summary>COTP parameter codes of the variable part (ISO 8073 §13.3.4, §13.5.3, §13.6.3).</summary>
public enum CotpParameterCode : byte
{
    /// <summary>Acknowledgement time.</summary>
    AcknowledgementTime = 0x85,

    /// <summary>Residual error rate.</summary>
    ResidualErrorRate = 0x86,

    /// <summary>Priority.</summary>
    Priority = 0x87,

    /// <summary>Transit delay.</summary>
    TransitDelay = 0x88,

    /// <summary>Throughput.</summary>
    Throughput = 0x89,

    /// <summary>Subsequence number (AK).</summary>
    SubsequenceNumber = 0x8A,

    /// <summary>Reassignment time.</summary>
    ReassignmentTime = 0x8B,

    /// <summary>Flow control confirmation (AK).</summary>
    FlowControlConfirmation = 0x8C,

    /// <summary>Selective acknowledgement parameters.</summary>
    SelectiveAcknowledgement = 0x8F,

    /// <summary>TPDU size: one byte, the size as a power of two (7..13: 128..8192 octets).</summary>
    TpduSize = 0xC0,

    /// <summary>Calling transport selector (TSAP).</summary>
    CallingTsap = 0xC1,

    /// <summary>Called transport selector (TSAP).</summary>
    CalledTsap = 0xC2,

    /// <summary>Checksum (class 4).</summary>
    Checksum = 0xC3,

    /// <summary>Version number.</summary>
    VersionNumber = 0xC4,

    /// <summary>Protection parameters.</summary>
    Protection = 0xC5,

    /// <summary>Additional option selection.</summary>
    AdditionalOptionSelection = 0xC6,

    /// <summary>Alternative protocol classes.</summary>
    AlternativeProtocolClasses = 0xC7,

    /// <summary>Additional information on a disconnect (DR).</summary>
    AdditionalInformation = 0xE0,

    /// <summary>Preferred maximum TPDU size (a multiple of 128 octets).</summary>
    PreferredMaximumTpduSize = 0xF0,

    /// <summary>Inactivity timer.</summary>
    InactivityTimer = 0xF2,
}

/// <summary>S7 PDU type (ROSCTR, "remote operating service control").</summary>
public enum S7Rosctr : byte
{
    /// <summary>Job request.</summary>
    Job = 1,

    /// <summary>Acknowledgement without data.</summary>
    Ack = 2,

    /// <summary>Acknowledgement with data (the response to a job).</summary>
    AckData = 3,

    /// <summary>User data (programming, diagnostics, SZL, time, security, cyclic data).</summary>
    UserData = 7,
}

/// <summary>S7 job and ack-data functions (first byte of the parameter part).</summary>
public enum S7Function : byte
{
    /// <summary>CPU services.</summary>
    CpuServices = 0x00,

    /// <summary>Read variable.</summary>
    ReadVariable = 0x04,

    /// <summary>Write variable.</summary>
    WriteVariable = 0x05,

    /// <summary>Request download.</summary>
    RequestDownload = 0x1A,

    /// <summary>Download block.</summary>
    DownloadBlock = 0x1B,

    /// <summary>Download ended.</summary>
    DownloadEnded = 0x1C,

    /// <summary>Start upload.</summary>
    StartUpload = 0x1D,

    /// <summary>Upload.</summary>
    Upload = 0x1E,

    /// <summary>End upload.</summary>
    EndUpload = 0x1F,

    /// <summary>Program invocation service (PI service).</summary>
    PiService = 0x28,

    /// <summary>PLC stop.</summary>
    PlcStop = 0x29,

    /// <summary>Setup communication.</summary>
    SetupCommunication = 0xF0,
}

/// <summary>Variable specification syntax ids of a read/write item.</summary>
public enum S7SyntaxId : byte
{
    /// <summary>S7ANY address: area, DB number, bit address.</summary>
    S7Any = 0x10,

    /// <summary>R_ID for PBC.</summary>
    PbcRId = 0x13,

    /// <summary>Alarm lock/free set.</summary>
    AlarmLockFree = 0x15,

    /// <summary>Alarm indication set.</summary>
    AlarmInd = 0x16,

    /// <summary>Alarm acknowledge set.</summary>
    AlarmAck = 0x19,

    /// <summary>Alarm query request set.</summary>
    AlarmQueryReq = 0x1A,

    /// <summary>Notify indication set.</summary>
    NotifyInd = 0x1C,

    /// <summary>Sinumerik NCK address.</summary>
    Nck = 0x82,

    /// <summary>Sinumerik NCK metric.</summary>
    NckMetric = 0x83,

    /// <summary>Sinumerik NCK inch.</summary>
    NckInch = 0x84,

    /// <summary>SINAMICS drive (DriveES) address.</summary>
    DriveEsAny = 0xA2,

    /// <summary>S7-1200 symbolic address (LID).</summary>
    S71200Symbolic = 0xB2,

    /// <summary>DB read (several areas of data blocks, S7-400).</summary>
    DbRead = 0xB0,
}

/// <summary>Transport size of an item request (the type of the addressed elements).</summary>
public enum S7TransportSize : byte
{
    /// <summary>BIT.</summary>
    Bit = 0x01,

    /// <summary>BYTE.</summary>
    Byte = 0x02,

    /// <summary>CHAR.</summary>
    Char = 0x03,

    /// <summary>WORD.</summary>
    Word = 0x04,

    /// <summary>INT.</summary>
    Int = 0x05,

    /// <summary>DWORD.</summary>
    DWord = 0x06,

    /// <summary>DINT.</summary>
    DInt = 0x07,

    /// <summary>REAL.</summary>
    Real = 0x08,

    /// <summary>DATE.</summary>
    Date = 0x09,

    /// <summary>TIME_OF_DAY.</summary>
    TimeOfDay = 0x0A,

    /// <summary>TIME.</summary>
    Time = 0x0B,

    /// <summary>S5TIME.</summary>
    S5Time = 0x0C,

    /// <summary>DATE_AND_TIME.</summary>
    DateAndTime = 0x0F,

    /// <summary>COUNTER.</summary>
    Counter = 0x1C,

    /// <summary>TIMER.</summary>
    Timer = 0x1D,

    /// <summary>IEC TIMER.</summary>
    IecTimer = 0x1E,

    /// <summary>IEC COUNTER.</summary>
    IecCounter = 0x1F,

    /// <summary>HS COUNTER.</summary>
    HsCounter = 0x20,
}

/// <summary>Transport size of a data item (how its length is counted).</summary>
public enum S7DataTransportSize : byte
{
    /// <summary>No data (an error return code).</summary>
    Null = 0x00,

    /// <summary>BIT: length in bits.</summary>
    Bit = 0x03,

    /// <summary>BYTE/WORD/DWORD: length in bits.</summary>
    ByteWordDWord = 0x04,

    /// <summary>INTEGER: length in bits.</summary>
    Integer = 0x05,

    /// <summary>DINTEGER: length in bytes.</summary>
    DInteger = 0x06,

    /// <summary>REAL: length in bytes.</summary>
    Real = 0x07,

    /// <summary>OCTET STRING: length in bytes.</summary>
    OctetString = 0x09,
}

/// <summary>Memory areas of an S7ANY address.</summary>
public enum S7Area : byte
{
    /// <summary>System info (S7-200).</summary>
    SystemInfo = 0x03,

    /// <summary>System flags (S7-200).</summary>
    SystemFlags = 0x05,

    /// <summary>Analog inputs (S7-200).</summary>
    AnalogInputs = 0x06,

    /// <summary>Analog outputs (S7-200).</summary>
    AnalogOutputs = 0x07,

    /// <summary>S7 counters.</summary>
    Counters = 0x1C,

    /// <summary>S7 timers.</summary>
    Timers = 0x1D,

    /// <summary>IEC counters (S7-200).</summary>
    IecCounters = 0x1E,

    /// <summary>IEC timers (S7-200).</summary>
    IecTimers = 0x1F,

    /// <summary>Direct peripheral access (P).</summary>
    Peripheral = 0x80,

    /// <summary>Inputs (I).</summary>
    Inputs = 0x81,

    /// <summary>Outputs (Q).</summary>
    Outputs = 0x82,

    /// <summary>Flags / bit memory (M).</summary>
    Flags = 0x83,

    /// <summary>Data blocks (DB).</summary>
    DataBlocks = 0x84,

    /// <summary>Instance data blocks (DI).</summary>
    InstanceDataBlocks = 0x85,

    /// <summary>Local data (L).</summary>
    LocalData = 0x86,

    /// <summary>Previous local data (V).</summary>
    PreviousLocalData = 0x87,
}

/// <summary>Return code of a data item.</summary>
public enum S7ReturnCode : byte
{
    /// <summary>Reserved.</summary>
    Reserved = 0x00,

    /// <summary>Hardware error.</summary>
    HardwareError = 0x01,

    /// <summary>Accessing the object is not allowed.</summary>
    AccessingObjectNotAllowed = 0x03,

    /// <summary>Invalid address.</summary>
    InvalidAddress = 0x05,

    /// <summary>Data type not supported.</summary>
    DataTypeNotSupported = 0x06,

    /// <summary>Data type inconsistent.</summary>
    DataTypeInconsistent = 0x07,

    /// <summary>Object does not exist.</summary>
    ObjectDoesNotExist = 0x0A,

    /// <summary>Success.</summary>
    Success = 0xFF,
}

/// <summary>Header error classes of ack and ack-data PDUs.</summary>
public enum S7ErrorClass : byte
{
    /// <summary>No error.</summary>
    NoError = 0x00,

    /// <summary>Application relationship error.</summary>
    ApplicationRelationship = 0x81,

    /// <summary>Object definition error.</summary>
    ObjectDefinition = 0x82,

    /// <summary>No resources available.</summary>
    NoResourcesAvailable = 0x83,

    /// <summary>Error on service processing.</summary>
    ServiceProcessing = 0x84,

    /// <summary>Error on supplies.</summary>
    Supplies = 0x85,

    /// <summary>Access error.</summary>
    Access = 0x87,
}

/// <summary>Userdata type (high nibble of the type/group byte).</summary>
public enum S7UserDataType : byte
{
    /// <summary>Push (unsolicited, from the PLC).</summary>
    Push = 0x0,

    /// <summary>NC push (Sinumerik).</summary>
    NcPush = 0x3,

    /// <summary>Request.</summary>
    Request = 0x4,

    /// <summary>NC request (Sinumerik).</summary>
    NcRequest = 0x7,

    /// <summary>Response.</summary>
    Response = 0x8,

    /// <summary>NC response (Sinumerik).</summary>
    NcResponse = 0xB,
}

/// <summary>Userdata function group (low nibble of the type/group byte).</summary>
public enum S7UserDataGroup : byte
{
    /// <summary>Mode transition (the subfunction is the new operating mode).</summary>
    ModeTransition = 0x0,

    /// <summary>Programmer commands (test and installation functions).</summary>
    ProgrammerCommands = 0x1,

    /// <summary>Cyclic services (cyclic and change-driven data).</summary>
    CyclicData = 0x2,

    /// <summary>Block functions.</summary>
    BlockFunctions = 0x3,

    /// <summary>CPU functions (SZL, alarms, messages).</summary>
    CpuFunctions = 0x4,

    /// <summary>Security (PLC password).</summary>
    Security = 0x5,

    /// <summary>Programmable block communication (BSEND/BRECV).</summary>
    ProgrammableBlockCommunication = 0x6,

    /// <summary>Time functions.</summary>
    TimeFunctions = 0x7,

    /// <summary>NC programming (Sinumerik file transfer).</summary>
    NcProgramming = 0xF,
}

/// <summary>Subfunctions of userdata group 0 (mode transition): the operating mode announced.</summary>
public enum S7ModeTransitionSubfunction : byte
{
    /// <summary>STOP.</summary>
    Stop = 0,

    /// <summary>Warm restart.</summary>
    WarmRestart = 1,

    /// <summary>RUN.</summary>
    Run = 2,

    /// <summary>Hot restart.</summary>
    HotRestart = 3,

    /// <summary>HOLD.</summary>
    Hold = 4,

    /// <summary>Cold restart.</summary>
    ColdRestart = 6,

    /// <summary>RUN_R (H system redundant).</summary>
    RunRedundant = 9,

    /// <summary>LINK-UP.</summary>
    LinkUp = 11,

    /// <summary>UPDATE.</summary>
    Update = 12,
}

/// <summary>Subfunctions of userdata group 1 (programmer commands).</summary>
public enum S7ProgrammerSubfunction : byte
{
    /// <summary>Block status.</summary>
    BlockStatus = 0x01,

    /// <summary>Variable status.</summary>
    VariableStatus = 0x02,

    /// <summary>Output ISTACK.</summary>
    OutputIStack = 0x03,

    /// <summary>Output BSTACK.</summary>
    OutputBStack = 0x04,

    /// <summary>Output LSTACK.</summary>
    OutputLStack = 0x05,

    /// <summary>Time measurement from to.</summary>
    TimeMeasurement = 0x06,

    /// <summary>Force selection.</summary>
    ForceSelection = 0x07,

    /// <summary>Modify variable.</summary>
    ModifyVariable = 0x08,

    /// <summary>Force.</summary>
    Force = 0x09,

    /// <summary>Breakpoint.</summary>
    Breakpoint = 0x0A,

    /// <summary>Exit HOLD.</summary>
    ExitHold = 0x0B,

    /// <summary>Memory reset.</summary>
    MemoryReset = 0x0C,

    /// <summary>Disable job.</summary>
    DisableJob = 0x0D,

    /// <summary>Enable job.</summary>
    EnableJob = 0x0E,

    /// <summary>Delete job.</summary>
    DeleteJob = 0x0F,

    /// <summary>Read job list.</summary>
    ReadJobList = 0x10,

    /// <summary>Read job.</summary>
    ReadJob = 0x11,

    /// <summary>Replace job.</summary>
    ReplaceJob = 0x12,

    /// <summary>Block status v2.</summary>
    BlockStatus2 = 0x13,

    /// <summary>Flash LED.</summary>
    FlashLed = 0x16,
}

/// <summary>Subfunctions of userdata group 2 (cyclic data).</summary>
public enum S7CyclicSubfunction : byte
{
    /// <summary>Cyclic transfer.</summary>
    CyclicTransfer = 0x01,

    /// <summary>Unsubscribe.</summary>
    Unsubscribe = 0x04,

    /// <summary>Change driven transfer.</summary>
    ChangeDrivenTransfer = 0x05,

    /// <summary>Change driven transfer modify.</summary>
    ChangeDrivenTransferModify = 0x07,

    /// <summary>RDREC (read data record).</summary>
    ReadRecord = 0x08,
}

/// <summary>Subfunctions of userdata group 3 (block functions).</summary>
public enum S7BlockSubfunction : byte
{
    /// <summary>List blocks (count per type).</summary>
    ListBlocks = 0x01,

    /// <summary>List blocks of a type.</summary>
    ListBlocksOfType = 0x02,

    /// <summary>Get block info.</summary>
    GetBlockInfo = 0x03,
}

/// <summary>Subfunctions of userdata group 4 (CPU functions).</summary>
public enum S7CpuSubfunction : byte
{
    /// <summary>Read SZL (system status list).</summary>
    ReadSzl = 0x01,

    /// <summary>Message service (subscribe to events and alarms).</summary>
    MessageService = 0x02,

    /// <summary>Diagnostic message.</summary>
    DiagnosticMessage = 0x03,

    /// <summary>ALARM_8 indication.</summary>
    Alarm8Indication = 0x05,

    /// <summary>NOTIFY indication.</summary>
    NotifyIndication = 0x06,

    /// <summary>ALARM_8 lock.</summary>
    Alarm8Lock = 0x07,

    /// <summary>ALARM_8 unlock.</summary>
    Alarm8Unlock = 0x08,

    /// <summary>SCAN indication.</summary>
    ScanIndication = 0x09,

    /// <summary>ALARM acknowledge.</summary>
    AlarmAck = 0x0B,

    /// <summary>ALARM acknowledge indication.</summary>
    AlarmAckIndication = 0x0C,

    /// <summary>ALARM lock indication.</summary>
    AlarmLockIndication = 0x0D,

    /// <summary>ALARM unlock indication.</summary>
    AlarmUnlockIndication = 0x0E,

    /// <summary>ALARM_SQ indication.</summary>
    AlarmSqIndication = 0x11,

    /// <summary>ALARM_S indication.</summary>
    AlarmSIndication = 0x12,

    /// <summary>ALARM query.</summary>
    AlarmQuery = 0x13,

    /// <summary>NOTIFY_8 indication.</summary>
    Notify8Indication = 0x16,
}

/// <summary>Subfunctions of userdata group 5 (security).</summary>
public enum S7SecuritySubfunction : byte
{
    /// <summary>PLC password.</summary>
    PlcPassword = 0x01,

    /// <summary>Clear (cancel) the password legitimation.</summary>
    ClearPassword = 0x02,
}

/// <summary>Subfunctions of userdata group 7 (time functions).</summary>
public enum S7TimeSubfunction : byte
{
    /// <summary>Read clock.</summary>
    ReadClock = 0x01,

    /// <summary>Set clock.</summary>
    SetClock = 0x02,

    /// <summary>Read clock (following).</summary>
    ReadClockFollowing = 0x03,

    /// <summary>Set clock (second form).</summary>
    SetClock2 = 0x04,
}

/// <summary>Subfunctions of userdata group 15 (NC programming, Sinumerik).</summary>
public enum S7NcProgrammingSubfunction : byte
{
    /// <summary>Request download.</summary>
    RequestDownload = 0x01,

    /// <summary>Download block.</summary>
    DownloadBlock = 0x02,

    /// <summary>Continue download.</summary>
    ContinueDownload = 0x03,

    /// <summary>Download ended.</summary>
    DownloadEnded = 0x04,

    /// <summary>Start upload.</summary>
    StartUpload = 0x06,

    /// <summary>Upload.</summary>
    Upload = 0x07,

    /// <summary>Continue upload.</summary>
    ContinueUpload = 0x08,
}

/// <summary>Block types as the two ASCII characters of a block file name ("_0A00001P": DB 1, passive file system).</summary>
public enum S7BlockType : ushort
{
    /// <summary>Organisation block (OB), "08".</summary>
    OB = 0x3038,

    /// <summary>Cmod, "09".</summary>
    CMod = 0x3039,

    /// <summary>Data block (DB), "0A".</summary>
    DB = 0x3041,

    /// <summary>System data block (SDB), "0B".</summary>
    SDB = 0x3042,

    /// <summary>Function (FC), "0C".</summary>
    FC = 0x3043,

    /// <summary>System function (SFC), "0D".</summary>
    SFC = 0x3044,

    /// <summary>Function block (FB), "0E".</summary>
    FB = 0x3045,

    /// <summary>System function block (SFB), "0F".</summary>
    SFB = 0x3046,
}

/// <summary>The PI services (program invocation) whose names the S7 and Sinumerik families use.</summary>
public enum S7PiService
{
    /// <summary>A name not in this list.</summary>
    Unknown = 0,

    /// <summary>_INSE: activate (insert) downloaded blocks.</summary>
    InsertBlock,

    /// <summary>_DELE: delete blocks.</summary>
    DeleteBlock,

    /// <summary>P_PROGRAM: start (or stop) the program.</summary>
    Program,

    /// <summary>_MODU: copy RAM to ROM.</summary>
    CopyRamToRom,

    /// <summary>_GARB: compress memory.</summary>
    CompressMemory,

    /// <summary>_N_…: a Sinumerik NC service (file, tool and program management).</summary>
    NcService,
}

/// <summary>The ids of the system status list (SZL) extracts this SDK interprets.</summary>
public static class S7SzlIds
{
    /// <summary>SZL-ID 0x0011: module identification (order number, hardware and firmware versions).</summary>
    public const ushort ModuleIdentification = 0x0011;

    /// <summary>SZL-ID 0x001C: component identification (PLC name, module name, plant id, copyright, serial number).</summary>
    public const ushort ComponentIdentification = 0x001C;
}
