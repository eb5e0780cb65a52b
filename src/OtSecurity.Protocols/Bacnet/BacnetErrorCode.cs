namespace OtSecurity.Protocols.Bacnet;

/// <summary>BACnet error codes (ANSI/ASHRAE 135 clause 18 and 21, BACnetErrorCode). Values 256..65535 are proprietary.</summary>
public enum BacnetErrorCode : ushort
{
    /// <summary>other (0).</summary>
    Other = 0,

    /// <summary>authentication-failed (1).</summary>
    AuthenticationFailed = 1,

    /// <summary>configuration-in-progress (2).</summary>
    ConfigurationInProgress = 2,

    /// <summary>device-busy (3).</summary>
    DeviceBusy = 3,

    /// <summary>dynamic-creation-not-supported (4).</summary>
    DynamicCreationNotSupported = 4,

    /// <summary>file-access-denied (5).</summary>
    FileAccessDenied = 5,

    /// <summary>incompatible-security-levels (6).</summary>
    IncompatibleSecurityLevels = 6,

    /// <summary>inconsistent-parameters (7).</summary>
    InconsistentParameters = 7,

    /// <summary>inconsistent-selection-criterion (8).</summary>
    InconsistentSelectionCriterion = 8,

    /// <summary>invalid-data-type (9).</summary>
    InvalidDataType = 9,

    /// <summary>invalid-file-access-method (10).</summary>
    InvalidFileAccessMethod = 10,

    /// <summary>invalid-file-start-position (11).</summary>
    InvalidFileStartPosition = 11,

    /// <summary>invalid-operator-name (12).</summary>
    InvalidOperatorName = 12,

    /// <summary>invalid-parameter-data-type (13).</summary>
    InvalidParameterDataType = 13,

    /// <summary>invalid-time-stamp (14).</summary>
    InvalidTimeStamp = 14,

    /// <summary>key-generation-error (15).</summary>
    KeyGenerationError = 15,

    /// <summary>missing-required-parameter (16).</summary>
    MissingRequiredParameter = 16,

    /// <summary>no-objects-of-specified-type (17).</summary>
    NoObjectsOfSpecifiedType = 17,

    /// <summary>no-space-for-object (18).</summary>
    NoSpaceForObject = 18,

    /// <summary>no-space-to-add-list-element (19).</summary>
    NoSpaceToAddListElement = 19,

    /// <summary>no-space-to-write-property (20).</summary>
    NoSpaceToWriteProperty = 20,

    /// <summary>no-vt-sessions-available (21).</summary>
    NoVtSessionsAvailable = 21,

    /// <summary>property-is-not-a-list (22).</summary>
    PropertyIsNotAList = 22,

    /// <summary>object-deletion-not-permitted (23).</summary>
    ObjectDeletionNotPermitted = 23,

    /// <summary>object-identifier-already-exists (24).</summary>
    ObjectIdentifierAlreadyExists = 24,

    /// <summary>operational-problem (25).</summary>
    OperationalProblem = 25,

    /// <summary>password-failure (26).</summary>
    PasswordFailure = 26,

    /// <summary>read-access-denied (27).</summary>
    ReadAccessDenied = 27,

    /// <summary>security-not-supported (28).</summary>
    SecurityNotSupported = 28,

    /// <summary>service-request-denied (29).</summary>
    ServiceRequestDenied = 29,

    /// <summary>timeout (30).</summary>
    Timeout = 30,

    /// <summary>unknown-object (31).</summary>
    UnknownObject = 31,

    /// <summary>unknown-property (32).</summary>
    UnknownProperty = 32,

    /// <summary>removed enumeration (33).</summary>
    RemovedEnumeration = 33,

    /// <summary>unknown-vt-class (34).</summary>
    UnknownVtClass = 34,

    /// <summary>unknown-vt-session (35).</summary>
    UnknownVtSession = 35,

    /// <summary>unsupported-object-type (36).</summary>
    UnsupportedObjectType = 36,

