namespace OtSecurity.Protocols;

/// <summary>
/// What a protocol message does to the process or the device, independent of the protocol.
/// Detection, baselining and response reason about these classes rather than about function codes.
/// </summary>
public enum OperationClass
{
    /// <summary>The message could not be classified (an unknown or user-defined function).</summary>
    Unknown = 0,

    /// <summary>Reads process data or configuration without changing anything.</summary>
    Read,

    /// <summary>Writes process data (setpoints, coils, registers, variables).</summary>
    Write,

    /// <summary>Operates equipment: select/operate, direct operate, start/stop commands, control outputs.</summary>
    Control,

    /// <summary>Changes or transfers the controller's logic or configuration: program download/upload, block transfer, delete.</summary>
    Program,

    /// <summary>Changes the run state of a device: restart, stop, cold/warm start, reinitialize.</summary>
    DeviceState,

    /// <summary>Diagnostics, counters and loopback tests.</summary>
    Diagnostic,

    /// <summary>Asks a device who it is: vendor, product, firmware, serial.</summary>
    Identification,

    /// <summary>Discovers devices or services on the network (broadcast who-is, list identity).</summary>
    Discovery,

    /// <summary>Sets up, keeps alive or tears down a session or channel.</summary>
    Session,

    /// <summary>Reads or sets a device's clock.</summary>
    TimeSync,

    /// <summary>Unsolicited or spontaneous data and event reports, subscriptions and notifications.</summary>
    Event,

    /// <summary>File transfer to or from a device.</summary>
    FileTransfer,

    /// <summary>Authentication, keys and passwords.</summary>
    Security,
}
