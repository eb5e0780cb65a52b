namespace OtSecurity.Protocols.Bacnet;

/// <summary>BACnet property identifiers (ANSI/ASHRAE 135 clause 21, BACnetPropertyIdentifier). Values 512..4194303 are proprietary.</summary>
public enum BacnetPropertyIdentifier : uint
{
    /// <summary>acked-transition (0).</summary>
    AckedTransition = 0,

    /// <summary>ack-required (1).</summary>
    AckRequired = 1,

    /// <summary>action (2).</summary>
    Action = 2,

    /// <summary>action-text (3).</summary>
    ActionText = 3,

    /// <summary>active-text (4).</summary>
    ActiveText = 4,

    /// <summary>active-vt-session (5).</summary>
    ActiveVtSession = 5,

    /// <summary>alarm-value (6).</summary>
    AlarmValue = 6,

    /// <summary>alarm-values (7).</summary>
    AlarmValues = 7,

    /// <summary>all (8).</summary>
    All = 8,

    /// <summary>all-writes-successful (9).</summary>
    AllWritesSuccessful = 9,

    /// <summary>apdu-segment-timeout (10).</summary>
    ApduSegmentTimeout = 10,

    /// <summary>apdu-timeout (11).</summary>
    ApduTimeout = 11,

    /// <summary>application-software-version (12).</summary>
    ApplicationSoftwareVersion = 12,

    /// <summary>archive (13).</summary>
    Archive = 13,

    /// <summary>bias (14).</summary>
    Bias = 14,

    /// <summary>change-of-state-count (15).</summary>
    ChangeOfStateCount = 15,

    /// <summary>change-of-state-time (16).</summary>
    ChangeOfStateTime = 16,

    /// <summary>notification-class (17).</summary>
    NotificationClass = 17,

    /// <summary>the property in this place was deleted (18).</summary>
    ThePropertyInThisPlaceWasDeleted = 18,

    /// <summary>controlled-variable-reference (19).</summary>
    ControlledVariableReference = 19,

    /// <summary>controlled-variable-units (20).</summary>
    ControlledVariableUnits = 20,

    /// <summary>controlled-variable-value (21).</summary>
    ControlledVariableValue = 21,

    /// <summary>cov-increment (22).</summary>
    CovIncrement = 22,

    /// <summary>datelist (23).</summary>
    Datelist = 23,

    /// <summary>daylights-savings-status (24).</summary>
    DaylightsSavingsStatus = 24,

    /// <summary>deadband (25).</summary>
    Deadband = 25,

    /// <summary>derivative-constant (26).</summary>
    DerivativeConstant = 26,

    /// <summary>derivative-constant-units (27).</summary>
    DerivativeConstantUnits = 27,

    /// <summary>description (28).</summary>
    Description = 28,

    /// <summary>description-of-halt (29).</summary>
    DescriptionOfHalt = 29,

    /// <summary>device-address-binding (30).</summary>
    DeviceAddressBinding = 30,

    /// <summary>device-type (31).</summary>
    DeviceType = 31,

    /// <summary>effective-period (32).</summary>
    EffectivePeriod = 32,

    /// <summary>elapsed-active-time (33).</summary>
    ElapsedActiveTime = 33,

    /// <summary>error-limit (34).</summary>
    ErrorLimit = 34,

    /// <summary>event-enable (35).</summary>
    EventEnable = 35,

    /// <summary>event-state (36).</summary>
    EventState = 36,

    /// <summary>event-type (37).</summary>
    EventType = 37,

    /// <summary>exception-schedule (38).</summary>
    ExceptionSchedule = 38,

    /// <summary>fault-values (39).</summary>
    FaultValues = 39,

    /// <summary>feedback-value (40).</summary>
    FeedbackValue = 40,

    /// <summary>file-access-method (41).</summary>
    FileAccessMethod = 41,

    /// <summary>file-size (42).</summary>
    FileSize = 42,

    /// <summary>file-type (43).</summary>
    FileType = 43,

    /// <summary>firmware-revision (44).</summary>
    FirmwareRevision = 44,

    /// <summary>high-limit (45).</summary>
    HighLimit = 45,

    /// <summary>inactive-text (46).</summary>
    InactiveText = 46,

    /// <summary>in-process (47).</summary>
    InProcess = 47,

    /// <summary>instance-of (48).</summary>
    InstanceOf = 48,

    /// <summary>integral-constant (49).</summary>
    IntegralConstant = 49,

    /// <summary>integral-constant-units (50).</summary>
    IntegralConstantUnits = 50,

    /// <summary>issue-confirmed-notifications (51).</summary>
    IssueConfirmedNotifications = 51,

    /// <summary>limit-enable (52).</summary>
    LimitEnable = 52,

    /// <summary>list-of-group-members (53).</summary>
    ListOfGroupMembers = 53,

    /// <summary>list-of-object-property-references (54).</summary>
    ListOfObjectPropertyReferences = 54,

    /// <summary>list-of-session-keys (55).</summary>
    ListOfSessionKeys = 55,

    /// <summary>local-date (56).</summary>
    LocalDate = 56,

    /// <summary>local-time (57).</summary>
    LocalTime = 57,

    /// <summary>location (58).</summary>
    Location = 58,

    /// <summary>low-limit (59).</summary>
    LowLimit = 59,

    /// <summary>manipulated-variable-reference (60).</summary>
    ManipulatedVariableReference = 60,

    /// <summary>maximum-output (61).</summary>
    MaximumOutput = 61,

    /// <summary>max-apdu-length-accepted (62).</summary>
    MaxApduLengthAccepted = 62,

    /// <summary>max-info-frames (63).</summary>
    MaxInfoFrames = 63,

    /// <summary>max-master (64).</summary>
    MaxMaster = 64,

    /// <summary>max-pres-value (65).</summary>
    MaxPresValue = 65,

    /// <summary>minimum-off-time (66).</summary>
    MinimumOffTime = 66,

