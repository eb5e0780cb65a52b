namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>Extended status codes of the Connection Manager object (CIP Vol. 1 table 3-5.33), returned with general status 0x01.</summary>
public enum ConnectionManagerExtendedStatus : ushort
{
    /// <summary>Connection in use or duplicate Forward Open (256).</summary>
    ConnectionInUseOrDuplicateForwardOpen = 256,

    /// <summary>Transport class and trigger combination not supported (259).</summary>
    TransportClassAndTriggerCombinationNotSupported = 259,

    /// <summary>Ownership conflict (262).</summary>
    OwnershipConflict = 262,

    /// <summary>Target connection not found (263).</summary>
    TargetConnectionNotFound = 263,

    /// <summary>Invalid network connection parameter (264).</summary>
    InvalidNetworkConnectionParameter = 264,

    /// <summary>Invalid connection size (265).</summary>
    InvalidConnectionSize = 265,

    /// <summary>Target for connection not configured (272).</summary>
    TargetForConnectionNotConfigured = 272,

    /// <summary>RPI not supported (273).</summary>
    RPINotSupported = 273,

    /// <summary>RPI value(s) not acceptable (274).</summary>
    RPIValueSNotAcceptable = 274,

    /// <summary>Out of connections (275).</summary>
    OutOfConnections = 275,

    /// <summary>Vendor ID or product code mismatch (276).</summary>
    VendorIDOrProductCodeMismatch = 276,

    /// <summary>Device type mismatch (277).</summary>
    DeviceTypeMismatch = 277,

    /// <summary>Revision mismatch (278).</summary>
    RevisionMismatch = 278,

    /// <summary>Invalid produced or consumed application path (279).</summary>
    InvalidProducedOrConsumedApplicationPath = 279,

    /// <summary>Invalid or inconsistent configuration application path (280).</summary>
    InvalidOrInconsistentConfigurationApplicationPath = 280,

    /// <summary>Non-listen only connection not opened (281).</summary>
    NonListenOnlyConnectionNotOpened = 281,

    /// <summary>Target object out of connections (282).</summary>
    TargetObjectOutOfConnections = 282,

    /// <summary>RPI is smaller than the production inhibit time (283).</summary>
    RPIIsSmallerThanTheProductionInhibitTime = 283,

    /// <summary>Transport class not supported (284).</summary>
    TransportClassNotSupported = 284,

    /// <summary>Production trigger not supported (285).</summary>
    ProductionTriggerNotSupported = 285,

    /// <summary>Direction not supported (286).</summary>
    DirectionNotSupported = 286,

    /// <summary>Invalid O-&gt;T Fixed/Variable (287).</summary>
    InvalidOTFixedVariable = 287,

    /// <summary>Invalid T-&gt;O Fixed/Variable (288).</summary>
    InvalidTOFixedVariable = 288,

    /// <summary>Invalid O-&gt;T Priority (289).</summary>
    InvalidOTPriority = 289,

    /// <summary>Invalid T-&gt;O Priority (290).</summary>
    InvalidTOPriority = 290,

    /// <summary>Invalid O-&gt;T connection type (291).</summary>
    InvalidOTConnectionType = 291,

    /// <summary>Invalid T-&gt;O connection type (292).</summary>
    InvalidTOConnectionType = 292,

    /// <summary>Invalid O-&gt;T redundant owner (293).</summary>
    InvalidOTRedundantOwner = 293,

    /// <summary>Invalid configuration size (294).</summary>
    InvalidConfigurationSize = 294,

    /// <summary>Invalid O-&gt;T size (295).</summary>
    InvalidOTSize = 295,

    /// <summary>Invalid T-&gt;O size (296).</summary>
    InvalidTOSize = 296,

    /// <summary>Invalid configuration application path (297).</summary>
    InvalidConfigurationApplicationPath = 297,

    /// <summary>Invalid consuming application path (298).</summary>
    InvalidConsumingApplicationPath = 298,

    /// <summary>Invalid producing application path (299).</summary>
    InvalidProducingApplicationPath = 299,

    /// <summary>Configuration symbol does not exist (300).</summary>
    ConfigurationSymbolDoesNotExist = 300,

    /// <summary>Consuming symbol does not exist (301).</summary>
    ConsumingSymbolDoesNotExist = 301,

    /// <summary>Producing symbol does not exist (302).</summary>
    ProducingSymbolDoesNotExist = 302,

    /// <summary>Inconsistent application path combination (303).</summary>
    InconsistentApplicationPathCombination = 303,

    /// <summary>Inconsistent consume data format (304).</summary>
    InconsistentConsumeDataFormat = 304,

    /// <summary>Inconsistent produce data format (305).</summary>
    InconsistentProduceDataFormat = 305,

    /// <summary>NULL ForwardOpen not supported (306).</summary>
    NULLForwardOpenNotSupported = 306,

    /// <summary>Connection timed out (515).</summary>
    ConnectionTimedOut = 515,

    /// <summary>Unconnected request timed out (516).</summary>
    UnconnectedRequestTimedOut = 516,

    /// <summary>Parameter error in unconnected request (517).</summary>
    ParameterErrorInUnconnectedRequest = 517,

