namespace OtSecurity.Protocols.OpcUa;

/// <summary>
/// The binary encoding ids (namespace 0) of every service request and response of OPC 10000-4, as a body's type
/// NodeId carries them (values from the OPC Foundation NodeIds.csv, e.g. 631 ReadRequest_Encoding_DefaultBinary).
/// </summary>
public enum OpcUaServiceId : uint
{
    /// <summary>Not a service id.</summary>
    None = 0,

    /// <summary>ServiceFault_Encoding_DefaultBinary: a response reporting a service-level error.</summary>
    ServiceFault = 397,

    /// <summary>SessionlessInvokeRequestType_Encoding_DefaultBinary.</summary>
    SessionlessInvokeRequest = 15903,

    /// <summary>SessionlessInvokeResponseType_Encoding_DefaultBinary.</summary>
    SessionlessInvokeResponse = 21001,

    /// <summary>FindServersRequest_Encoding_DefaultBinary.</summary>
    FindServersRequest = 422,

    /// <summary>FindServersResponse_Encoding_DefaultBinary.</summary>
    FindServersResponse = 425,

    /// <summary>FindServersOnNetworkRequest_Encoding_DefaultBinary.</summary>
    FindServersOnNetworkRequest = 12208,

    /// <summary>FindServersOnNetworkResponse_Encoding_DefaultBinary.</summary>
    FindServersOnNetworkResponse = 12209,

    /// <summary>GetEndpointsRequest_Encoding_DefaultBinary.</summary>
    GetEndpointsRequest = 428,

    /// <summary>GetEndpointsResponse_Encoding_DefaultBinary.</summary>
    GetEndpointsResponse = 431,

    /// <summary>RegisterServerRequest_Encoding_DefaultBinary.</summary>
    RegisterServerRequest = 437,

    /// <summary>RegisterServerResponse_Encoding_DefaultBinary.</summary>
    RegisterServerResponse = 440,

    /// <summary>RegisterServer2Request_Encoding_DefaultBinary.</summary>
    RegisterServer2Request = 12211,

    /// <summary>RegisterServer2Response_Encoding_DefaultBinary.</summary>
    RegisterServer2Response = 12212,

    /// <summary>OpenSecureChannelRequest_Encoding_DefaultBinary.</summary>
    OpenSecureChannelRequest = 446,

    /// <summary>OpenSecureChannelResponse_Encoding_DefaultBinary.</summary>
    OpenSecureChannelResponse = 449,

    /// <summary>CloseSecureChannelRequest_Encoding_DefaultBinary.</summary>
    CloseSecureChannelRequest = 452,

    /// <summary>CloseSecureChannelResponse_Encoding_DefaultBinary.</summary>
    CloseSecureChannelResponse = 455,

    /// <summary>CreateSessionRequest_Encoding_DefaultBinary.</summary>
    CreateSessionRequest = 461,

    /// <summary>CreateSessionResponse_Encoding_DefaultBinary.</summary>
    CreateSessionResponse = 464,

    /// <summary>ActivateSessionRequest_Encoding_DefaultBinary.</summary>
    ActivateSessionRequest = 467,

    /// <summary>ActivateSessionResponse_Encoding_DefaultBinary.</summary>
    ActivateSessionResponse = 470,

    /// <summary>CloseSessionRequest_Encoding_DefaultBinary.</summary>
    CloseSessionRequest = 473,

    /// <summary>CloseSessionResponse_Encoding_DefaultBinary.</summary>
    CloseSessionResponse = 476,

    /// <summary>CancelRequest_Encoding_DefaultBinary.</summary>
    CancelRequest = 479,

    /// <summary>CancelResponse_Encoding_DefaultBinary.</summary>
    CancelResponse = 482,

    /// <summary>AddNodesRequest_Encoding_DefaultBinary.</summary>
    AddNodesRequest = 488,

    /// <summary>AddNodesResponse_Encoding_DefaultBinary.</summary>
    AddNodesResponse = 491,

    /// <summary>AddReferencesRequest_Encoding_DefaultBinary.</summary>
    AddReferencesRequest = 494,

    /// <summary>AddReferencesResponse_Encoding_DefaultBinary.</summary>
    AddReferencesResponse = 497,

    /// <summary>DeleteNodesRequest_Encoding_DefaultBinary.</summary>
    DeleteNodesRequest = 500,

    /// <summary>DeleteNodesResponse_Encoding_DefaultBinary.</summary>
    DeleteNodesResponse = 503,