    /// <summary>minimum-on-time (67).</summary>
    MinimumOnTime = 67,

    /// <summary>minimum-output (68).</summary>
    MinimumOutput = 68,

    /// <summary>min-pres-value (69).</summary>
    MinPresValue = 69,

    /// <summary>model-name (70).</summary>
    ModelName = 70,

    /// <summary>modification-date (71).</summary>
    ModificationDate = 71,

    /// <summary>notify-type (72).</summary>
    NotifyType = 72,

    /// <summary>number-of-APDU-retries (73).</summary>
    NumberOfAPDURetries = 73,

    /// <summary>number-of-states (74).</summary>
    NumberOfStates = 74,

    /// <summary>object-identifier (75).</summary>
    ObjectIdentifier = 75,

    /// <summary>object-list (76).</summary>
    ObjectList = 76,

    /// <summary>object-name (77).</summary>
    ObjectName = 77,

    /// <summary>object-property-reference (78).</summary>
    ObjectPropertyReference = 78,

    /// <summary>object-type (79).</summary>
    ObjectType = 79,

    /// <summary>optional (80).</summary>
    Optional = 80,

    /// <summary>out-of-service (81).</summary>
    OutOfService = 81,

    /// <summary>output-units (82).</summary>
    OutputUnits = 82,

    /// <summary>event-parameters (83).</summary>
    EventParameters = 83,

    /// <summary>polarity (84).</summary>
    Polarity = 84,

    /// <summary>present-value (85).</summary>
    PresentValue = 85,

    /// <summary>priority (86).</summary>
    Priority = 86,

    /// <summary>priority-array (87).</summary>
    PriorityArray = 87,

    /// <summary>priority-for-writing (88).</summary>
    PriorityForWriting = 88,

    /// <summary>process-identifier (89).</summary>
    ProcessIdentifier = 89,

    /// <summary>program-change (90).</summary>
    ProgramChange = 90,

    /// <summary>program-location (91).</summary>
    ProgramLocation = 91,

    /// <summary>program-state (92).</summary>
    ProgramState = 92,

    /// <summary>proportional-constant (93).</summary>
    ProportionalConstant = 93,

    /// <summary>proportional-constant-units (94).</summary>
    ProportionalConstantUnits = 94,

    /// <summary>protocol-conformance-class (95).</summary>
    ProtocolConformanceClass = 95,

    /// <summary>protocol-object-types-supported (96).</summary>
    ProtocolObjectTypesSupported = 96,

    /// <summary>protocol-services-supported (97).</summary>
    ProtocolServicesSupported = 97,

    /// <summary>protocol-version (98).</summary>
    ProtocolVersion = 98,

    /// <summary>read-only (99).</summary>
    ReadOnly = 99,

    /// <summary>reason-for-halt (100).</summary>
    ReasonForHalt = 100,

    /// <summary>recipient (101).</summary>
    Recipient = 101,

    /// <summary>recipient-list (102).</summary>
    RecipientList = 102,

    /// <summary>reliability (103).</summary>
    Reliability = 103,

    /// <summary>relinquish-default (104).</summary>
    RelinquishDefault = 104,

    /// <summary>required (105).</summary>
    Required = 105,

    /// <summary>resolution (106).</summary>
    Resolution = 106,

    /// <summary>segmentation-supported (107).</summary>
    SegmentationSupported = 107,

    /// <summary>setpoint (108).</summary>
    Setpoint = 108,

    /// <summary>setpoint-reference (109).</summary>
    SetpointReference = 109,

    /// <summary>state-text (110).</summary>
    StateText = 110,

    /// <summary>status-flags (111).</summary>
    StatusFlags = 111,

    /// <summary>system-status (112).</summary>
    SystemStatus = 112,

    /// <summary>time-delay (113).</summary>
    TimeDelay = 113,

    /// <summary>time-of-active-time-reset (114).</summary>
    TimeOfActiveTimeReset = 114,

    /// <summary>time-of-state-count-reset (115).</summary>
    TimeOfStateCountReset = 115,

    /// <summary>time-synchronization-recipients (116).</summary>
    TimeSynchronizationRecipients = 116,

    /// <summary>units (117).</summary>
    Units = 117,

    /// <summary>update-interval (118).</summary>
    UpdateInterval = 118,

    /// <summary>utc-offset (119).</summary>
    UtcOffset = 119,

    /// <summary>vendor-identifier (120).</summary>
    VendorIdentifier = 120,

    /// <summary>vendor-name (121).</summary>
    VendorName = 121,

    /// <summary>vt-class-supported (122).</summary>
    VtClassSupported = 122,

    /// <summary>weekly-schedule (123).</summary>
    WeeklySchedule = 123,

    /// <summary>attempted-samples (124).</summary>
    AttemptedSamples = 124,

    /// <summary>average-value (125).</summary>
    AverageValue = 125,

    /// <summary>buffer-size (126).</summary>
    BufferSize = 126,

    /// <summary>client-cov-increment (127).</summary>
    ClientCovIncrement = 127,

    /// <summary>cov-resubscription-interval (128).</summary>
    CovResubscriptionInterval = 128,

    /// <summary>current-notify-time (129).</summary>
    CurrentNotifyTime = 129,

    /// <summary>event-time-stamp (130).</summary>
    EventTimeStamp = 130,

    /// <summary>log-buffer (131).</summary>
    LogBuffer = 131,

    /// <summary>log-device-object-property (132).</summary>
    LogDeviceObjectProperty = 132,

    /// <summary>enable (133).</summary>
    Enable = 133,

    /// <summary>log-interval (134).</summary>
    LogInterval = 134,

    /// <summary>maximum-value (135).</summary>
    MaximumValue = 135,

    /// <summary>minimum-value (136).</summary>
    MinimumValue = 136,

    /// <summary>notification-threshold (137).</summary>
    NotificationThreshold = 137,

    /// <summary>previous-notify-time (138).</summary>
    PreviousNotifyTime = 138,

