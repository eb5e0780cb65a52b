namespace OtSecurity.Protocols.Bacnet;

/// <summary>APDU types, the high nibble of the first APDU octet (ANSI/ASHRAE 135 clause 20.1.1). 8..15 are reserved.</summary>
public enum BacnetPduType : byte
{
    /// <summary>BACnet-Confirmed-Request-PDU (20.1.2).</summary>
    ConfirmedRequest = 0,

    /// <summary>BACnet-Unconfirmed-Request-PDU (20.1.3).</summary>
    UnconfirmedRequest = 1,

    /// <summary>BACnet-SimpleACK-PDU (20.1.4).</summary>
    SimpleAck = 2,

    /// <summary>BACnet-ComplexACK-PDU (20.1.5).</summary>
    ComplexAck = 3,

    /// <summary>BACnet-SegmentACK-PDU (20.1.6).</summary>
    SegmentAck = 4,

    /// <summary>BACnet-Error-PDU (20.1.7).</summary>
    Error = 5,

    /// <summary>BACnet-Reject-PDU (20.1.8).</summary>
    Reject = 6,

    /// <summary>BACnet-Abort-PDU (20.1.9).</summary>
    Abort = 7,
}

/// <summary>max-segments-accepted of a confirmed request (clause 20.1.2.4).</summary>
public enum MaxSegmentsAccepted : byte
{
    /// <summary>Unspecified number of segments.</summary>
    Unspecified = 0,

    /// <summary>2 segments.</summary>
    Two = 1,

    /// <summary>4 segments.</summary>
    Four = 2,

    /// <summary>8 segments.</summary>
    Eight = 3,

    /// <summary>16 segments.</summary>
    Sixteen = 4,

    /// <summary>32 segments.</summary>
    ThirtyTwo = 5,

    /// <summary>64 segments.</summary>
    SixtyFour = 6,

    /// <summary>More than 64 segments.</summary>
    MoreThanSixtyFour = 7,
}

/// <summary>max-APDU-length-accepted of a confirmed request (clause 20.1.2.5). 6..15 are reserved.</summary>
public enum MaxApduLengthAccepted : byte
{
    /// <summary>Up to 50 octets (MS/TP minimum).</summary>
    Up50 = 0,

    /// <summary>Up to 128 octets.</summary>
    Up128 = 1,

    /// <summary>Up to 206 octets (fits LonTalk frames).</summary>
    Up206 = 2,

    /// <summary>Up to 480 octets (fits ARCNET frames).</summary>
    Up480 = 3,

    /// <summary>Up to 1024 octets.</summary>
    Up1024 = 4,

    /// <summary>Up to 1476 octets (fits ISO 8802-3 frames and BACnet/IP).</summary>
    Up1476 = 5,
}

/// <summary>BACnetConfirmedServiceChoice (ANSI/ASHRAE 135 clause 21).</summary>
public enum BacnetConfirmedService : byte
{
    /// <summary>acknowledgeAlarm (13.5).</summary>
    AcknowledgeAlarm = 0,

    /// <summary>confirmedCOVNotification (13.6).</summary>
    ConfirmedCovNotification = 1,

    /// <summary>confirmedEventNotification (13.8).</summary>
    ConfirmedEventNotification = 2,

    /// <summary>getAlarmSummary (13.10).</summary>
    GetAlarmSummary = 3,

    /// <summary>getEnrollmentSummary (13.11).</summary>
    GetEnrollmentSummary = 4,

    /// <summary>subscribeCOV (13.14).</summary>
    SubscribeCov = 5,

    /// <summary>atomicReadFile (14.1).</summary>
    AtomicReadFile = 6,

    /// <summary>atomicWriteFile (14.2).</summary>
    AtomicWriteFile = 7,

    /// <summary>addListElement (15.1).</summary>
    AddListElement = 8,

    /// <summary>removeListElement (15.2).</summary>
    RemoveListElement = 9,

    /// <summary>createObject (15.3).</summary>
    CreateObject = 10,

    /// <summary>deleteObject (15.4).</summary>
    DeleteObject = 11,

    /// <summary>readProperty (15.5).</summary>
    ReadProperty = 12,

    /// <summary>readPropertyConditional (removed from the standard).</summary>
    ReadPropertyConditional = 13,