    /// <summary>value-out-of-range (37).</summary>
    ValueOutOfRange = 37,

    /// <summary>vt-session-already-closed (38).</summary>
    VtSessionAlreadyClosed = 38,

    /// <summary>vt-session-termination-failure (39).</summary>
    VtSessionTerminationFailure = 39,

    /// <summary>write-access-denied (40).</summary>
    WriteAccessDenied = 40,

    /// <summary>character-set-not-supported (41).</summary>
    CharacterSetNotSupported = 41,

    /// <summary>invalid-array-index (42).</summary>
    InvalidArrayIndex = 42,

    /// <summary>cov-subscription-failed (43).</summary>
    CovSubscriptionFailed = 43,

    /// <summary>not-cov-property (44).</summary>
    NotCovProperty = 44,

    /// <summary>optional-functionality-not-supported (45).</summary>
    OptionalFunctionalityNotSupported = 45,

    /// <summary>invalid-configuration-data (46).</summary>
    InvalidConfigurationData = 46,

    /// <summary>datatype-not-supported (47).</summary>
    DatatypeNotSupported = 47,

    /// <summary>duplicate-name (48).</summary>
    DuplicateName = 48,

    /// <summary>duplicate-object-id (49).</summary>
    DuplicateObjectId = 49,

    /// <summary>property-is-not-an-array (50).</summary>
    PropertyIsNotAnArray = 50,

    /// <summary>abort - buffer - overflow (51).</summary>
    AbortBufferOverflow = 51,

    /// <summary>abort - invalid - apdu - in - this - state (52).</summary>
    AbortInvalidApduInThisState = 52,

    /// <summary>abort - preempted - by - higher - priority - task (53).</summary>
    AbortPreemptedByHigherPriorityTask = 53,

    /// <summary>abort - segmentation - not - supported (54).</summary>
    AbortSegmentationNotSupported = 54,

    /// <summary>abort - proprietary (55).</summary>
    AbortProprietary = 55,

    /// <summary>abort - other (56).</summary>
    AbortOther = 56,

    /// <summary>invalid - tag (57).</summary>
    InvalidTag = 57,

    /// <summary>network - down (58).</summary>
    NetworkDown = 58,

    /// <summary>reject - buffer - overflow (59).</summary>
    RejectBufferOverflow = 59,

    /// <summary>reject - inconsistent - parameters (60).</summary>
    RejectInconsistentParameters = 60,

    /// <summary>reject - invalid - parameter - data - type (61).</summary>
    RejectInvalidParameterDataType = 61,

    /// <summary>reject - invalid - tag (62).</summary>
    RejectInvalidTag = 62,

    /// <summary>reject - missing - required - parameter (63).</summary>
    RejectMissingRequiredParameter = 63,

    /// <summary>reject - parameter - out - of - range (64).</summary>
    RejectParameterOutOfRange = 64,

    /// <summary>reject - too - many - arguments (65).</summary>
    RejectTooManyArguments = 65,

    /// <summary>reject - undefined - enumeration (66).</summary>
    RejectUndefinedEnumeration = 66,

    /// <summary>reject - unrecognized - service (67).</summary>
    RejectUnrecognizedService = 67,

    /// <summary>reject - proprietary (68).</summary>
    RejectProprietary = 68,

    /// <summary>reject - other (69).</summary>
    RejectOther = 69,

    /// <summary>unknown - device (70).</summary>
    UnknownDevice = 70,

    /// <summary>unknown - route (71).</summary>
    UnknownRoute = 71,

    /// <summary>value - not - initialized (72).</summary>
    ValueNotInitialized = 72,

    /// <summary>invalid-event-state (73).</summary>
    InvalidEventState = 73,

    /// <summary>no-alarm-configured (74).</summary>
    NoAlarmConfigured = 74,

    /// <summary>log-buffer-full (75).</summary>
    LogBufferFull = 75,

    /// <summary>logged-value-purged (76).</summary>
    LoggedValuePurged = 76,