    /// <summary>protocol-revision (139).</summary>
    ProtocolRevision = 139,

    /// <summary>records-since-notification (140).</summary>
    RecordsSinceNotification = 140,

    /// <summary>record-count (141).</summary>
    RecordCount = 141,

    /// <summary>start-time (142).</summary>
    StartTime = 142,

    /// <summary>stop-time (143).</summary>
    StopTime = 143,

    /// <summary>stop-when-full (144).</summary>
    StopWhenFull = 144,

    /// <summary>total-record-count (145).</summary>
    TotalRecordCount = 145,

    /// <summary>valid-samples (146).</summary>
    ValidSamples = 146,

    /// <summary>window-interval (147).</summary>
    WindowInterval = 147,

    /// <summary>window-samples (148).</summary>
    WindowSamples = 148,

    /// <summary>maximum-value-time-stamp (149).</summary>
    MaximumValueTimeStamp = 149,

    /// <summary>minimum-value-time-stamp (150).</summary>
    MinimumValueTimeStamp = 150,

    /// <summary>variance-value (151).</summary>
    VarianceValue = 151,

    /// <summary>active-cov-subscriptions (152).</summary>
    ActiveCovSubscriptions = 152,

    /// <summary>backup-failure-timeout (153).</summary>
    BackupFailureTimeout = 153,

    /// <summary>configuration-files (154).</summary>
    ConfigurationFiles = 154,

    /// <summary>database-revision (155).</summary>
    DatabaseRevision = 155,

    /// <summary>direct-reading (156).</summary>
    DirectReading = 156,

    /// <summary>last-restore-time (157).</summary>
    LastRestoreTime = 157,

    /// <summary>maintenance-required (158).</summary>
    MaintenanceRequired = 158,

    /// <summary>member-of (159).</summary>
    MemberOf = 159,

    /// <summary>mode (160).</summary>
    Mode = 160,

    /// <summary>operation-expected (161).</summary>
    OperationExpected = 161,

    /// <summary>setting (162).</summary>
    Setting = 162,

    /// <summary>silenced (163).</summary>
    Silenced = 163,

    /// <summary>tracking-value (164).</summary>
    TrackingValue = 164,

    /// <summary>zone-members (165).</summary>
    ZoneMembers = 165,

    /// <summary>life-safety-alarm-values (166).</summary>
    LifeSafetyAlarmValues = 166,

    /// <summary>max-segments-accepted (167).</summary>
    MaxSegmentsAccepted = 167,

    /// <summary>profile-name (168).</summary>
    ProfileName = 168,

    /// <summary>auto-slave-discovery (169).</summary>
    AutoSlaveDiscovery = 169,

    /// <summary>manual-slave-address-binding (170).</summary>
    ManualSlaveAddressBinding = 170,

    /// <summary>slave-address-binding (171).</summary>
    SlaveAddressBinding = 171,

    /// <summary>slave-proxy-enable (172).</summary>
    SlaveProxyEnable = 172,

    /// <summary>last-notify-record (173).</summary>
    LastNotifyRecord = 173,

    /// <summary>schedule-default (174).</summary>
    ScheduleDefault = 174,

    /// <summary>accepted-modes (175).</summary>
    AcceptedModes = 175,

    /// <summary>adjust-value (176).</summary>
    AdjustValue = 176,

    /// <summary>count (177).</summary>
    Count = 177,

    /// <summary>count-before-change (178).</summary>
    CountBeforeChange = 178,

    /// <summary>count-change-time (179).</summary>
    CountChangeTime = 179,

    /// <summary>cov-period (180).</summary>
    CovPeriod = 180,

    /// <summary>input-reference (181).</summary>
    InputReference = 181,

    /// <summary>limit-monitoring-interval (182).</summary>
    LimitMonitoringInterval = 182,

    /// <summary>logging-object (183).</summary>
    LoggingObject = 183,

    /// <summary>logging-record (184).</summary>
    LoggingRecord = 184,

    /// <summary>prescale (185).</summary>
    Prescale = 185,

    /// <summary>pulse-rate (186).</summary>
    PulseRate = 186,

    /// <summary>scale (187).</summary>
    Scale = 187,

    /// <summary>scale-factor (188).</summary>
    ScaleFactor = 188,

    /// <summary>update-time (189).</summary>
    UpdateTime = 189,

    /// <summary>value-before-change (190).</summary>
    ValueBeforeChange = 190,

    /// <summary>value-set (191).</summary>
    ValueSet = 191,

    /// <summary>value-change-time (192).</summary>
    ValueChangeTime = 192,

    /// <summary>align-intervals (193).</summary>
    AlignIntervals = 193,

    /// <summary>group-member-names (194).</summary>
    GroupMemberNames194 = 194,

    /// <summary>interval-offset (195).</summary>
    IntervalOffset = 195,

    /// <summary>last-restart-reason (196).</summary>
    LastRestartReason = 196,

    /// <summary>logging-type (197).</summary>
    LoggingType = 197,

    /// <summary>member-status-flags (198).</summary>
    MemberStatusFlags198 = 198,

    /// <summary>notification-period (199).</summary>
    NotificationPeriod = 199,

    /// <summary>previous-notify-record (200).</summary>
    PreviousNotifyRecord = 200,

    /// <summary>requested-update-interval (201).</summary>
    RequestedUpdateInterval201 = 201,

    /// <summary>restart-notification-recipients (202).</summary>
    RestartNotificationRecipients = 202,

    /// <summary>time-of-device-restart (203).</summary>
    TimeOfDeviceRestart = 203,

    /// <summary>time-synchronization-interval (204).</summary>
    TimeSynchronizationInterval = 204,

    /// <summary>trigger (205).</summary>
    Trigger = 205,

    /// <summary>UTC-time-synchronization-recipients (206).</summary>
    UTCTimeSynchronizationRecipients = 206,

    /// <summary>node-subtype (207).</summary>
    NodeSubtype207 = 207,

