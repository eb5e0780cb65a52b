namespace OtSecurity.Protocols.Bacnet;

/// <summary>Network priority, bits 1..0 of the NPDU control octet (ANSI/ASHRAE 135 clause 6.2.2).</summary>
public enum NetworkPriority : byte
{
    /// <summary>Normal message.</summary>
    Normal = 0,

    /// <summary>Urgent message.</summary>
    Urgent = 1,

    /// <summary>Critical equipment message.</summary>
    CriticalEquipment = 2,

    /// <summary>Life safety message.</summary>
    LifeSafety = 3,
}

/// <summary>Network layer message types (ANSI/ASHRAE 135 clause 6.2.4). 0x14..0x7F are reserved; 0x80..0xFF are vendor proprietary.</summary>
public enum NetworkMessageType : byte
{
    /// <summary>Who-Is-Router-To-Network (6.4.1).</summary>
    WhoIsRouterToNetwork = 0x00,

    /// <summary>I-Am-Router-To-Network (6.4.2).</summary>
    IAmRouterToNetwork = 0x01,

    /// <summary>I-Could-Be-Router-To-Network (6.4.3).</summary>
    ICouldBeRouterToNetwork = 0x02,

    /// <summary>Reject-Message-To-Network (6.4.4).</summary>
    RejectMessageToNetwork = 0x03,

    /// <summary>Router-Busy-To-Network (6.4.5).</summary>
    RouterBusyToNetwork = 0x04,

    /// <summary>Router-Available-To-Network (6.4.6).</summary>
    RouterAvailableToNetwork = 0x05,

    /// <summary>Initialize-Routing-Table (6.4.7).</summary>
    InitializeRoutingTable = 0x06,

    /// <summary>Initialize-Routing-Table-Ack (6.4.8).</summary>
    InitializeRoutingTableAck = 0x07,

    /// <summary>Establish-Connection-To-Network (6.4.9).</summary>
    EstablishConnectionToNetwork = 0x08,

    /// <summary>Disconnect-Connection-To-Network (6.4.10).</summary>
    DisconnectConnectionToNetwork = 0x09,

    /// <summary>Challenge-Request (network security, clause 24).</summary>
    ChallengeRequest = 0x0A,

    /// <summary>Security-Payload (clause 24).</summary>
    SecurityPayload = 0x0B,

    /// <summary>Security-Response (clause 24).</summary>
    SecurityResponse = 0x0C,

    /// <summary>Request-Key-Update (clause 24).</summary>
    RequestKeyUpdate = 0x0D,

    /// <summary>Update-Key-Set (clause 24).</summary>
    UpdateKeySet = 0x0E,

    /// <summary>Update-Distribution-Key (clause 24).</summary>
    UpdateDistributionKey = 0x0F,

    /// <summary>Request-Master-Key (clause 24).</summary>
    RequestMasterKey = 0x10,

    /// <summary>Set-Master-Key (clause 24).</summary>
    SetMasterKey = 0x11,

    /// <summary>What-Is-Network-Number (6.4.19).</summary>
    WhatIsNetworkNumber = 0x12,

    /// <summary>Network-Number-Is (6.4.20).</summary>
    NetworkNumberIs = 0x13,
}

/// <summary>Reasons of Reject-Message-To-Network (ANSI/ASHRAE 135 clause 6.4.4).</summary>
public enum NetworkRejectReason : byte
{
    /// <summary>Other error.</summary>
    Other = 0,

    /// <summary>The router is not directly connected to DNET and cannot find a router to it.</summary>
    NotRouterToDnet = 1,

    /// <summary>The router is busy and cannot accept messages for DNET now.</summary>
    RouterBusy = 2,

    /// <summary>Unknown network layer message type.</summary>
    UnknownNetworkMessage = 3,

    /// <summary>The message is too long to be routed to DNET.</summary>
    MessageTooLong = 4,

    /// <summary>Security error (the router could not process a secured message).</summary>
    SecurityError = 5,

    /// <summary>Addressing error.</summary>
    AddressingError = 6,
}