    /// <summary>readPropertyMultiple (15.7).</summary>
    ReadPropertyMultiple = 14,

    /// <summary>writeProperty (15.9).</summary>
    WriteProperty = 15,

    /// <summary>writePropertyMultiple (15.10).</summary>
    WritePropertyMultiple = 16,

    /// <summary>deviceCommunicationControl (16.1).</summary>
    DeviceCommunicationControl = 17,

    /// <summary>confirmedPrivateTransfer (16.2).</summary>
    ConfirmedPrivateTransfer = 18,

    /// <summary>confirmedTextMessage (16.5).</summary>
    ConfirmedTextMessage = 19,

    /// <summary>reinitializeDevice (16.4).</summary>
    ReinitializeDevice = 20,

    /// <summary>vtOpen (17.1).</summary>
    VtOpen = 21,

    /// <summary>vtClose (17.2).</summary>
    VtClose = 22,

    /// <summary>vtData (17.3).</summary>
    VtData = 23,

    /// <summary>authenticate (removed from the standard).</summary>
    Authenticate = 24,

    /// <summary>requestKey (removed from the standard).</summary>
    RequestKey = 25,

    /// <summary>readRange (15.8).</summary>
    ReadRange = 26,

    /// <summary>lifeSafetyOperation (13.13).</summary>
    LifeSafetyOperation = 27,

    /// <summary>subscribeCOVProperty (13.15).</summary>
    SubscribeCovProperty = 28,

    /// <summary>getEventInformation (13.12).</summary>
    GetEventInformation = 29,

    /// <summary>subscribeCOVPropertyMultiple (13.16).</summary>
    SubscribeCovPropertyMultiple = 30,

    /// <summary>confirmedCOVNotificationMultiple (13.17).</summary>
    ConfirmedCovNotificationMultiple = 31,

    /// <summary>confirmedAuditNotification (13.20).</summary>
    ConfirmedAuditNotification = 32,

    /// <summary>auditLogQuery (13.19).</summary>
    AuditLogQuery = 33,
}

/// <summary>BACnetUnconfirmedServiceChoice (ANSI/ASHRAE 135 clause 21).</summary>
public enum BacnetUnconfirmedService : byte
{
    /// <summary>i-Am (16.10.3).</summary>
    IAm = 0,

    /// <summary>i-Have (16.9.3).</summary>
    IHave = 1,

    /// <summary>unconfirmedCOVNotification (13.7).</summary>
    UnconfirmedCovNotification = 2,

    /// <summary>unconfirmedEventNotification (13.9).</summary>
    UnconfirmedEventNotification = 3,

    /// <summary>unconfirmedPrivateTransfer (16.3).</summary>
    UnconfirmedPrivateTransfer = 4,

    /// <summary>unconfirmedTextMessage (16.6).</summary>
    UnconfirmedTextMessage = 5,

    /// <summary>timeSynchronization (16.7).</summary>
    TimeSynchronization = 6,

    /// <summary>who-Has (16.9).</summary>
    WhoHas = 7,

    /// <summary>who-Is (16.10).</summary>
    WhoIs = 8,

    /// <summary>utcTimeSynchronization (16.8).</summary>
    UtcTimeSynchronization = 9,

    /// <summary>writeGroup (15.11).</summary>
    WriteGroup = 10,

    /// <summary>unconfirmedCOVNotificationMultiple (13.18).</summary>
    UnconfirmedCovNotificationMultiple = 11,

    /// <summary>unconfirmedAuditNotification (13.21).</summary>
    UnconfirmedAuditNotification = 12,

    /// <summary>who-Am-I (16.11).</summary>
    WhoAmI = 13,

    /// <summary>you-Are (16.12).</summary>
    YouAre = 14,
}

/// <summary>BACnetRejectReason (ANSI/ASHRAE 135 clause 18.8 and 21). 64..255 are proprietary.</summary>
public enum BacnetRejectReason : byte
{
    /// <summary>other.</summary>
    Other = 0,

    /// <summary>buffer-overflow.</summary>
    BufferOverflow = 1,

    /// <summary>inconsistent-parameters.</summary>
    InconsistentParameters = 2,

    /// <summary>invalid-parameter-data-type.</summary>
    InvalidParameterDataType = 3,

    /// <summary>invalid-tag.</summary>
    InvalidTag = 4,

