namespace OtSecurity.Capture.Dissection;

/// <summary>
/// A protocol-specific key of an <see cref="OtMessage"/> (for example Modbus <c>txn</c>, DNP3 <c>dnp3Src</c>,
/// OPC UA <c>msgType</c>), named as in the <c>otsec dissect --jsonl</c> contract. Exactly one of
/// <see cref="Number"/> and <see cref="Text"/> is set.
/// </summary>
/// <param name="Key">The JSON key.</param>
/// <param name="Number">The numeric value, as the protocol carries it.</param>
/// <param name="Text">The text value, for keys that are text (OPC UA message type).</param>
public readonly record struct OtField(string Key, long? Number, string? Text)
{
    /// <summary>A numeric field.</summary>
    /// <param name="key">The JSON key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The field.</returns>
    public static OtField Of(string key, long value) => new(key, value, null);

    /// <summary>A text field.</summary>
    /// <param name="key">The JSON key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The field.</returns>
    public static OtField Of(string key, string value) => new(key, null, value);
}