    /// <summary>Message too large for UnconnectedSend (518).</summary>
    MessageTooLargeForUnconnectedSend = 518,

    /// <summary>Unconnected acknowledged without reply (519).</summary>
    UnconnectedAcknowledgedWithoutReply = 519,

    /// <summary>No buffer memory available (769).</summary>
    NoBufferMemoryAvailable = 769,

    /// <summary>Network bandwidth not available for data (770).</summary>
    NetworkBandwidthNotAvailableForData = 770,

    /// <summary>No consumed connection ID filter available (771).</summary>
    NoConsumedConnectionIDFilterAvailable = 771,

    /// <summary>Not configured to send scheduled priority data (772).</summary>
    NotConfiguredToSendScheduledPriorityData = 772,

    /// <summary>Schedule signature mismatch (773).</summary>
    ScheduleSignatureMismatch = 773,

    /// <summary>Schedule signature validation not possible (774).</summary>
    ScheduleSignatureValidationNotPossible = 774,

    /// <summary>Port not available (785).</summary>
    PortNotAvailable = 785,

    /// <summary>Link address not valid (786).</summary>
    LinkAddressNotValid = 786,

    /// <summary>Invalid segment in connection path (789).</summary>
    InvalidSegmentInConnectionPath = 789,

    /// <summary>ForwardClose connection path mismatch (790).</summary>
    ForwardCloseConnectionPathMismatch = 790,

    /// <summary>Scheduling not specified (791).</summary>
    SchedulingNotSpecified = 791,

    /// <summary>Link address to self invalid (792).</summary>
    LinkAddressToSelfInvalid = 792,

    /// <summary>Secondary resources unavailable (793).</summary>
    SecondaryResourcesUnavailable = 793,

    /// <summary>Rack connection already established (794).</summary>
    RackConnectionAlreadyEstablished = 794,

    /// <summary>Module connection already established (795).</summary>
    ModuleConnectionAlreadyEstablished = 795,

    /// <summary>Miscellaneous (796).</summary>
    Miscellaneous = 796,

    /// <summary>Redundant connection mismatch (797).</summary>
    RedundantConnectionMismatch = 797,

    /// <summary>No more user configurable link consumer resources available in the producing module (798).</summary>
    NoMoreUserConfigurableLinkConsumerResourcesAvailableInTheProducingModule = 798,

    /// <summary>No more user configurable link consumer resources configured in the producing module (799).</summary>
    NoMoreUserConfigurableLinkConsumerResourcesConfiguredInTheProducingModule = 799,

    /// <summary>Network link offline (2048).</summary>
    NetworkLinkOffline = 2048,

    /// <summary>Incompatible Multicast RPI (2049).</summary>
    IncompatibleMulticastRPI = 2049,

    /// <summary>Invalid Safety Connection Size (2050).</summary>
    InvalidSafetyConnectionSize = 2050,

    /// <summary>Invalid Safety Connection Format (2051).</summary>
    InvalidSafetyConnectionFormat = 2051,

    /// <summary>Invalid Time Correction Connection Parameters (2052).</summary>
    InvalidTimeCorrectionConnectionParameters = 2052,

    /// <summary>Invalid Ping Interval EPI Multiplier (2053).</summary>
    InvalidPingIntervalEPIMultiplier = 2053,

    /// <summary>Time Coordination Msg Min Multiplier (2054).</summary>
    TimeCoordinationMsgMinMultiplier = 2054,

    /// <summary>Network Time Expectation Multiplier (2055).</summary>
    NetworkTimeExpectationMultiplier = 2055,

    /// <summary>Timeout Multiplier (2056).</summary>
    TimeoutMultiplier = 2056,

    /// <summary>Invalid Max Consumer Number (2057).</summary>
    InvalidMaxConsumerNumber = 2057,

    /// <summary>Invalid CPCRC (2058).</summary>
    InvalidCPCRC = 2058,

    /// <summary>Time Correction Connection ID Invalid (2059).</summary>
    TimeCorrectionConnectionIDInvalid = 2059,

    /// <summary>SCID Mismatch (2060).</summary>
    SCIDMismatch = 2060,

    /// <summary>TUNID not set (2061).</summary>
    TUNIDNotSet = 2061,

    /// <summary>TUNID Mismatch (2062).</summary>
    TUNIDMismatch = 2062,

    /// <summary>Configuration operation not allowed (2063).</summary>
    ConfigurationOperationNotAllowed = 2063,

    /// <summary>No target application data available (2064).</summary>
    NoTargetApplicationDataAvailable = 2064,

    /// <summary>No originator application data available (2065).</summary>
    NoOriginatorApplicationDataAvailable = 2065,

    /// <summary>Node address has changed since the network was scheduled (2066).</summary>
    NodeAddressHasChangedSinceTheNetworkWasScheduled = 2066,

    /// <summary>Not configured for off-subnet multicast (2067).</summary>
    NotConfiguredForOffSubnetMulticast = 2067,

    /// <summary>Invalid produce/consume data format (2068).</summary>
    InvalidProduceConsumeDataFormat = 2068,
}
