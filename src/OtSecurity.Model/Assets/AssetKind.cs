namespace OtSecurity.Model.Assets;

/// <summary>What kind of device or system an asset is.</summary>
public enum AssetKind
{
    /// <summary>Not known (for example an endpoint seen on the wire but not yet identified).</summary>
    Unknown = 0,

    /// <summary>Programmable logic controller.</summary>
    Plc,

    /// <summary>Safety controller or safety instrumented system (SIS) logic solver.</summary>
    SafetyController,

    /// <summary>Remote terminal unit.</summary>
    Rtu,

    /// <summary>Intelligent electronic device (protection relay, meter, bay controller).</summary>
    Ied,

    /// <summary>Distributed control system controller.</summary>
    DcsController,

    /// <summary>Human-machine interface (operator panel or station).</summary>
    Hmi,

    /// <summary>Engineering workstation (programs controllers).</summary>
    EngineeringWorkstation,

    /// <summary>Process historian.</summary>
    Historian,

    /// <summary>OPC (classic or UA) server or SCADA server.</summary>
    OpcScadaServer,

    /// <summary>Drive or variable-frequency drive (VFD).</summary>
    Drive,

    /// <summary>I/O gateway, remote I/O adapter or protocol converter.</summary>
    IoGateway,

    /// <summary>Field sensor or actuator (including an emergency-stop station).</summary>
    SensorActuator,

    /// <summary>Network switch.</summary>
    Switch,

    /// <summary>Router.</summary>
    Router,

    /// <summary>Firewall.</summary>
    Firewall,

    /// <summary>Wireless access point or wireless bridge.</summary>
    WirelessAccessPoint,

    /// <summary>Remote-access gateway or jump host.</summary>
    RemoteAccessGateway,

    /// <summary>General-purpose server.</summary>
    Server,

    /// <summary>General-purpose workstation or laptop.</summary>
    Workstation,

    /// <summary>Building-automation or IoT controller (for example a BACnet controller).</summary>
    BuildingController,
}