    /// <summary>node-type (208).</summary>
    NodeType208 = 208,

    /// <summary>structured-object-list (209).</summary>
    StructuredObjectList = 209,

    /// <summary>subordinate-annotations (210).</summary>
    SubordinateAnnotations = 210,

    /// <summary>subordinate-list (211).</summary>
    SubordinateList = 211,

    /// <summary>actual-shed-level (212).</summary>
    ActualShedLevel = 212,

    /// <summary>duty-window (213).</summary>
    DutyWindow = 213,

    /// <summary>expected-shed-level (214).</summary>
    ExpectedShedLevel = 214,

    /// <summary>full-duty-baseline (215).</summary>
    FullDutyBaseline = 215,

    /// <summary>node-subtype (216).</summary>
    NodeSubtype216 = 216,

    /// <summary>node-type (217).</summary>
    NodeType217 = 217,

    /// <summary>requested-shed-level (218).</summary>
    RequestedShedLevel = 218,

    /// <summary>shed-duration (219).</summary>
    ShedDuration = 219,

    /// <summary>shed-level-descriptions (220).</summary>
    ShedLevelDescriptions = 220,

    /// <summary>shed-levels (221).</summary>
    ShedLevels = 221,

    /// <summary>state-description (222).</summary>
    StateDescription = 222,

    /// <summary>door-alarm-state (226).</summary>
    DoorAlarmState = 226,

    /// <summary>door-extended-pulse-time (227).</summary>
    DoorExtendedPulseTime = 227,

    /// <summary>door-members (228).</summary>
    DoorMembers = 228,

    /// <summary>door-open-too-long-time (229).</summary>
    DoorOpenTooLongTime = 229,

    /// <summary>door-pulse-time (230).</summary>
    DoorPulseTime = 230,

    /// <summary>door-status (231).</summary>
    DoorStatus = 231,

    /// <summary>door-unlock-delay-time (232).</summary>
    DoorUnlockDelayTime = 232,

    /// <summary>lock-status (233).</summary>
    LockStatus = 233,

    /// <summary>masked-alarm-values (234).</summary>
    MaskedAlarmValues = 234,

    /// <summary>secured-status (235).</summary>
    SecuredStatus = 235,

    /// <summary>absentee-limit (244).</summary>
    AbsenteeLimit = 244,

    /// <summary>access-alarm-events (245).</summary>
    AccessAlarmEvents = 245,

    /// <summary>access-doors (246).</summary>
    AccessDoors = 246,

    /// <summary>access-event (247).</summary>
    AccessEvent = 247,

    /// <summary>access-event-authentication-factor (248).</summary>
    AccessEventAuthenticationFactor = 248,

    /// <summary>access-event-credential (249).</summary>
    AccessEventCredential = 249,

    /// <summary>access-event-time (250).</summary>
    AccessEventTime = 250,

    /// <summary>access-transaction-events (251).</summary>
    AccessTransactionEvents = 251,

    /// <summary>accompaniment (252).</summary>
    Accompaniment = 252,

    /// <summary>accompaniment-time (253).</summary>
    AccompanimentTime = 253,

    /// <summary>activation-time (254).</summary>
    ActivationTime = 254,

    /// <summary>active-authentication-policy (255).</summary>
    ActiveAuthenticationPolicy = 255,

    /// <summary>assigned-access-rights (256).</summary>
    AssignedAccessRights = 256,

    /// <summary>authentication-factors (257).</summary>
    AuthenticationFactors = 257,

    /// <summary>authentication-policy-list (258).</summary>
    AuthenticationPolicyList = 258,

    /// <summary>authentication-policy-names (259).</summary>
    AuthenticationPolicyNames = 259,

    /// <summary>authentication-status (260).</summary>
    AuthenticationStatus = 260,

    /// <summary>authorization-mode (261).</summary>
    AuthorizationMode = 261,

    /// <summary>belongs-to (262).</summary>
    BelongsTo = 262,

    /// <summary>credential-disable (263).</summary>
    CredentialDisable = 263,

    /// <summary>credential-status (264).</summary>
    CredentialStatus = 264,

    /// <summary>credentials (265).</summary>
    Credentials = 265,

    /// <summary>credentials-in-zone (266).</summary>
    CredentialsInZone = 266,

    /// <summary>days-remaining (267).</summary>
    DaysRemaining = 267,

    /// <summary>entry-points (268).</summary>
    EntryPoints = 268,

    /// <summary>exit-points (269).</summary>
    ExitPoints = 269,

    /// <summary>expiration-time (270).</summary>
    ExpirationTime = 270,

    /// <summary>extended-time-enable (271).</summary>
    ExtendedTimeEnable = 271,

    /// <summary>failed-attempt-events (272).</summary>
    FailedAttemptEvents = 272,

    /// <summary>failed-attempts (273).</summary>
    FailedAttempts = 273,

    /// <summary>failed-attempts-time (274).</summary>
    FailedAttemptsTime = 274,

    /// <summary>last-access-event (275).</summary>
    LastAccessEvent = 275,

    /// <summary>last-access-point (276).</summary>
    LastAccessPoint = 276,

    /// <summary>last-credential-added (277).</summary>
    LastCredentialAdded = 277,

    /// <summary>last-credential-added-time (278).</summary>
    LastCredentialAddedTime = 278,

    /// <summary>last-credential-removed (279).</summary>
    LastCredentialRemoved = 279,

    /// <summary>last-credential-removed-time (280).</summary>
    LastCredentialRemovedTime = 280,

    /// <summary>last-use-time (281).</summary>
    LastUseTime = 281,

    /// <summary>lockout (282).</summary>
    Lockout = 282,

    /// <summary>lockout-relinquish-time (283).</summary>
    LockoutRelinquishTime = 283,

    /// <summary>master-exemption (284).</summary>
    MasterExemption = 284,

    /// <summary>max-failed-attempts (285).</summary>
    MaxFailedAttempts = 285,