    /// <summary>no-property-specified (77).</summary>
    NoPropertySpecified = 77,

    /// <summary>not-configured-for-triggered-logging (78).</summary>
    NotConfiguredForTriggeredLogging = 78,

    /// <summary>unknown-subscription (79).</summary>
    UnknownSubscription = 79,

    /// <summary>parameter-out-of-range (80).</summary>
    ParameterOutOfRange = 80,

    /// <summary>list-element-not-found (81).</summary>
    ListElementNotFound = 81,

    /// <summary>busy (82).</summary>
    Busy = 82,

    /// <summary>communication-disabled (83).</summary>
    CommunicationDisabled = 83,

    /// <summary>success (84).</summary>
    Success = 84,

    /// <summary>access-denied (85).</summary>
    AccessDenied = 85,

    /// <summary>bad-destination-address (86).</summary>
    BadDestinationAddress = 86,

    /// <summary>bad-destination-device-id (87).</summary>
    BadDestinationDeviceId = 87,

    /// <summary>bad-signature (88).</summary>
    BadSignature = 88,

    /// <summary>bad-source-address (89).</summary>
    BadSourceAddress = 89,

    /// <summary>bad-timestamp (90).</summary>
    BadTimestamp = 90,

    /// <summary>cannot-use-key (91).</summary>
    CannotUseKey = 91,

    /// <summary>cannot-verify-message-id (92).</summary>
    CannotVerifyMessageId = 92,

    /// <summary>correct-key-revision (93).</summary>
    CorrectKeyRevision = 93,

    /// <summary>destination-device-id-required (94).</summary>
    DestinationDeviceIdRequired = 94,

    /// <summary>duplicate-message (95).</summary>
    DuplicateMessage = 95,

    /// <summary>encryption-not-configured (96).</summary>
    EncryptionNotConfigured = 96,

    /// <summary>encryption-required (97).</summary>
    EncryptionRequired = 97,

    /// <summary>incorrect-key (98).</summary>
    IncorrectKey = 98,

    /// <summary>invalid-key-data (99).</summary>
    InvalidKeyData = 99,

    /// <summary>key-update-in-progress (100).</summary>
    KeyUpdateInProgress = 100,

    /// <summary>malformed-message (101).</summary>
    MalformedMessage = 101,

    /// <summary>not-key-server (102).</summary>
    NotKeyServer = 102,

    /// <summary>security-not-configured (103).</summary>
    SecurityNotConfigured = 103,

    /// <summary>source-security-required (104).</summary>
    SourceSecurityRequired = 104,

    /// <summary>too-many-keys (105).</summary>
    TooManyKeys = 105,

    /// <summary>unknown-authentication-type (106).</summary>
    UnknownAuthenticationType = 106,

    /// <summary>unknown-key (107).</summary>
    UnknownKey = 107,

    /// <summary>unknown-key-revision (108).</summary>
    UnknownKeyRevision = 108,

    /// <summary>unknown-source-message (109).</summary>
    UnknownSourceMessage = 109,

    /// <summary>not-router-to-dnet (110).</summary>
    NotRouterToDnet = 110,

    /// <summary>router-busy (111).</summary>
    RouterBusy = 111,

    /// <summary>unknown-network-message (112).</summary>
    UnknownNetworkMessage = 112,

    /// <summary>message-too-long (113).</summary>
    MessageTooLong = 113,

    /// <summary>security-error (114).</summary>
    SecurityError = 114,

    /// <summary>addressing-error (115).</summary>
    AddressingError = 115,

    /// <summary>write-bdt-failed (116).</summary>
    WriteBdtFailed = 116,

    /// <summary>read-bdt-failed (117).</summary>
    ReadBdtFailed = 117,

    /// <summary>register-foreign-device-failed (118).</summary>
    RegisterForeignDeviceFailed = 118,

    /// <summary>read-fdt-failed (119).</summary>
    ReadFdtFailed = 119,

    /// <summary>delete-fdt-entry-failed (120).</summary>
    DeleteFdtEntryFailed = 120,