    /// <summary>missing-required-parameter.</summary>
    MissingRequiredParameter = 5,

    /// <summary>parameter-out-of-range.</summary>
    ParameterOutOfRange = 6,

    /// <summary>too-many-arguments.</summary>
    TooManyArguments = 7,

    /// <summary>undefined-enumeration.</summary>
    UndefinedEnumeration = 8,

    /// <summary>unrecognized-service.</summary>
    UnrecognizedService = 9,
}

/// <summary>BACnetAbortReason (ANSI/ASHRAE 135 clause 18.9 and 21). 64..255 are proprietary.</summary>
public enum BacnetAbortReason : byte
{
    /// <summary>other.</summary>
    Other = 0,

    /// <summary>buffer-overflow.</summary>
    BufferOverflow = 1,

    /// <summary>invalid-apdu-in-this-state.</summary>
    InvalidApduInThisState = 2,

    /// <summary>preempted-by-higher-priority-task.</summary>
    PreemptedByHigherPriorityTask = 3,

    /// <summary>segmentation-not-supported.</summary>
    SegmentationNotSupported = 4,

    /// <summary>security-error.</summary>
    SecurityError = 5,

    /// <summary>insufficient-security.</summary>
    InsufficientSecurity = 6,

    /// <summary>window-size-out-of-range.</summary>
    WindowSizeOutOfRange = 7,

    /// <summary>application-exceeded-reply-time.</summary>
    ApplicationExceededReplyTime = 8,

    /// <summary>out-of-resources.</summary>
    OutOfResources = 9,

    /// <summary>tsm-timeout.</summary>
    TsmTimeout = 10,

    /// <summary>apdu-too-long.</summary>
    ApduTooLong = 11,
}

/// <summary>BACnet error classes (ANSI/ASHRAE 135 clause 18). 64..65535 are proprietary.</summary>
public enum BacnetErrorClass : ushort
{
    /// <summary>device.</summary>
    Device = 0,

    /// <summary>object.</summary>
    Object = 1,

    /// <summary>property.</summary>
    Property = 2,

    /// <summary>resources.</summary>
    Resources = 3,

    /// <summary>security.</summary>
    Security = 4,

    /// <summary>services.</summary>
    Services = 5,

    /// <summary>vt.</summary>
    Vt = 6,

    /// <summary>communication.</summary>
    Communication = 7,
}

/// <summary>BACnetSegmentation (ANSI/ASHRAE 135 clause 21), as announced by I-Am.</summary>
public enum BacnetSegmentation : byte
{
    /// <summary>segmented-both.</summary>
    SegmentedBoth = 0,

    /// <summary>segmented-transmit.</summary>
    SegmentedTransmit = 1,

    /// <summary>segmented-receive.</summary>
    SegmentedReceive = 2,

    /// <summary>no-segmentation.</summary>
    NoSegmentation = 3,
}

/// <summary>enable-disable parameter of DeviceCommunicationControl (clause 16.1.1.1.2).</summary>
public enum BacnetCommunicationEnableDisable : byte
{
    /// <summary>enable.</summary>
    Enable = 0,

    /// <summary>disable (removed in later revisions, still seen on the wire).</summary>
    Disable = 1,

    /// <summary>disable-initiation.</summary>
    DisableInitiation = 2,
}

/// <summary>reinitializedStateOfDevice of ReinitializeDevice (clause 16.4.1.1.1).</summary>
public enum BacnetReinitializedState : byte
{
    /// <summary>coldstart.</summary>
    Coldstart = 0,

    /// <summary>warmstart.</summary>
    Warmstart = 1,

    /// <summary>start-backup.</summary>
    StartBackup = 2,

    /// <summary>end-backup.</summary>
    EndBackup = 3,

    /// <summary>start-restore.</summary>
    StartRestore = 4,

    /// <summary>end-restore.</summary>
    EndRestore = 5,

    /// <summary>abort-restore.</summary>
    AbortRestore = 6,

    /// <summary>activate-changes.</summary>
    ActivateChanges = 7,
}

/// <summary>File access method of AtomicReadFile and AtomicWriteFile (clause 14.1, 14.2).</summary>
public enum BacnetFileAccessMethod : byte
{
    /// <summary>streamAccess (context tag 0).</summary>
    Stream = 0,

    /// <summary>recordAccess (context tag 1).</summary>
    Record = 1,
}