    /// <summary>members (286).</summary>
    Members = 286,

    /// <summary>muster-point (287).</summary>
    MusterPoint = 287,

    /// <summary>negative-access-rules (288).</summary>
    NegativeAccessRules = 288,

    /// <summary>number-of-authentication-policies (289).</summary>
    NumberOfAuthenticationPolicies = 289,

    /// <summary>occupancy-count (290).</summary>
    OccupancyCount = 290,

    /// <summary>occupancy-count-adjust (291).</summary>
    OccupancyCountAdjust = 291,

    /// <summary>occupancy-count-enable (292).</summary>
    OccupancyCountEnable = 292,

    /// <summary>occupancy-exemption (293).</summary>
    OccupancyExemption = 293,

    /// <summary>occupancy-lower-limit (294).</summary>
    OccupancyLowerLimit = 294,

    /// <summary>occupancy-lower-limit-enforced (295).</summary>
    OccupancyLowerLimitEnforced = 295,

    /// <summary>occupancy-state (296).</summary>
    OccupancyState = 296,

    /// <summary>occupancy-upper-limit (297).</summary>
    OccupancyUpperLimit = 297,

    /// <summary>occupancy-upper-limit-enforced (298).</summary>
    OccupancyUpperLimitEnforced = 298,

    /// <summary>passback-exemption (299).</summary>
    PassbackExemption = 299,

    /// <summary>passback-mode (300).</summary>
    PassbackMode = 300,

    /// <summary>passback-timeout (301).</summary>
    PassbackTimeout = 301,

    /// <summary>positive-access-rules (302).</summary>
    PositiveAccessRules = 302,

    /// <summary>reason-for-disable (303).</summary>
    ReasonForDisable = 303,

    /// <summary>supported-formats (304).</summary>
    SupportedFormats = 304,

    /// <summary>supported-format-classes (305).</summary>
    SupportedFormatClasses = 305,

    /// <summary>threat-authority (306).</summary>
    ThreatAuthority = 306,

    /// <summary>threat-level (307).</summary>
    ThreatLevel = 307,

    /// <summary>trace-flag (308).</summary>
    TraceFlag = 308,

    /// <summary>transaction-notification-class (309).</summary>
    TransactionNotificationClass = 309,

    /// <summary>user-external-identifier (310).</summary>
    UserExternalIdentifier = 310,

    /// <summary>user-information-reference (311).</summary>
    UserInformationReference = 311,

    /// <summary>user-name (317).</summary>
    UserName = 317,

    /// <summary>user-type (318).</summary>
    UserType = 318,

    /// <summary>uses-remaining (319).</summary>
    UsesRemaining = 319,

    /// <summary>zone-from (320).</summary>
    ZoneFrom = 320,

    /// <summary>zone-to (321).</summary>
    ZoneTo = 321,

    /// <summary>access-event-tag (322).</summary>
    AccessEventTag = 322,

    /// <summary>global-identifier (323).</summary>
    GlobalIdentifier = 323,

    /// <summary>verification-time (326).</summary>
    VerificationTime = 326,

    /// <summary>base-device-security-policy (327).</summary>
    BaseDeviceSecurityPolicy = 327,

    /// <summary>distribution-key-revision (328).</summary>
    DistributionKeyRevision = 328,

    /// <summary>do-not-hide (329).</summary>
    DoNotHide = 329,

    /// <summary>key-sets (330).</summary>
    KeySets = 330,

    /// <summary>last-key-server (331).</summary>
    LastKeyServer = 331,

    /// <summary>network-access-security-policies (332).</summary>
    NetworkAccessSecurityPolicies = 332,

    /// <summary>packet-reorder-time (333).</summary>
    PacketReorderTime = 333,

    /// <summary>security-pdu-timeout (334).</summary>
    SecurityPduTimeout = 334,

    /// <summary>security-time-window (335).</summary>
    SecurityTimeWindow = 335,

    /// <summary>supported-security-algorithms (336).</summary>
    SupportedSecurityAlgorithms = 336,

    /// <summary>update-key-set-timeout (337).</summary>
    UpdateKeySetTimeout = 337,

    /// <summary>backup-and-restore-state (338).</summary>
    BackupAndRestoreState = 338,

    /// <summary>backup-preparation-time (339).</summary>
    BackupPreparationTime = 339,

    /// <summary>restore-completion-time (340).</summary>
    RestoreCompletionTime = 340,

    /// <summary>restore-preparation-time (341).</summary>
    RestorePreparationTime = 341,

    /// <summary>bit-mask (342).</summary>
    BitMask = 342,

    /// <summary>bit-text (343).</summary>
    BitText = 343,

    /// <summary>is-utc (344).</summary>
    IsUtc = 344,

    /// <summary>group-members (345).</summary>
    GroupMembers = 345,

    /// <summary>group-member-names (346).</summary>
    GroupMemberNames346 = 346,

    /// <summary>member-status-flags (347).</summary>
    MemberStatusFlags347 = 347,

    /// <summary>requested-update-interval (348).</summary>
    RequestedUpdateInterval348 = 348,

    /// <summary>covu-period (349).</summary>
    CovuPeriod = 349,

    /// <summary>covu-recipients (350).</summary>
    CovuRecipients = 350,

    /// <summary>event-message-texts (351).</summary>
    EventMessageTexts = 351,

    /// <summary>event-message-texts-config (352).</summary>
    EventMessageTextsConfig = 352,

    /// <summary>event-detection-enable (353).</summary>
    EventDetectionEnable = 353,

    /// <summary>event-algorithm-inhibit (354).</summary>
    EventAlgorithmInhibit = 354,

    /// <summary>event-algorithm-inhibit-ref (355).</summary>
    EventAlgorithmInhibitRef = 355,

    /// <summary>time-delay-normal (356).</summary>
    TimeDelayNormal = 356,

    /// <summary>reliability-evaluation-inhibit (357).</summary>
    ReliabilityEvaluationInhibit = 357,

