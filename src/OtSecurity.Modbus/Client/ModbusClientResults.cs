using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>The answer to a Diagnostics (function 8) request.</summary>
/// <param name="SubFunction">The sub-function echoed by the server.</param>
/// <param name="Data">The data bytes (a whole number of 16-bit words).</param>
public sealed record ModbusDiagnosticsResult(ModbusDiagnosticSubFunction SubFunction, byte[] Data)
{
    /// <summary>The single data word of the sub-functions that return one (counters, diagnostic register); null otherwise.</summary>
    public ushort? Word => Data.Length == 2 ? (ushort)((Data[0] << 8) | Data[1]) : null;
}

/// <summary>The answer to Get Comm Event Log (function 12, §6.10).</summary>
/// <param name="Status">0xFFFF while a previous command is still being processed, 0x0000 otherwise.</param>
/// <param name="EventCount">Comm event counter.</param>
/// <param name="MessageCount">Bus message counter.</param>
/// <param name="Events">0..64 event bytes, most recent first.</param>
public sealed record ModbusCommEventLog(ushort Status, ushort EventCount, ushort MessageCount, byte[] Events);