    /// <summary>DeleteReferencesRequest_Encoding_DefaultBinary.</summary>
    DeleteReferencesRequest = 506,

    /// <summary>DeleteReferencesResponse_Encoding_DefaultBinary.</summary>
    DeleteReferencesResponse = 509,

    /// <summary>BrowseRequest_Encoding_DefaultBinary.</summary>
    BrowseRequest = 527,

    /// <summary>BrowseResponse_Encoding_DefaultBinary.</summary>
    BrowseResponse = 530,

    /// <summary>BrowseNextRequest_Encoding_DefaultBinary.</summary>
    BrowseNextRequest = 533,

    /// <summary>BrowseNextResponse_Encoding_DefaultBinary.</summary>
    BrowseNextResponse = 536,

    /// <summary>TranslateBrowsePathsToNodeIdsRequest_Encoding_DefaultBinary.</summary>
    TranslateBrowsePathsToNodeIdsRequest = 554,

    /// <summary>TranslateBrowsePathsToNodeIdsResponse_Encoding_DefaultBinary.</summary>
    TranslateBrowsePathsToNodeIdsResponse = 557,

    /// <summary>RegisterNodesRequest_Encoding_DefaultBinary.</summary>
    RegisterNodesRequest = 560,

    /// <summary>RegisterNodesResponse_Encoding_DefaultBinary.</summary>
    RegisterNodesResponse = 563,

    /// <summary>UnregisterNodesRequest_Encoding_DefaultBinary.</summary>
    UnregisterNodesRequest = 566,

    /// <summary>UnregisterNodesResponse_Encoding_DefaultBinary.</summary>
    UnregisterNodesResponse = 569,

    /// <summary>QueryFirstRequest_Encoding_DefaultBinary.</summary>
    QueryFirstRequest = 615,

    /// <summary>QueryFirstResponse_Encoding_DefaultBinary.</summary>
    QueryFirstResponse = 618,

    /// <summary>QueryNextRequest_Encoding_DefaultBinary.</summary>
    QueryNextRequest = 621,

    /// <summary>QueryNextResponse_Encoding_DefaultBinary.</summary>
    QueryNextResponse = 624,

    /// <summary>ReadRequest_Encoding_DefaultBinary.</summary>
    ReadRequest = 631,

    /// <summary>ReadResponse_Encoding_DefaultBinary.</summary>
    ReadResponse = 634,

    /// <summary>HistoryReadRequest_Encoding_DefaultBinary.</summary>
    HistoryReadRequest = 664,

    /// <summary>HistoryReadResponse_Encoding_DefaultBinary.</summary>
    HistoryReadResponse = 667,

    /// <summary>WriteRequest_Encoding_DefaultBinary.</summary>
    WriteRequest = 673,

    /// <summary>WriteResponse_Encoding_DefaultBinary.</summary>
    WriteResponse = 676,

    /// <summary>HistoryUpdateRequest_Encoding_DefaultBinary.</summary>
    HistoryUpdateRequest = 700,

    /// <summary>HistoryUpdateResponse_Encoding_DefaultBinary.</summary>
    HistoryUpdateResponse = 703,

    /// <summary>CallRequest_Encoding_DefaultBinary.</summary>
    CallRequest = 712,

    /// <summary>CallResponse_Encoding_DefaultBinary.</summary>
    CallResponse = 715,

    /// <summary>CreateMonitoredItemsRequest_Encoding_DefaultBinary.</summary>
    CreateMonitoredItemsRequest = 751,

    /// <summary>CreateMonitoredItemsResponse_Encoding_DefaultBinary.</summary>
    CreateMonitoredItemsResponse = 754,

    /// <summary>ModifyMonitoredItemsRequest_Encoding_DefaultBinary.</summary>
    ModifyMonitoredItemsRequest = 763,

    /// <summary>ModifyMonitoredItemsResponse_Encoding_DefaultBinary.</summary>
    ModifyMonitoredItemsResponse = 766,

    /// <summary>SetMonitoringModeRequest_Encoding_DefaultBinary.</summary>
    SetMonitoringModeRequest = 769,

    /// <summary>SetMonitoringModeResponse_Encoding_DefaultBinary.</summary>
    SetMonitoringModeResponse = 772,

    /// <summary>SetTriggeringRequest_Encoding_DefaultBinary.</summary>
    SetTriggeringRequest = 775,

    /// <summary>SetTriggeringResponse_Encoding_DefaultBinary.</summary>
    SetTriggeringResponse = 778,

