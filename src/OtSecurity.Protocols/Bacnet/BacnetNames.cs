using System.Globalization;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>Names and operation classes of BACnet message kinds.</summary>
public static class BacnetNames
{
    /// <summary>The name of a confirmed service choice, or <see langword="null"/> when undefined.</summary>
    /// <param name="service">The service choice octet.</param>
    /// <returns>The name (for example <c>ReadProperty</c>).</returns>
    public static string? GetConfirmedServiceName(byte service) => service <= (byte)BacnetConfirmedService.AuditLogQuery
        ? Enum.GetName((BacnetConfirmedService)service)
        : null;

    /// <summary>The name of an unconfirmed service choice, or <see langword="null"/> when undefined.</summary>
    /// <param name="service">The service choice octet.</param>
    /// <returns>The name (for example <c>WhoIs</c>).</returns>
    public static string? GetUnconfirmedServiceName(byte service) => service <= (byte)BacnetUnconfirmedService.YouAre
        ? Enum.GetName((BacnetUnconfirmedService)service)
        : null;

    /// <summary>The name of a BVLC function, or <see langword="null"/> when undefined.</summary>
    /// <param name="function">The function octet.</param>
    /// <returns>The name.</returns>
    public static string? GetBvlcFunctionName(byte function) => Bvlc.IsDefined(function) ? Enum.GetName((BvlcFunction)function) : null;

    /// <summary>The name of a network layer message type.</summary>
    /// <param name="messageType">The message type octet.</param>
    /// <returns>The name; reserved and proprietary types are named as such.</returns>
    public static string GetNetworkMessageName(byte messageType) => messageType switch
    {
        <= (byte)NetworkMessageType.NetworkNumberIs => Enum.GetName((NetworkMessageType)messageType)!,
        >= 0x80 => "VendorProprietaryMessage",
        _ => "ReservedNetworkMessage",
    };

    /// <summary>The name of an object type (the numeric value for proprietary and unknown types).</summary>
    /// <param name="type">The object type.</param>
    /// <returns>The name.</returns>
    public static string GetObjectTypeName(BacnetObjectType type) => Enum.GetName(type) ?? ((ushort)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>What a confirmed service does.</summary>
    /// <param name="service">The service choice octet.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyConfirmed(byte service) => (BacnetConfirmedService)service switch
    {
        BacnetConfirmedService.ReadProperty or BacnetConfirmedService.ReadPropertyMultiple or BacnetConfirmedService.ReadPropertyConditional
            or BacnetConfirmedService.ReadRange or BacnetConfirmedService.GetAlarmSummary or BacnetConfirmedService.GetEnrollmentSummary
            or BacnetConfirmedService.GetEventInformation or BacnetConfirmedService.AuditLogQuery => OperationClass.Read,
        BacnetConfirmedService.WriteProperty or BacnetConfirmedService.WritePropertyMultiple or BacnetConfirmedService.AddListElement
            or BacnetConfirmedService.RemoveListElement or BacnetConfirmedService.CreateObject or BacnetConfirmedService.DeleteObject => OperationClass.Write,
        BacnetConfirmedService.DeviceCommunicationControl or BacnetConfirmedService.ReinitializeDevice => OperationClass.DeviceState,
        BacnetConfirmedService.AtomicReadFile or BacnetConfirmedService.AtomicWriteFile => OperationClass.FileTransfer,
        BacnetConfirmedService.SubscribeCov or BacnetConfirmedService.SubscribeCovProperty or BacnetConfirmedService.SubscribeCovPropertyMultiple
            or BacnetConfirmedService.ConfirmedCovNotification or BacnetConfirmedService.ConfirmedCovNotificationMultiple
            or BacnetConfirmedService.ConfirmedEventNotification or BacnetConfirmedService.AcknowledgeAlarm
            or BacnetConfirmedService.ConfirmedAuditNotification or BacnetConfirmedService.ConfirmedTextMessage => OperationClass.Event,
        BacnetConfirmedService.LifeSafetyOperation => OperationClass.Control,
        BacnetConfirmedService.VtOpen or BacnetConfirmedService.VtClose or BacnetConfirmedService.VtData => OperationClass.Session,
        BacnetConfirmedService.Authenticate or BacnetConfirmedService.RequestKey => OperationClass.Security,
        _ => OperationClass.Unknown,
    };

    /// <summary>What an unconfirmed service does.</summary>
    /// <param name="service">The service choice octet.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyUnconfirmed(byte service) => (BacnetUnconfirmedService)service switch
    {
        BacnetUnconfirmedService.WhoIs or BacnetUnconfirmedService.IAm or BacnetUnconfirmedService.WhoHas or BacnetUnconfirmedService.IHave
            or BacnetUnconfirmedService.WhoAmI or BacnetUnconfirmedService.YouAre => OperationClass.Discovery,
        BacnetUnconfirmedService.TimeSynchronization or BacnetUnconfirmedService.UtcTimeSynchronization => OperationClass.TimeSync,
        BacnetUnconfirmedService.UnconfirmedCovNotification or BacnetUnconfirmedService.UnconfirmedCovNotificationMultiple
            or BacnetUnconfirmedService.UnconfirmedEventNotification or BacnetUnconfirmedService.UnconfirmedAuditNotification
            or BacnetUnconfirmedService.UnconfirmedTextMessage => OperationClass.Event,
        BacnetUnconfirmedService.WriteGroup => OperationClass.Write,
        _ => OperationClass.Unknown,
    };

    /// <summary>What a BVLC function without an NPDU does.</summary>
    /// <param name="function">The function.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyBvlc(BvlcFunction function) => function switch
    {
        BvlcFunction.RegisterForeignDevice => OperationClass.Session,
        BvlcFunction.ReadBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck
            or BvlcFunction.ReadForeignDeviceTable or BvlcFunction.ReadForeignDeviceTableAck => OperationClass.Read,
        BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.DeleteForeignDeviceTableEntry => OperationClass.Write,
        BvlcFunction.SecureBvll => OperationClass.Security,
        _ => OperationClass.Unknown,
    };

    /// <summary>What a network layer message does.</summary>
    /// <param name="messageType">The message type octet.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyNetworkMessage(byte messageType) => (NetworkMessageType)messageType switch
    {
        NetworkMessageType.WhoIsRouterToNetwork or NetworkMessageType.IAmRouterToNetwork or NetworkMessageType.ICouldBeRouterToNetwork
            or NetworkMessageType.WhatIsNetworkNumber or NetworkMessageType.NetworkNumberIs => OperationClass.Discovery,
        NetworkMessageType.InitializeRoutingTable or NetworkMessageType.InitializeRoutingTableAck => OperationClass.Write,
        NetworkMessageType.EstablishConnectionToNetwork or NetworkMessageType.DisconnectConnectionToNetwork => OperationClass.Session,
        NetworkMessageType.ChallengeRequest or NetworkMessageType.SecurityPayload or NetworkMessageType.SecurityResponse
            or NetworkMessageType.RequestKeyUpdate or NetworkMessageType.UpdateKeySet or NetworkMessageType.UpdateDistributionKey
            or NetworkMessageType.RequestMasterKey or NetworkMessageType.SetMasterKey => OperationClass.Security,
        _ => OperationClass.Unknown,
    };
}
