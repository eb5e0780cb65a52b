namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// Whether a PDU is a request (client to server) or a response. Many requests and responses share a
/// function code but not a layout, so a reader must be told, or must infer it from the structure.
/// </summary>
public enum ModbusDirection
{
    /// <summary>Not known: the reader infers it from the structure (see <see cref="ModbusPdu.InferDirection"/>).</summary>
    Unknown = 0,

    /// <summary>Client (master) to server (slave).</summary>
    Request,

    /// <summary>Server to client: a normal or an exception response.</summary>
    Response,
}