    /// <summary>distribute-broadcast-failed (121).</summary>
    DistributeBroadcastFailed = 121,

    /// <summary>unknown-file-size (122).</summary>
    UnknownFileSize = 122,

    /// <summary>abort-apdu-too-long (123).</summary>
    AbortApduTooLong = 123,

    /// <summary>abort-application-exceeded-reply-time (124).</summary>
    AbortApplicationExceededReplyTime = 124,

    /// <summary>abort-out-of-resources (125).</summary>
    AbortOutOfResources = 125,

    /// <summary>abort-tsm-timeout (126).</summary>
    AbortTsmTimeout = 126,

    /// <summary>abort-window-size-out-of-range (127).</summary>
    AbortWindowSizeOutOfRange = 127,

    /// <summary>file-full (128).</summary>
    FileFull = 128,

    /// <summary>inconsistent-configuration (129).</summary>
    InconsistentConfiguration = 129,

    /// <summary>inconsistent-object-type (130).</summary>
    InconsistentObjectType = 130,

    /// <summary>internal-error (131).</summary>
    InternalError = 131,

    /// <summary>not-configured (132).</summary>
    NotConfigured = 132,

    /// <summary>out-of-memory (133).</summary>
    OutOfMemory = 133,

    /// <summary>value-too-long (134).</summary>
    ValueTooLong = 134,

    /// <summary>abort-insufficient-security (135).</summary>
    AbortInsufficientSecurity = 135,

    /// <summary>abort-security-error (136).</summary>
    AbortSecurityError = 136,

    /// <summary>duplicate-entry (137).</summary>
    DuplicateEntry = 137,

    /// <summary>invalid-value-in-this-state (138).</summary>
    InvalidValueInThisState = 138,

    /// <summary>invalid-operation-in-this-state (139).</summary>
    InvalidOperationInThisState = 139,

    /// <summary>list-item-not-numbered (140).</summary>
    ListItemNotNumbered = 140,

    /// <summary>list-item-not-timestamped (141).</summary>
    ListItemNotTimestamped = 141,

    /// <summary>invalid-data-encoding (142).</summary>
    InvalidDataEncoding = 142,

    /// <summary>bvlc-function-unknown (143).</summary>
    BvlcFunctionUnknown = 143,

    /// <summary>bvlc-proprietary-function-unknown (144).</summary>
    BvlcProprietaryFunctionUnknown = 144,

    /// <summary>header-encoding-error (145).</summary>
    HeaderEncodingError = 145,

    /// <summary>header-not-understood (146).</summary>
    HeaderNotUnderstood = 146,

    /// <summary>message-incomplete (147).</summary>
    MessageIncomplete = 147,

    /// <summary>not-a-bacnet-sc-hub (148).</summary>
    NotABacnetScHub = 148,

    /// <summary>payload-expected (149).</summary>
    PayloadExpected = 149,

    /// <summary>unexpected-data (150).</summary>
    UnexpectedData = 150,

    /// <summary>node-duplicate-vmac (151).</summary>
    NodeDuplicateVmac = 151,

    /// <summary>http-unexpected-response-code (152).</summary>
    HttpUnexpectedResponseCode = 152,

    /// <summary>http-no-upgrade (153).</summary>
    HttpNoUpgrade = 153,

    /// <summary>http-resource-not-local (154).</summary>
    HttpResourceNotLocal = 154,

    /// <summary>http-proxy-authentication-failed (155).</summary>
    HttpProxyAuthenticationFailed = 155,

    /// <summary>http-response-timeout (156).</summary>
    HttpResponseTimeout = 156,

    /// <summary>http-response-syntax-error (157).</summary>
    HttpResponseSyntaxError = 157,

    /// <summary>http-response-value-error (158).</summary>
    HttpResponseValueError = 158,

    /// <summary>http-response-missing-header (159).</summary>
    HttpResponseMissingHeader = 159,

    /// <summary>http-websocket-header-error (160).</summary>
    HttpWebsocketHeaderError = 160,

