namespace OtSecurity.Protocols.Bacnet;

/// <summary>BVLC functions of BACnet/IP (ANSI/ASHRAE 135 Annex J.2).</summary>
public enum BvlcFunction : byte
{
    /// <summary>BVLC-Result (J.2.1): the outcome of a BBMD or foreign-device request.</summary>
    BvlcResult = 0x00,

    /// <summary>Write-Broadcast-Distribution-Table (J.2.2).</summary>
    WriteBroadcastDistributionTable = 0x01,

    /// <summary>Read-Broadcast-Distribution-Table (J.2.3).</summary>
    ReadBroadcastDistributionTable = 0x02,

    /// <summary>Read-Broadcast-Distribution-Table-Ack (J.2.4).</summary>
    ReadBroadcastDistributionTableAck = 0x03,

    /// <summary>Forwarded-NPDU (J.2.5): an NPDU forwarded by a BBMD with its originating B/IP address.</summary>
    ForwardedNpdu = 0x04,

    /// <summary>Register-Foreign-Device (J.2.6) with its time-to-live.</summary>
    RegisterForeignDevice = 0x05,

    /// <summary>Read-Foreign-Device-Table (J.2.7).</summary>
    ReadForeignDeviceTable = 0x06,

    /// <summary>Read-Foreign-Device-Table-Ack (J.2.8).</summary>
    ReadForeignDeviceTableAck = 0x07,

    /// <summary>Delete-Foreign-Device-Table-Entry (J.2.9).</summary>
    DeleteForeignDeviceTableEntry = 0x08,

    /// <summary>Distribute-Broadcast-To-Network (J.2.10): a foreign device asks its BBMD to broadcast an NPDU.</summary>
    DistributeBroadcastToNetwork = 0x09,

    /// <summary>Original-Unicast-NPDU (J.2.11).</summary>
    OriginalUnicastNpdu = 0x0A,

    /// <summary>Original-Broadcast-NPDU (J.2.12).</summary>
    OriginalBroadcastNpdu = 0x0B,

    /// <summary>Secure-BVLL (J.2.13): a BVLL message wrapped by BACnet network security.</summary>
    SecureBvll = 0x0C,
}

/// <summary>BVLC-Result codes (ANSI/ASHRAE 135 Annex J.2.1.1).</summary>
public enum BvlcResultCode : ushort
{
    /// <summary>Successful completion.</summary>
    SuccessfulCompletion = 0x0000,

    /// <summary>Write-Broadcast-Distribution-Table NAK.</summary>
    WriteBroadcastDistributionTableNak = 0x0010,

    /// <summary>Read-Broadcast-Distribution-Table NAK.</summary>
    ReadBroadcastDistributionTableNak = 0x0020,

    /// <summary>Register-Foreign-Device NAK.</summary>
    RegisterForeignDeviceNak = 0x0030,

    /// <summary>Read-Foreign-Device-Table NAK.</summary>
    ReadForeignDeviceTableNak = 0x0040,

    /// <summary>Delete-Foreign-Device-Table-Entry NAK.</summary>
    DeleteForeignDeviceTableEntryNak = 0x0050,

    /// <summary>Distribute-Broadcast-To-Network NAK.</summary>
    DistributeBroadcastToNetworkNak = 0x0060,
}