    /// <summary>fault-parameters (358).</summary>
    FaultParameters = 358,

    /// <summary>fault-type (359).</summary>
    FaultType = 359,

    /// <summary>local-forwarding-only (360).</summary>
    LocalForwardingOnly = 360,

    /// <summary>process-identifier-filter (361).</summary>
    ProcessIdentifierFilter = 361,

    /// <summary>subscribed-recipients (362).</summary>
    SubscribedRecipients = 362,

    /// <summary>port-filter (363).</summary>
    PortFilter = 363,

    /// <summary>authorization-exemptions (364).</summary>
    AuthorizationExemptions = 364,

    /// <summary>allow-group-delay-inhibit (365).</summary>
    AllowGroupDelayInhibit = 365,

    /// <summary>channel-number (366).</summary>
    ChannelNumber = 366,

    /// <summary>control-groups (367).</summary>
    ControlGroups = 367,

    /// <summary>execution-delay (368).</summary>
    ExecutionDelay = 368,

    /// <summary>last-priority (369).</summary>
    LastPriority = 369,

    /// <summary>write-status (370).</summary>
    WriteStatus = 370,

    /// <summary>property-list (371).</summary>
    PropertyList = 371,

    /// <summary>serial-number (372).</summary>
    SerialNumber = 372,

    /// <summary>blink-warn-enable (373).</summary>
    BlinkWarnEnable = 373,

    /// <summary>default-fade-time (374).</summary>
    DefaultFadeTime = 374,

    /// <summary>default-ramp-rate (375).</summary>
    DefaultRampRate = 375,

    /// <summary>default-step-increment (376).</summary>
    DefaultStepIncrement = 376,

    /// <summary>egress-time (377).</summary>
    EgressTime = 377,

    /// <summary>in-progress (378).</summary>
    InProgress = 378,

    /// <summary>instantaneous-power (379).</summary>
    InstantaneousPower = 379,

    /// <summary>lighting-command (380).</summary>
    LightingCommand = 380,

    /// <summary>lighting-command-default-priority (381).</summary>
    LightingCommandDefaultPriority = 381,

    /// <summary>max-actual-value (382).</summary>
    MaxActualValue = 382,

    /// <summary>min-actual-value (383).</summary>
    MinActualValue = 383,

    /// <summary>power (384).</summary>
    Power = 384,

    /// <summary>transition (385).</summary>
    Transition = 385,

    /// <summary>egress-active (386).</summary>
    EgressActive = 386,

    /// <summary>interface-value (387).</summary>
    InterfaceValue = 387,

    /// <summary>fault-high-limit (388).</summary>
    FaultHighLimit = 388,

    /// <summary>fault-low-limit (389).</summary>
    FaultLowLimit = 389,

    /// <summary>low-diff-limit (390).</summary>
    LowDiffLimit = 390,

    /// <summary>strike-count (391).</summary>
    StrikeCount = 391,

    /// <summary>time-of-strike-count-reset (392).</summary>
    TimeOfStrikeCountReset = 392,

    /// <summary>default-timeout (393).</summary>
    DefaultTimeout = 393,

    /// <summary>initial-timeout (394).</summary>
    InitialTimeout = 394,

    /// <summary>last-state-change (395).</summary>
    LastStateChange = 395,

    /// <summary>state-change-values (396).</summary>
    StateChangeValues = 396,

    /// <summary>timer-running (397).</summary>
    TimerRunning = 397,

    /// <summary>timer-state (398).</summary>
    TimerState = 398,

    /// <summary>apdu-length (399).</summary>
    ApduLength = 399,

    /// <summary>bacnet-ip-address (400).</summary>
    BacnetIpAddress = 400,

    /// <summary>bacnet-ip-default-gateway (401).</summary>
    BacnetIpDefaultGateway = 401,

    /// <summary>bacnet-ip-dhcp-enable (402).</summary>
    BacnetIpDhcpEnable = 402,

    /// <summary>bacnet-ip-dhcp-lease-time (403).</summary>
    BacnetIpDhcpLeaseTime = 403,

    /// <summary>bacnet-ip-dhcp-lease-time-remaining (404).</summary>
    BacnetIpDhcpLeaseTimeRemaining = 404,

    /// <summary>bacnet-ip-dhcp-server (405).</summary>
    BacnetIpDhcpServer = 405,

    /// <summary>bacnet-ip-dns-server (406).</summary>
    BacnetIpDnsServer = 406,

    /// <summary>bacnet-ip-global-address (407).</summary>
    BacnetIpGlobalAddress = 407,

    /// <summary>bacnet-ip-mode (408).</summary>
    BacnetIpMode = 408,

    /// <summary>bacnet-ip-multicast-address (409).</summary>
    BacnetIpMulticastAddress = 409,

    /// <summary>bacnet-ip-nat-traversal (410).</summary>
    BacnetIpNatTraversal = 410,

    /// <summary>bacnet-ip-subnet-mask (411).</summary>
    BacnetIpSubnetMask = 411,

    /// <summary>bacnet-ip-udp-port (412).</summary>
    BacnetIpUdpPort = 412,

    /// <summary>bbmd-accept-fd-registrations (413).</summary>
    BbmdAcceptFdRegistrations = 413,

    /// <summary>bbmd-broadcast-distribution-table (414).</summary>
    BbmdBroadcastDistributionTable = 414,

    /// <summary>bbmd-foreign-device-table (415).</summary>
    BbmdForeignDeviceTable = 415,

    /// <summary>changes-pending (416).</summary>
    ChangesPending = 416,

    /// <summary>command (417).</summary>
    Command = 417,

    /// <summary>fd-bbmd-address (418).</summary>
    FdBbmdAddress = 418,

    /// <summary>fd-subscription-lifetime (419).</summary>
    FdSubscriptionLifetime = 419,

    /// <summary>link-speed (420).</summary>
    LinkSpeed = 420,

    /// <summary>link-speeds (421).</summary>
    LinkSpeeds = 421,

