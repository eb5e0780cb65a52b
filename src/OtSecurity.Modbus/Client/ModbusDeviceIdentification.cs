using System.Globalization;
using System.Text;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>One object of a device's identification (function 43 / MEI 14).</summary>
/// <param name="Id">Object id: 0x00–0x06 standard, 0x07–0x7F reserved, 0x80–0xFF private.</param>
/// <param name="Value">The value bytes as sent (ASCII strings for the standard objects).</param>
public sealed record ModbusDeviceIdentityObject(byte Id, byte[] Value)
{
    /// <summary>The value as text (UTF-8; invalid bytes become U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Value);

    /// <summary>The standard object's name (<see cref="ModbusDeviceObjectId"/>), or "Reserved0xNN" / "Private0xNN".</summary>
    public string Name => GetName(Id);

    /// <summary>The name of an object id.</summary>
    /// <param name="id">Object id.</param>
    /// <returns>The standard name, or "Reserved0xNN" / "Private0xNN".</returns>
    public static string GetName(byte id) => id switch
    {
        (byte)ModbusDeviceObjectId.VendorName => nameof(ModbusDeviceObjectId.VendorName),
        (byte)ModbusDeviceObjectId.ProductCode => nameof(ModbusDeviceObjectId.ProductCode),
        (byte)ModbusDeviceObjectId.MajorMinorRevision => nameof(ModbusDeviceObjectId.MajorMinorRevision),
        (byte)ModbusDeviceObjectId.VendorUrl => nameof(ModbusDeviceObjectId.VendorUrl),
        (byte)ModbusDeviceObjectId.ProductName => nameof(ModbusDeviceObjectId.ProductName),
        (byte)ModbusDeviceObjectId.ModelName => nameof(ModbusDeviceObjectId.ModelName),
        (byte)ModbusDeviceObjectId.UserApplicationName => nameof(ModbusDeviceObjectId.UserApplicationName),
        < 0x80 => string.Create(CultureInfo.InvariantCulture, $"Reserved0x{id:X2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Private0x{id:X2}"),
    };
}

/// <summary>
/// A device's identification read with function 43 / MEI 14 (MODBUS Application Protocol Specification V1.1b3 §6.21),
/// every page of a stream access gathered.
/// </summary>
/// <param name="ReadDeviceIdCode">The access that was asked for.</param>
/// <param name="ConformityLevel">The identification level and access types the device says it supports.</param>
/// <param name="Objects">The objects in the order received.</param>
/// <param name="Transactions">How many request/response transactions it took ("more follows" paging).</param>
public sealed record ModbusDeviceIdentification(
    ModbusReadDeviceIdCode ReadDeviceIdCode,
    ModbusConformityLevel ConformityLevel,
    IReadOnlyList<ModbusDeviceIdentityObject> Objects,
    int Transactions)
{
    /// <summary>Object 0x00 as text, when present.</summary>
    public string? VendorName => Find(ModbusDeviceObjectId.VendorName);

    /// <summary>Object 0x01 as text, when present.</summary>
    public string? ProductCode => Find(ModbusDeviceObjectId.ProductCode);

    /// <summary>Object 0x02 as text, when present.</summary>
    public string? MajorMinorRevision => Find(ModbusDeviceObjectId.MajorMinorRevision);

    /// <summary>Object 0x03 as text, when present.</summary>
    public string? VendorUrl => Find(ModbusDeviceObjectId.VendorUrl);

    /// <summary>Object 0x04 as text, when present.</summary>
    public string? ProductName => Find(ModbusDeviceObjectId.ProductName);

    /// <summary>Object 0x05 as text, when present.</summary>
    public string? ModelName => Find(ModbusDeviceObjectId.ModelName);

    /// <summary>Object 0x06 as text, when present.</summary>
    public string? UserApplicationName => Find(ModbusDeviceObjectId.UserApplicationName);

    /// <summary>The first object with <paramref name="id"/>, as text.</summary>
    /// <param name="id">Object id.</param>
    /// <returns>The text, or null when the device did not send it.</returns>
    public string? GetText(byte id)
    {
        foreach (ModbusDeviceIdentityObject o in Objects)
        {
            if (o.Id == id)
            {
                return o.Text;
            }
        }

        return null;
    }

    private string? Find(ModbusDeviceObjectId id) => GetText((byte)id);
}
