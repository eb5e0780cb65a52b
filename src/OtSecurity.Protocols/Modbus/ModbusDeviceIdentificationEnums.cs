namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// MODBUS Encapsulated Interface (MEI) types of function 0x2B (MODBUS Application Protocol Specification V1.1b3 §6.19).
/// Types 0–12 and 15–255 are reserved; a PDU carrying one is read as an unknown message with its raw data.
/// </summary>
public enum ModbusMeiType : byte
{
    /// <summary>0x0D CANopen General Reference request and response (§6.20).</summary>
    CanOpenGeneralReference = 0x0D,

    /// <summary>0x0E Read Device Identification (§6.21).</summary>
    ReadDeviceIdentification = 0x0E,
}

/// <summary>The Read Device ID code of a Read Device Identification request (§6.21): the access type.</summary>
public enum ModbusReadDeviceIdCode : byte
{
    /// <summary>0x01 Basic device identification, stream access (objects 0x00–0x02).</summary>
    Basic = 0x01,

    /// <summary>0x02 Regular device identification, stream access (objects 0x00–0x7F).</summary>
    Regular = 0x02,

    /// <summary>0x03 Extended device identification, stream access (objects 0x00–0xFF).</summary>
    Extended = 0x03,

    /// <summary>0x04 One specific identification object, individual access.</summary>
    Individual = 0x04,
}

/// <summary>Standard object ids of Read Device Identification (§6.21). 0x07–0x7F are reserved, 0x80–0xFF private (extended).</summary>
public enum ModbusDeviceObjectId : byte
{
    /// <summary>0x00 VendorName (basic, mandatory).</summary>
    VendorName = 0x00,

    /// <summary>0x01 ProductCode (basic, mandatory).</summary>
    ProductCode = 0x01,

    /// <summary>0x02 MajorMinorRevision (basic, mandatory).</summary>
    MajorMinorRevision = 0x02,

    /// <summary>0x03 VendorUrl (regular, optional).</summary>
    VendorUrl = 0x03,

    /// <summary>0x04 ProductName (regular, optional).</summary>
    ProductName = 0x04,

    /// <summary>0x05 ModelName (regular, optional).</summary>
    ModelName = 0x05,

    /// <summary>0x06 UserApplicationName (regular, optional).</summary>
    UserApplicationName = 0x06,
}

/// <summary>Conformity level of a Read Device Identification response (§6.21): the identification level and the supported access types.</summary>
public enum ModbusConformityLevel : byte
{
    /// <summary>0x01 Basic identification, stream access only.</summary>
    BasicStream = 0x01,

    /// <summary>0x02 Regular identification, stream access only.</summary>
    RegularStream = 0x02,

    /// <summary>0x03 Extended identification, stream access only.</summary>
    ExtendedStream = 0x03,

    /// <summary>0x81 Basic identification, stream and individual access.</summary>
    BasicStreamAndIndividual = 0x81,

    /// <summary>0x82 Regular identification, stream and individual access.</summary>
    RegularStreamAndIndividual = 0x82,

    /// <summary>0x83 Extended identification, stream and individual access.</summary>
    ExtendedStreamAndIndividual = 0x83,
}