    /// <summary>link-speed-autonegotiate (422).</summary>
    LinkSpeedAutonegotiate = 422,

    /// <summary>mac-address (423).</summary>
    MacAddress = 423,

    /// <summary>network-interface-name (424).</summary>
    NetworkInterfaceName = 424,

    /// <summary>network-number (425).</summary>
    NetworkNumber = 425,

    /// <summary>network-number-quality (426).</summary>
    NetworkNumberQuality = 426,

    /// <summary>network-type (427).</summary>
    NetworkType = 427,

    /// <summary>routing-table (428).</summary>
    RoutingTable = 428,

    /// <summary>virtual-mac-address-table (429).</summary>
    VirtualMacAddressTable = 429,

    /// <summary>command-time-array (430).</summary>
    CommandTimeArray = 430,

    /// <summary>current-command-priority (431).</summary>
    CurrentCommandPriority = 431,

    /// <summary>last-command-time (432).</summary>
    LastCommandTime = 432,

    /// <summary>value-source (433).</summary>
    ValueSource = 433,

    /// <summary>value-source-array (434).</summary>
    ValueSourceArray = 434,

    /// <summary>bacnet-ipv6-mode (435).</summary>
    BacnetIpv6Mode = 435,

    /// <summary>ipv6-address (436).</summary>
    Ipv6Address = 436,

    /// <summary>ipv6-prefix-length (437).</summary>
    Ipv6PrefixLength = 437,

    /// <summary>bacnet-ipv6-udp-port (438).</summary>
    BacnetIpv6UdpPort = 438,

    /// <summary>ipv6-default-gateway (439).</summary>
    Ipv6DefaultGateway = 439,

    /// <summary>bacnet-ipv6-multicast-address (440).</summary>
    BacnetIpv6MulticastAddress = 440,

    /// <summary>ipv6-dns-server (441).</summary>
    Ipv6DnsServer = 441,

    /// <summary>ipv6-auto-addressing-enable (442).</summary>
    Ipv6AutoAddressingEnable = 442,

    /// <summary>ipv6-dhcp-lease-time (443).</summary>
    Ipv6DhcpLeaseTime = 443,

    /// <summary>ipv6-dhcp-lease-time-remaining (444).</summary>
    Ipv6DhcpLeaseTimeRemaining = 444,

    /// <summary>ipv6-dhcp-server (445).</summary>
    Ipv6DhcpServer = 445,

    /// <summary>ipv6-zone-index (446).</summary>
    Ipv6ZoneIndex = 446,

    /// <summary>assigned-landing-calls (447).</summary>
    AssignedLandingCalls = 447,

    /// <summary>car-assigned-direction (448).</summary>
    CarAssignedDirection = 448,

    /// <summary>car-door-command (449).</summary>
    CarDoorCommand = 449,

    /// <summary>car-door-status (450).</summary>
    CarDoorStatus = 450,

    /// <summary>car-door-text (451).</summary>
    CarDoorText = 451,

    /// <summary>car-door-zone (452).</summary>
    CarDoorZone = 452,

    /// <summary>car-drive-status (453).</summary>
    CarDriveStatus = 453,

    /// <summary>car-load (454).</summary>
    CarLoad = 454,

    /// <summary>car-load-units (455).</summary>
    CarLoadUnits = 455,

    /// <summary>car-mode (456).</summary>
    CarMode = 456,

    /// <summary>car-moving-direction (457).</summary>
    CarMovingDirection = 457,

    /// <summary>car-position (458).</summary>
    CarPosition = 458,

    /// <summary>elevator-group (459).</summary>
    ElevatorGroup = 459,

    /// <summary>energy-meter (460).</summary>
    EnergyMeter = 460,

    /// <summary>energy-meter-ref (461).</summary>
    EnergyMeterRef = 461,

    /// <summary>escalator-mode (462).</summary>
    EscalatorMode = 462,

    /// <summary>fault-signals (463).</summary>
    FaultSignals = 463,

    /// <summary>floor-text (464).</summary>
    FloorText = 464,

    /// <summary>group-id (465).</summary>
    GroupId = 465,

    /// <summary>enumeration value 466 is unassigned (466).</summary>
    EnumerationValue466IsUnassigned = 466,

    /// <summary>group-mode (467).</summary>
    GroupMode = 467,

    /// <summary>higher-deck (468).</summary>
    HigherDeck = 468,

    /// <summary>installation-id (469).</summary>
    InstallationId = 469,

    /// <summary>landing-calls (470).</summary>
    LandingCalls = 470,

    /// <summary>landing-call-control (471).</summary>
    LandingCallControl = 471,

    /// <summary>landing-door-status (472).</summary>
    LandingDoorStatus = 472,

    /// <summary>lower-deck (473).</summary>
    LowerDeck = 473,

    /// <summary>machine-room-id (474).</summary>
    MachineRoomId = 474,

    /// <summary>making-car-call (475).</summary>
    MakingCarCall = 475,

    /// <summary>next-stopping-floor (476).</summary>
    NextStoppingFloor = 476,

    /// <summary>operation-direction (477).</summary>
    OperationDirection = 477,

    /// <summary>passenger-alarm (478).</summary>
    PassengerAlarm = 478,

    /// <summary>power-mode (479).</summary>
    PowerMode = 479,

    /// <summary>registered-car-call (480).</summary>
    RegisteredCarCall = 480,

    /// <summary>active-cov-multiple-subscriptions (481).</summary>
    ActiveCovMultipleSubscriptions = 481,

    /// <summary>protocol-level (482).</summary>
    ProtocolLevel = 482,

    /// <summary>reference-port (483).</summary>
    ReferencePort = 483,

    /// <summary>deployed-profile-location (484).</summary>
    DeployedProfileLocation = 484,

    /// <summary>profile-location (485).</summary>
    ProfileLocation = 485,

    /// <summary>tags (486).</summary>
    Tags = 486,

