namespace OtSecurity.Protocols;

/// <summary>
/// Why a reader returned <see cref="System.Buffers.OperationStatus.InvalidData"/>: the protocol,
/// a stable numeric code from that protocol's closed error enum, a short reason and the byte offset
/// (relative to the start of the input) where the problem was found.
/// </summary>
/// <param name="Protocol">The protocol's short name, for example <c>modbus</c>.</param>
/// <param name="Code">The value of the protocol's error enum (for example <c>ModbusError</c>).</param>
/// <param name="Reason">A constant, human-readable reason; it never contains input bytes.</param>
/// <param name="Offset">Offset of the offending field from the start of the input.</param>
public readonly record struct ProtocolError(string Protocol, int Code, string Reason, int Offset)
{
    /// <summary>True when this value describes an error (a default value does not).</summary>
    public bool IsError => Protocol is not null;

    /// <inheritdoc />
    public override string ToString() => IsError ? $"{Protocol} error {Code} at offset {Offset}: {Reason}" : "no error";
}