    /// <summary>http-upgrade-required (161).</summary>
    HttpUpgradeRequired = 161,

    /// <summary>http-upgrade-error (162).</summary>
    HttpUpgradeError = 162,

    /// <summary>http-temporary-unavailable (163).</summary>
    HttpTemporaryUnavailable = 163,

    /// <summary>http-not-a-server (164).</summary>
    HttpNotAServer = 164,

    /// <summary>http-error (165).</summary>
    HttpError = 165,

    /// <summary>websocket-scheme-not-supported (166).</summary>
    WebsocketSchemeNotSupported = 166,

    /// <summary>websocket-unknown-control-message (167).</summary>
    WebsocketUnknownControlMessage = 167,

    /// <summary>websocket-close-error (168).</summary>
    WebsocketCloseError = 168,

    /// <summary>websocket-closed-by-peer (169).</summary>
    WebsocketClosedByPeer = 169,

    /// <summary>websocket-endpoint-leaves (170).</summary>
    WebsocketEndpointLeaves = 170,

    /// <summary>websocket-protocol-error (171).</summary>
    WebsocketProtocolError = 171,

    /// <summary>websocket-data-not-accepted (172).</summary>
    WebsocketDataNotAccepted = 172,

    /// <summary>websocket-closed-abnormally (173).</summary>
    WebsocketClosedAbnormally = 173,

    /// <summary>websocket-data-inconsistent (174).</summary>
    WebsocketDataInconsistent = 174,

    /// <summary>websocket-data-against-policy (175).</summary>
    WebsocketDataAgainstPolicy = 175,

    /// <summary>websocket-frame-too-long (176).</summary>
    WebsocketFrameTooLong = 176,

    /// <summary>websocket-extension-missing (177).</summary>
    WebsocketExtensionMissing = 177,

    /// <summary>websocket-request-unavailable (178).</summary>
    WebsocketRequestUnavailable = 178,

    /// <summary>websocket-error (179).</summary>
    WebsocketError = 179,

    /// <summary>tls-client-certificate-error (180).</summary>
    TlsClientCertificateError = 180,

    /// <summary>tls-server-certificate-error (181).</summary>
    TlsServerCertificateError = 181,

    /// <summary>tls-client-authentication-failed (182).</summary>
    TlsClientAuthenticationFailed = 182,

    /// <summary>tls-server-authentication-failed (183).</summary>
    TlsServerAuthenticationFailed = 183,

    /// <summary>tls-client-certificate-expired (184).</summary>
    TlsClientCertificateExpired = 184,

    /// <summary>tls-server-certificate-expired (185).</summary>
    TlsServerCertificateExpired = 185,

    /// <summary>tls-client-certificate-revoked (186).</summary>
    TlsClientCertificateRevoked = 186,

    /// <summary>tls-server-certificate-revoked (187).</summary>
    TlsServerCertificateRevoked = 187,

    /// <summary>tls-error (188).</summary>
    TlsError = 188,

    /// <summary>dns-unavailable (189).</summary>
    DnsUnavailable = 189,

    /// <summary>dns-name-resolution-failed (190).</summary>
    DnsNameResolutionFailed = 190,

    /// <summary>dns-resolver-failure (191).</summary>
    DnsResolverFailure = 191,

    /// <summary>dns-error (192).</summary>
    DnsError = 192,

    /// <summary>tcp-connect-timeout (193).</summary>
    TcpConnectTimeout = 193,

    /// <summary>tcp-connection-refused (194).</summary>
    TcpConnectionRefused = 194,

    /// <summary>tcp-closed-by-local (195).</summary>
    TcpClosedByLocal = 195,

    /// <summary>tcp-closed-other (196).</summary>
    TcpClosedOther = 196,

    /// <summary>tcp-error (197).</summary>
    TcpError = 197,

    /// <summary>ip-address-not-reachable (198).</summary>
    IpAddressNotReachable = 198,

    /// <summary>ip-error (199).</summary>
    IpError = 199,
}