    /// <summary>subordinate-node-types (487).</summary>
    SubordinateNodeTypes = 487,

    /// <summary>subordinate-tags (488).</summary>
    SubordinateTags = 488,

    /// <summary>subordinate-relationship (489).</summary>
    SubordinateRelationship = 489,

    /// <summary>default-subordinate-relationship (490).</summary>
    DefaultSubordinateRelationship = 490,

    /// <summary>represents (491).</summary>
    Represents = 491,

    /// <summary>default-present-value (492).</summary>
    DefaultPresentValue = 492,

    /// <summary>present-stage (493).</summary>
    PresentStage = 493,

    /// <summary>stages (494).</summary>
    Stages = 494,

    /// <summary>stage-names (495).</summary>
    StageNames = 495,

    /// <summary>target-references (496).</summary>
    TargetReferences = 496,

    /// <summary>audit-source-reporter (497).</summary>
    AuditSourceReporter = 497,

    /// <summary>audit-level (498).</summary>
    AuditLevel = 498,

    /// <summary>audit-notification-recipient (499).</summary>
    AuditNotificationRecipient = 499,

    /// <summary>audit-priority-filter (500).</summary>
    AuditPriorityFilter = 500,

    /// <summary>auditable-operations (501).</summary>
    AuditableOperations = 501,

    /// <summary>delete-on-forward (502).</summary>
    DeleteOnForward = 502,

    /// <summary>maximum-send-delay (503).</summary>
    MaximumSendDelay = 503,

    /// <summary>monitored-objects (504).</summary>
    MonitoredObjects = 504,

    /// <summary>send-now (505).</summary>
    SendNow = 505,

    /// <summary>floor-number (506).</summary>
    FloorNumber = 506,

    /// <summary>device-uuid (507).</summary>
    DeviceUuid = 507,

    /// <summary>additional-reference-ports (508).</summary>
    AdditionalReferencePorts = 508,

    /// <summary>certificate-signing-request-file (509).</summary>
    CertificateSigningRequestFile = 509,

    /// <summary>command-validation-result (510).</summary>
    CommandValidationResult = 510,

    /// <summary>issuer-certificate-files (511).</summary>
    IssuerCertificateFiles = 511,

    /// <summary>max-bvlc-length-accepted (4194304).</summary>
    MaxBvlcLengthAccepted = 4194304,

    /// <summary>max-npdu-length-accepted (4194305).</summary>
    MaxNpduLengthAccepted = 4194305,

    /// <summary>operational-certificate-file (4194306).</summary>
    OperationalCertificateFile = 4194306,

    /// <summary>current-health (4194307).</summary>
    CurrentHealth = 4194307,

    /// <summary>sc-connect-wait-timeout (4194308).</summary>
    ScConnectWaitTimeout = 4194308,

    /// <summary>sc-direct-connect-accept-enable (4194309).</summary>
    ScDirectConnectAcceptEnable = 4194309,

    /// <summary>sc-direct-connect-accept-uris (4194310).</summary>
    ScDirectConnectAcceptUris = 4194310,

    /// <summary>ssc-direct-connect-binding (4194311).</summary>
    SscDirectConnectBinding = 4194311,

    /// <summary>sc-direct-connect-connection-status (4194312).</summary>
    ScDirectConnectConnectionStatus = 4194312,

    /// <summary>sc-direct-connect-initiate-enable (4194313).</summary>
    ScDirectConnectInitiateEnable = 4194313,

    /// <summary>sc-disconnect-wait-timeout (4194314).</summary>
    ScDisconnectWaitTimeout = 4194314,

    /// <summary>sc-failed-connection-request (4194315).</summary>
    ScFailedConnectionRequest = 4194315,

    /// <summary>sc-failover-hub-connection-status (4194316).</summary>
    ScFailoverHubConnectionStatus = 4194316,

    /// <summary>sc-failover-hub-uri (4194317).</summary>
    ScFailoverHubUri = 4194317,

    /// <summary>sc-hub-connector-state (4194318).</summary>
    ScHubConnectorState = 4194318,

    /// <summary>sc-hub-function-accept-uris (4194319).</summary>
    ScHubFunctionAcceptUris = 4194319,

    /// <summary>sc-hub-function-binding (4194320).</summary>
    ScHubFunctionBinding = 4194320,

    /// <summary>sc-hub-function-connection-status (4194321).</summary>
    ScHubFunctionConnectionStatus = 4194321,

    /// <summary>sc-hub-function-enable (4194322).</summary>
    ScHubFunctionEnable = 4194322,

    /// <summary>sc-heartbeat-timeout (4194323).</summary>
    ScHeartbeatTimeout = 4194323,

    /// <summary>sc-primary-hub-connection-status (4194324).</summary>
    ScPrimaryHubConnectionStatus = 4194324,

    /// <summary>sc-primary-hub-uri (4194325).</summary>
    ScPrimaryHubUri = 4194325,

    /// <summary>sc-maximum-reconnect-time (4194326).</summary>
    ScMaximumReconnectTime = 4194326,

    /// <summary>sc-minimum-reconnect-time (4194327).</summary>
    ScMinimumReconnectTime = 4194327,

    /// <summary>color-override (4194328).</summary>
    ColorOverride = 4194328,

    /// <summary>color-reference (4194329).</summary>
    ColorReference = 4194329,

    /// <summary>default-color (4194330).</summary>
    DefaultColor = 4194330,

    /// <summary>default-color-temperature (4194331).</summary>
    DefaultColorTemperature = 4194331,

    /// <summary>override-color-reference (4194332).</summary>
    OverrideColorReference = 4194332,

    /// <summary>color-command (4194334).</summary>
    ColorCommand = 4194334,

    /// <summary>high_end_trim (4194335).</summary>
    HighEndTrim = 4194335,

    /// <summary>low_end_trim (4194336).</summary>
    LowEndTrim = 4194336,

    /// <summary>trim_fade_time (4194337).</summary>
    TrimFadeTime = 4194337,
}
