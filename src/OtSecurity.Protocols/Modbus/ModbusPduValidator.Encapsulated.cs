namespace OtSecurity.Protocols.Modbus;

internal static partial class ModbusPduValidator
{
    /// <summary>Read Device Identification response header: function, MEI type, read device id code, conformity level, more follows, next object id, number of objects.</summary>
    public const int DeviceIdResponseHeaderLength = 7;

    /// <summary>§6.19: function, MEI type, MEI data. MEI 13 carries CANopen data; MEI 14 is §6.21; other MEI types are reserved.</summary>
    private static ModbusError ValidateEncapsulatedRequest(ReadOnlySpan<byte> p, out ModbusMessageKind kind, out int offset)
    {
        if (p.Length < 2)
        {
            kind = ModbusMessageKind.Unknown;
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        switch ((ModbusMeiType)p[1])
        {
            case ModbusMeiType.CanOpenGeneralReference:
                kind = ModbusMessageKind.CanOpenGeneralReference;
                offset = 0;
                return ModbusError.None;
            case ModbusMeiType.ReadDeviceIdentification:
                // §6.21: function, MEI type, read device id code 1..4, object id.
                kind = ModbusMessageKind.ReadDeviceIdentificationRequest;
                if (ExpectLength(p, 4, out offset) != ModbusError.None)
                {
                    return ModbusError.UnexpectedPduLength;
                }

                offset = 2;
                return IsReadDeviceIdCode(p[2]) ? ModbusError.None : ModbusError.InvalidReadDeviceIdCode;
            default:
                kind = ModbusMessageKind.Unknown;
                offset = 0;
                return ModbusError.None;
        }
    }

    private static ModbusError ValidateEncapsulatedResponse(ReadOnlySpan<byte> p, out ModbusMessageKind kind, out int offset)
    {
        if (p.Length < 2)
        {
            kind = ModbusMessageKind.Unknown;
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        switch ((ModbusMeiType)p[1])
        {
            case ModbusMeiType.CanOpenGeneralReference:
                kind = ModbusMessageKind.CanOpenGeneralReference;
                offset = 0;
                return ModbusError.None;
            case ModbusMeiType.ReadDeviceIdentification:
                kind = ModbusMessageKind.ReadDeviceIdentificationResponse;
                return ValidateDeviceIdentificationResponse(p, out offset);
            default:
                kind = ModbusMessageKind.Unknown;
                offset = 0;
                return ModbusError.None;
        }
    }

    /// <summary>
    /// §6.21 response: read device id code 1..4, conformity level 0x01..0x03 or 0x81..0x83, more follows 0x00 or 0xFF,
    /// next object id, number of objects, then exactly that many (object id, length, value) entries filling the PDU.
    /// </summary>
    private static ModbusError ValidateDeviceIdentificationResponse(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < DeviceIdResponseHeaderLength)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        offset = 2;
        if (!IsReadDeviceIdCode(p[2]))
        {
            return ModbusError.InvalidReadDeviceIdCode;
        }

        offset = 3;
        if (p[3] is not (>= 0x01 and <= 0x03) and not (>= 0x81 and <= 0x83))
        {
            return ModbusError.InvalidConformityLevel;
        }

        offset = 4;
        if (p[4] is not (0x00 or 0xFF))
        {
            return ModbusError.InvalidMoreFollows;
        }

        int count = p[6];
        int at = DeviceIdResponseHeaderLength;
        for (int i = 0; i < count; i++)
        {
            offset = at;
            if (at + 2 > p.Length || at + 2 + p[at + 1] > p.Length)
            {
                return ModbusError.InvalidObjectList;
            }

            at += 2 + p[at + 1];
        }

        offset = at;
        return at == p.Length ? ModbusError.None : ModbusError.InvalidObjectList;
    }

    private static bool IsReadDeviceIdCode(byte code) => code is >= 1 and <= 4;
}
