namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>CIP general status codes (CIP Vol. 1 appendix B-1).</summary>
public enum CipGeneralStatus : byte
{
    /// <summary>Success (0).</summary>
    Success = 0,

    /// <summary>Connection failure (1).</summary>
    ConnectionFailure = 1,

    /// <summary>Resource unavailable (2).</summary>
    ResourceUnavailable = 2,

    /// <summary>Invalid parameter value (3).</summary>
    InvalidParameterValue = 3,

    /// <summary>Path segment error (4).</summary>
    PathSegmentError = 4,

    /// <summary>Path destination unknown (5).</summary>
    PathDestinationUnknown = 5,

    /// <summary>Partial transfer (6).</summary>
    PartialTransfer = 6,

    /// <summary>Connection lost (7).</summary>
    ConnectionLost = 7,

    /// <summary>Service not supported (8).</summary>
    ServiceNotSupported = 8,

    /// <summary>Invalid attribute value (9).</summary>
    InvalidAttributeValue = 9,

    /// <summary>Attribute list error (10).</summary>
    AttributeListError = 10,

    /// <summary>Already in requested mode/state (11).</summary>
    AlreadyInRequestedModeState = 11,

    /// <summary>Object state conflict (12).</summary>
    ObjectStateConflict = 12,

    /// <summary>Object already exists (13).</summary>
    ObjectAlreadyExists = 13,

    /// <summary>Attribute not settable (14).</summary>
    AttributeNotSettable = 14,

    /// <summary>Privilege violation (15).</summary>
    PrivilegeViolation = 15,

    /// <summary>Device state conflict (16).</summary>
    DeviceStateConflict = 16,

    /// <summary>Reply data too large (17).</summary>
    ReplyDataTooLarge = 17,

    /// <summary>Fragmentation of a primitive value (18).</summary>
    FragmentationOfAPrimitiveValue = 18,

    /// <summary>Not enough data (19).</summary>
    NotEnoughData = 19,

    /// <summary>Attribute not supported (20).</summary>
    AttributeNotSupported = 20,

    /// <summary>Too much data (21).</summary>
    TooMuchData = 21,

    /// <summary>Object does not exist (22).</summary>
    ObjectDoesNotExist = 22,

    /// <summary>Service fragmentation sequence not in progress (23).</summary>
    ServiceFragmentationSequenceNotInProgress = 23,

    /// <summary>No stored attribute data (24).</summary>
    NoStoredAttributeData = 24,

    /// <summary>Store operation failure (25).</summary>
    StoreOperationFailure = 25,

    /// <summary>Routing failure, request packet too large (26).</summary>
    RoutingFailureRequestPacketTooLarge = 26,

    /// <summary>Routing failure, response packet too large (27).</summary>
    RoutingFailureResponsePacketTooLarge = 27,

    /// <summary>Missing attribute list entry data (28).</summary>
    MissingAttributeListEntryData = 28,

    /// <summary>Invalid attribute value list (29).</summary>
    InvalidAttributeValueList = 29,

    /// <summary>Embedded service error (30).</summary>
    EmbeddedServiceError = 30,

    /// <summary>Vendor specific error (31).</summary>
    VendorSpecificError = 31,

    /// <summary>Invalid parameter (32).</summary>
    InvalidParameter = 32,

    /// <summary>Write-once value or medium already written (33).</summary>
    WriteOnceValueOrMediumAlreadyWritten = 33,

    /// <summary>Invalid reply received (34).</summary>
    InvalidReplyReceived = 34,

    /// <summary>Buffer overflow (35).</summary>
    BufferOverflow = 35,

    /// <summary>Invalid message format (36).</summary>
    InvalidMessageFormat = 36,

    /// <summary>Key failure in path (37).</summary>
    KeyFailureInPath = 37,

    /// <summary>Path size invalid (38).</summary>
    PathSizeInvalid = 38,

    /// <summary>Unexpected attribute in list (39).</summary>
    UnexpectedAttributeInList = 39,

    /// <summary>Invalid Member ID (40).</summary>
    InvalidMemberID = 40,

    /// <summary>Member not settable (41).</summary>
    MemberNotSettable = 41,

    /// <summary>Group 2 only server general failure (42).</summary>
    Group2OnlyServerGeneralFailure = 42,

    /// <summary>Unknown Modbus error (43).</summary>
    UnknownModbusError = 43,

    /// <summary>Attribute not gettable (44).</summary>
    AttributeNotGettable = 44,
}