    /// <summary>DeleteMonitoredItemsRequest_Encoding_DefaultBinary.</summary>
    DeleteMonitoredItemsRequest = 781,

    /// <summary>DeleteMonitoredItemsResponse_Encoding_DefaultBinary.</summary>
    DeleteMonitoredItemsResponse = 784,

    /// <summary>CreateSubscriptionRequest_Encoding_DefaultBinary.</summary>
    CreateSubscriptionRequest = 787,

    /// <summary>CreateSubscriptionResponse_Encoding_DefaultBinary.</summary>
    CreateSubscriptionResponse = 790,

    /// <summary>ModifySubscriptionRequest_Encoding_DefaultBinary.</summary>
    ModifySubscriptionRequest = 793,

    /// <summary>ModifySubscriptionResponse_Encoding_DefaultBinary.</summary>
    ModifySubscriptionResponse = 796,

    /// <summary>SetPublishingModeRequest_Encoding_DefaultBinary.</summary>
    SetPublishingModeRequest = 799,

    /// <summary>SetPublishingModeResponse_Encoding_DefaultBinary.</summary>
    SetPublishingModeResponse = 802,

    /// <summary>PublishRequest_Encoding_DefaultBinary.</summary>
    PublishRequest = 826,

    /// <summary>PublishResponse_Encoding_DefaultBinary.</summary>
    PublishResponse = 829,

    /// <summary>RepublishRequest_Encoding_DefaultBinary.</summary>
    RepublishRequest = 832,

    /// <summary>RepublishResponse_Encoding_DefaultBinary.</summary>
    RepublishResponse = 835,

    /// <summary>TransferSubscriptionsRequest_Encoding_DefaultBinary.</summary>
    TransferSubscriptionsRequest = 841,

    /// <summary>TransferSubscriptionsResponse_Encoding_DefaultBinary.</summary>
    TransferSubscriptionsResponse = 844,

    /// <summary>DeleteSubscriptionsRequest_Encoding_DefaultBinary.</summary>
    DeleteSubscriptionsRequest = 847,

    /// <summary>DeleteSubscriptionsResponse_Encoding_DefaultBinary.</summary>
    DeleteSubscriptionsResponse = 850,
}

/// <summary>Names and classes of the OPC 10000-4 services by their binary encoding id.</summary>
public static class OpcUaServices
{
    /// <summary>The service's request or response name ("ReadRequest"), or null for an id that is not a service message.</summary>
    /// <param name="encodingId">The numeric type id (namespace 0).</param>
    /// <returns>The name; a constant string, so no allocation.</returns>
    public static string? GetName(uint encodingId) => encodingId switch
    {
        397 => "ServiceFault",
        15903 => "SessionlessInvokeRequest",
        21001 => "SessionlessInvokeResponse",
        422 => "FindServersRequest",
        425 => "FindServersResponse",
        12208 => "FindServersOnNetworkRequest",
        12209 => "FindServersOnNetworkResponse",
        428 => "GetEndpointsRequest",
        431 => "GetEndpointsResponse",
        437 => "RegisterServerRequest",
        440 => "RegisterServerResponse",
        12211 => "RegisterServer2Request",
        12212 => "RegisterServer2Response",
        446 => "OpenSecureChannelRequest",
        449 => "OpenSecureChannelResponse",
        452 => "CloseSecureChannelRequest",
        455 => "CloseSecureChannelResponse",
        461 => "CreateSessionRequest",
        464 => "CreateSessionResponse",
        467 => "ActivateSessionRequest",
        470 => "ActivateSessionResponse",
        473 => "CloseSessionRequest",
        476 => "CloseSessionResponse",
        479 => "CancelRequest",
        482 => "CancelResponse",
        488 => "AddNodesRequest",
        491 => "AddNodesResponse",
        494 => "AddReferencesRequest",
        497 => "AddReferencesResponse",
        500 => "DeleteNodesRequest",
        503 => "DeleteNodesResponse",
        506 => "DeleteReferencesRequest",
        509 => "DeleteReferencesResponse",
        527 => "BrowseRequest",
        530 => "BrowseResponse",
        533 => "BrowseNextRequest",
        536 => "BrowseNextResponse",
        554 => "TranslateBrowsePathsToNodeIdsRequest",
        557 => "TranslateBrowsePathsToNodeIdsResponse",
        560 => "RegisterNodesRequest",
        563 => "RegisterNodesResponse",
        566 => "UnregisterNodesRequest",
        569 => "UnregisterNodesResponse",
        615 => "QueryFirstRequest",
        618 => "QueryFirstResponse",
        621 => "QueryNextRequest",
        624 => "QueryNextResponse",
        631 => "ReadRequest",
        634 => "ReadResponse",
        664 => "HistoryReadRequest",
        667 => "HistoryReadResponse",
        673 => "WriteRequest",
        676 => "WriteResponse",
        700 => "HistoryUpdateRequest",
        703 => "HistoryUpdateResponse",
        712 => "CallRequest",
        715 => "CallResponse",
        751 => "CreateMonitoredItemsRequest",
        754 => "CreateMonitoredItemsResponse",
        763 => "ModifyMonitoredItemsRequest",
        766 => "ModifyMonitoredItemsResponse",
        769 => "SetMonitoringModeRequest",
        772 => "SetMonitoringModeResponse",
        775 => "SetTriggeringRequest",
        778 => "SetTriggeringResponse",
        781 => "DeleteMonitoredItemsRequest",
        784 => "DeleteMonitoredItemsResponse",
        787 => "CreateSubscriptionRequest",
        790 => "CreateSubscriptionResponse",
        793 => "ModifySubscriptionRequest",
        796 => "ModifySubscriptionResponse",
        799 => "SetPublishingModeRequest",
        802 => "SetPublishingModeResponse",
        826 => "PublishRequest",
        829 => "PublishResponse",
        832 => "RepublishRequest",
        835 => "RepublishResponse",
        841 => "TransferSubscriptionsRequest",
        844 => "TransferSubscriptionsResponse",
        847 => "DeleteSubscriptionsRequest",
        850 => "DeleteSubscriptionsResponse",
        _ => null,
    };

