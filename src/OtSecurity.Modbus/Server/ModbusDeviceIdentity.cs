using System.Globalization;
using System.Text;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Server;

/// <summary>
/// The identification objects a <see cref="ModbusTcpServer"/> answers Read Device Identification (function 43 / MEI 14,
/// §6.21) with: the three mandatory basic objects, the optional regular ones, and private extended objects
/// (0x80–0xFF). The conformity level follows from which objects are present.
/// </summary>
public sealed record ModbusDeviceIdentity
{
    /// <summary>The longest object value that fits one response PDU beside the response header: 244 bytes.</summary>
    public const int MaxObjectLength = ModbusLimits.MaxPduLength - 7 - 2;

    /// <summary>Creates an identity with the mandatory basic objects.</summary>
    /// <param name="vendorName">Object 0x00.</param>
    /// <param name="productCode">Object 0x01.</param>
    /// <param name="majorMinorRevision">Object 0x02.</param>
    public ModbusDeviceIdentity(string vendorName, string productCode, string majorMinorRevision)
    {
        VendorName = vendorName;
        ProductCode = productCode;
        MajorMinorRevision = majorMinorRevision;
    }

    /// <summary>The identity of an OtSecurity.Modbus server that was given none.</summary>
    public static ModbusDeviceIdentity Default { get; } = new("OtSecurity.Sdk", "OTSEC-MBSRV", "0.1")
    {
        ProductName = "OtSecurity.Modbus Modbus/TCP server",
        ModelName = "ModbusTcpServer",
    };

    /// <summary>Object 0x00 VendorName (basic, mandatory).</summary>
    public string VendorName { get; init; }

    /// <summary>Object 0x01 ProductCode (basic, mandatory).</summary>
    public string ProductCode { get; init; }

    /// <summary>Object 0x02 MajorMinorRevision (basic, mandatory).</summary>
    public string MajorMinorRevision { get; init; }

    /// <summary>Object 0x03 VendorUrl (regular, optional).</summary>
    public string? VendorUrl { get; init; }

    /// <summary>Object 0x04 ProductName (regular, optional).</summary>
    public string? ProductName { get; init; }

    /// <summary>Object 0x05 ModelName (regular, optional).</summary>
    public string? ModelName { get; init; }

    /// <summary>Object 0x06 UserApplicationName (regular, optional).</summary>
    public string? UserApplicationName { get; init; }

    /// <summary>Private objects 0x80–0xFF (extended), for example a serial number or a firmware build.</summary>
    public IReadOnlyDictionary<byte, byte[]> PrivateObjects { get; init; } = new Dictionary<byte, byte[]>();

    /// <summary>Whether individual access (Read Device ID code 4) is supported: true by default.</summary>
    public bool IndividualAccess { get; init; } = true;

    /// <summary>The conformity level: the highest category with an object, with bit 0x80 when individual access is supported.</summary>
    public ModbusConformityLevel ConformityLevel
    {
        get
        {
            int level = PrivateObjects.Count > 0 ? 3 : (VendorUrl ?? ProductName ?? ModelName ?? UserApplicationName) is not null ? 2 : 1;
            return (ModbusConformityLevel)(level | (IndividualAccess ? 0x80 : 0));
        }
    }

    /// <summary>Every object, by id (standard objects as UTF-8).</summary>
    /// <returns>The objects in id order.</returns>
    public SortedList<byte, byte[]> GetObjects()
    {
        var objects = new SortedList<byte, byte[]>
        {
            [(byte)ModbusDeviceObjectId.VendorName] = Encoding.UTF8.GetBytes(VendorName ?? string.Empty),
            [(byte)ModbusDeviceObjectId.ProductCode] = Encoding.UTF8.GetBytes(ProductCode ?? string.Empty),
            [(byte)ModbusDeviceObjectId.MajorMinorRevision] = Encoding.UTF8.GetBytes(MajorMinorRevision ?? string.Empty),
        };
        Add(objects, ModbusDeviceObjectId.VendorUrl, VendorUrl);
        Add(objects, ModbusDeviceObjectId.ProductName, ProductName);
        Add(objects, ModbusDeviceObjectId.ModelName, ModelName);
        Add(objects, ModbusDeviceObjectId.UserApplicationName, UserApplicationName);
        foreach (KeyValuePair<byte, byte[]> o in PrivateObjects)
        {
            objects[o.Key] = o.Value;
        }

        return objects;
    }

    /// <summary>Checks that private object ids are 0x80–0xFF and that every value fits a response.</summary>
    /// <exception cref="ArgumentException">An object is invalid; the message names it.</exception>
    public void Validate()
    {
        foreach (byte id in PrivateObjects.Keys)
        {
            if (id < 0x80)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Private identification object 0x{id:X2} must have an id of 0x80..0xFF (§6.21)."), nameof(PrivateObjects));
            }
        }

        foreach (KeyValuePair<byte, byte[]> o in GetObjects())
        {
            if (o.Value.Length > MaxObjectLength)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Identification object 0x{o.Key:X2} is {o.Value.Length} bytes; at most {MaxObjectLength} fit a response."), nameof(PrivateObjects));
            }
        }
    }

    private static void Add(SortedList<byte, byte[]> objects, ModbusDeviceObjectId id, string? value)
    {
        if (value is not null)
        {
            objects[(byte)id] = Encoding.UTF8.GetBytes(value);
        }
    }
}
