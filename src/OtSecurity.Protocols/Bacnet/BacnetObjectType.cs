namespace OtSecurity.Protocols.Bacnet;

/// <summary>BACnet object types (ANSI/ASHRAE 135 clause 21, BACnetObjectType). Values 128..1023 are proprietary.</summary>
public enum BacnetObjectType : ushort
{
    /// <summary>analog-input (0).</summary>
    AnalogInput = 0,

    /// <summary>analog-output (1).</summary>
    AnalogOutput = 1,

    /// <summary>analog-value (2).</summary>
    AnalogValue = 2,

    /// <summary>binary-input (3).</summary>
    BinaryInput = 3,

    /// <summary>binary-output (4).</summary>
    BinaryOutput = 4,

    /// <summary>binary-value (5).</summary>
    BinaryValue = 5,

    /// <summary>calendar (6).</summary>
    Calendar = 6,

    /// <summary>command (7).</summary>
    Command = 7,

    /// <summary>device (8).</summary>
    Device = 8,

    /// <summary>event-enrollment (9).</summary>
    EventEnrollment = 9,

    /// <summary>file (10).</summary>
    File = 10,

    /// <summary>group (11).</summary>
    Group = 11,

    /// <summary>loop (12).</summary>
    Loop = 12,

    /// <summary>multi-state-input (13).</summary>
    MultiStateInput = 13,

    /// <summary>multi-state-output (14).</summary>
    MultiStateOutput = 14,

    /// <summary>notification-class (15).</summary>
    NotificationClass = 15,

    /// <summary>program (16).</summary>
    Program = 16,

    /// <summary>schedule (17).</summary>
    Schedule = 17,

    /// <summary>averaging (18).</summary>
    Averaging = 18,

    /// <summary>multi-state-value (19).</summary>
    MultiStateValue = 19,

    /// <summary>trend-log (20).</summary>
    TrendLog = 20,

    /// <summary>life-safety-point (21).</summary>
    LifeSafetyPoint = 21,

    /// <summary>life-safety-zone (22).</summary>
    LifeSafetyZone = 22,

    /// <summary>accumulator (23).</summary>
    Accumulator = 23,

    /// <summary>pulse-converter (24).</summary>
    PulseConverter = 24,

    /// <summary>event-log (25).</summary>
    EventLog = 25,

    /// <summary>global-group (26).</summary>
    GlobalGroup = 26,

    /// <summary>trend-log-multiple (27).</summary>
    TrendLogMultiple = 27,

    /// <summary>load-control (28).</summary>
    LoadControl = 28,

    /// <summary>structured-view (29).</summary>
    StructuredView = 29,

    /// <summary>access-door (30).</summary>
    AccessDoor = 30,

    /// <summary>timer (31).</summary>
    Timer = 31,

    /// <summary>access-credential (32).</summary>
    AccessCredential = 32,

    /// <summary>access-point (33).</summary>
    AccessPoint = 33,

    /// <summary>access-rights (34).</summary>
    AccessRights = 34,

    /// <summary>access-user (35).</summary>
    AccessUser = 35,

    /// <summary>access-zone (36).</summary>
    AccessZone = 36,

    /// <summary>credential-data-input (37).</summary>
    CredentialDataInput = 37,

    /// <summary>network-security (38).</summary>
    NetworkSecurity = 38,

    /// <summary>bitstring-value (39).</summary>
    BitstringValue = 39,

    /// <summary>characterstring-value (40).</summary>
    CharacterstringValue = 40,

    /// <summary>date-pattern-value (41).</summary>
    DatePatternValue = 41,

    /// <summary>date-value (42).</summary>
    DateValue = 42,

    /// <summary>datetime-pattern-value (43).</summary>
    DatetimePatternValue = 43,

    /// <summary>datetime-value (44).</summary>
    DatetimeValue = 44,

    /// <summary>integer-value (45).</summary>
    IntegerValue = 45,

    /// <summary>large-analog-value (46).</summary>
    LargeAnalogValue = 46,

    /// <summary>octetstring-value (47).</summary>
    OctetstringValue = 47,

    /// <summary>positive-integer-value (48).</summary>
    PositiveIntegerValue = 48,

    /// <summary>time-pattern-value (49).</summary>
    TimePatternValue = 49,

    /// <summary>time-value (50).</summary>
    TimeValue = 50,

    /// <summary>notification-forwarder (51).</summary>
    NotificationForwarder = 51,

    /// <summary>alert-enrollment (52).</summary>
    AlertEnrollment = 52,

    /// <summary>channel (53).</summary>
    Channel = 53,

    /// <summary>lighting-output (54).</summary>
    LightingOutput = 54,

    /// <summary>binary-lighting-output (55).</summary>
    BinaryLightingOutput = 55,

    /// <summary>network-port (56).</summary>
    NetworkPort = 56,

    /// <summary>elevator-group (57).</summary>
    ElevatorGroup = 57,

    /// <summary>escalator (58).</summary>
    Escalator = 58,

    /// <summary>lift (59).</summary>
    Lift = 59,

    /// <summary>staging (60).</summary>
    Staging = 60,

    /// <summary>audit-log (61).</summary>
    AuditLog = 61,

    /// <summary>audit-reporter (62).</summary>
    AuditReporter = 62,

    /// <summary>color (63).</summary>
    Color = 63,

    /// <summary>color-temperature (64).</summary>
    ColorTemperature = 64,
}