    /// <summary>True for a request encoding id, false for a response (or ServiceFault), null for an unknown id.</summary>
    /// <param name="encodingId">The numeric type id.</param>
    /// <returns>Whether it is a request.</returns>
    public static bool? IsRequest(uint encodingId) => encodingId switch
    {
        397 or 21001 => false,
        15903 => true,
        422 or 12208 or 428 or 437 or 12211 or 446 or 452 or 461 or 467 or 473 or 479 or 488 or 494 or 500 or 506 or 527 or 533 or 554 or 560 or 566 or 615 or 621 or 631 or 664 or 673 or 700 or 712 or 751 or 763 or 769 or 775 or 781 or 787 or 793 or 799 or 826 or 832 or 841 or 847 => true,
        425 or 12209 or 431 or 440 or 12212 or 449 or 455 or 464 or 470 or 476 or 482 or 491 or 497 or 503 or 509 or 530 or 536 or 557 or 563 or 569 or 618 or 624 or 634 or 667 or 676 or 703 or 715 or 754 or 766 or 772 or 778 or 784 or 790 or 796 or 802 or 829 or 835 or 844 or 850 => false,
        _ => null,
    };

    /// <summary>
    /// What a service does: sessions and channels → Session; Read/Browse/TranslateBrowsePaths/HistoryRead/queries → Read;
    /// Write/HistoryUpdate/node management → Write; Call → Control; subscriptions, monitored items and Publish → Event;
    /// GetEndpoints/FindServers/RegisterServer → Discovery.
    /// </summary>
    /// <param name="encodingId">Request or response encoding id.</param>
    /// <returns>The class (Unknown for ServiceFault and unknown ids).</returns>
    public static OperationClass Classify(uint encodingId) => encodingId switch
    {
        422 or 425 or 12208 or 12209 or 428 or 431 or 437 or 440 or 12211 or 12212 => OperationClass.Discovery,
        446 or 449 or 452 or 455 or 461 or 464 or 467 or 470 or 473 or 476 or 479 or 482 => OperationClass.Session,
        488 or 491 or 494 or 497 or 500 or 503 or 506 or 509 or 673 or 676 or 700 or 703 => OperationClass.Write,
        527 or 530 or 533 or 536 or 554 or 557 or 560 or 563 or 566 or 569 or 615 or 618 or 621 or 624 or 631 or 634 or 664 or 667 => OperationClass.Read,
        712 or 715 => OperationClass.Control,
        751 or 754 or 763 or 766 or 769 or 772 or 775 or 778 or 781 or 784 or 787 or 790 or 793 or 796 or 799 or 802 or 826 or 829 or 832 or 835 or 841 or 844 or 847 or 850 => OperationClass.Event,
        _ => OperationClass.Unknown,
    };
}
