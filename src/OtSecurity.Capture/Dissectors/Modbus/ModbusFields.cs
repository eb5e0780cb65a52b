using System.Buffers.Binary;
using System.Text;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Capture.Dissectors.Modbus;

/// <summary>What a Modbus PDU contributes to an <see cref="OtMessage"/> beyond its function code.</summary>
internal static class ModbusFields
{
    /// <summary>
    /// The starting address and quantity the PDU itself carries, read wherever the bytes are present (also from a
    /// malformed PDU), as Wireshark 4.0 reports <c>modbus.reference_num</c> and <c>modbus.word_cnt</c> /
    /// <c>modbus.bit_cnt</c>: requests of functions 1–4, 15, 16 (address and quantity), 5, 6, 22 and 24 (address);
    /// responses of 5, 6, 22 (address), 15, 16 (address and quantity) and 24 (the FIFO count). Function 23 carries
    /// two ranges; Wireshark reports them in other fields, so neither is reported here.
    /// </summary>
    public static void GetAddressAndCount(ReadOnlySpan<byte> pdu, ModbusDirection direction, out long? address, out long? count)
    {
        address = null;
        count = null;
        byte function = pdu[0];
        if (function >= 0x80)
        {
            return;
        }

        bool hasAddress;
        bool hasCount;
        if (direction == ModbusDirection.Request)
        {
            hasAddress = function is 1 or 2 or 3 or 4 or 5 or 6 or 15 or 16 or 22 or 24;
            hasCount = function is 1 or 2 or 3 or 4 or 15 or 16;
        }
        else
        {
            if (function == 24)
            {
                // §6.18 response: byte count (2 bytes), FIFO count (2 bytes).
                count = pdu.Length >= 5 ? BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]) : null;
                return;
            }

            hasAddress = function is 5 or 6 or 15 or 16 or 22;
            hasCount = function is 15 or 16;
        }

        if (hasAddress && pdu.Length >= 3)
        {
            address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        }

        if (hasCount && pdu.Length >= 5)
        {
            count = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        }
    }

    /// <summary>
    /// Whether a read response's byte count is what its request asked for: ceil(N / 8) for functions 1 and 2,
    /// 2 × N for 3, 4 and 23 (§6.1–§6.4, §6.17). Other responses (and unknown requests, quantity 0) agree.
    /// </summary>
    public static bool AgreesWithRequest(ModbusPdu response, int requestedQuantity)
    {
        if (requestedQuantity <= 0)
        {
            return true;
        }

        if (response.TryGetReadBitsResponse(out ModbusReadBitsResponse bits))
        {
            return bits.Status.Length == (requestedQuantity + 7) / 8;
        }

        if (response.TryGetReadRegistersResponse(out ModbusReadRegistersResponse registers))
        {
            return registers.RegisterCount == requestedQuantity;
        }

        return true;
    }

    /// <summary>The operation class of a PDU that did not validate, from its function code (and MEI type).</summary>
    public static OperationClass Classify(ReadOnlySpan<byte> pdu)
    {
        byte function = (byte)(pdu[0] & 0x7F);
        if (function == (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport && pdu[0] < 0x80 && pdu.Length > 1)
        {
            return pdu[1] == (byte)ModbusMeiType.ReadDeviceIdentification ? OperationClass.Identification : OperationClass.Unknown;
        }

        return ModbusFunctions.Classify(function);
    }

    /// <summary>
    /// The function's name: the specification's (the MEI type's for function 43), <c>UserDefined</c> for 65–72 and
    /// 100–110, <c>Unknown</c> otherwise.
    /// </summary>
    public static string GetFunctionName(ReadOnlySpan<byte> pdu)
    {
        byte function = (byte)(pdu[0] & 0x7F);
        if (function == (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport && pdu[0] < 0x80 && pdu.Length > 1)
        {
            switch ((ModbusMeiType)pdu[1])
            {
                case ModbusMeiType.ReadDeviceIdentification:
                    return nameof(ModbusMeiType.ReadDeviceIdentification);
                case ModbusMeiType.CanOpenGeneralReference:
                    return nameof(ModbusMeiType.CanOpenGeneralReference);
            }
        }

        return ModbusFunctions.GetName(function) ?? (ModbusFunctions.IsUserDefined(function) ? "UserDefined" : "Unknown");
    }

    /// <summary>
    /// What a response reveals about the server: the objects of Read Device Identification (43/14: VendorName,
    /// ProductCode, MajorMinorRevision, ProductName, ModelName), and the printable server id of Report Server ID (17).
    /// </summary>
    public static IdentityHint? GetIdentity(ModbusPdu pdu)
    {
        if (pdu.TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse id))
        {
            string? vendor = null, productCode = null, revision = null, productName = null, modelName = null;
            foreach (ModbusDeviceIdentificationObject o in id)
            {
                switch ((ModbusDeviceObjectId)o.ObjectId)
                {
                    case ModbusDeviceObjectId.VendorName:
                        vendor = Text(o.Value);
                        break;
                    case ModbusDeviceObjectId.ProductCode:
                        productCode = Text(o.Value);
                        break;
                    case ModbusDeviceObjectId.MajorMinorRevision:
                        revision = Text(o.Value);
                        break;
                    case ModbusDeviceObjectId.ProductName:
                        productName = Text(o.Value);
                        break;
                    case ModbusDeviceObjectId.ModelName:
                        modelName = Text(o.Value);
                        break;
                }
            }

            if (vendor is null && productCode is null && revision is null && productName is null && modelName is null)
            {
                return null;
            }

            return new IdentityHint
            {
                Vendor = vendor,
                Product = productName ?? productCode,
                Model = modelName ?? (productName is not null ? productCode : null),
                Firmware = revision,
            };
        }

        if (pdu.TryGetReportServerIdResponse(out ModbusReportServerIdResponse serverId))
        {
            string? text = LongestPrintableRun(serverId.Data);
            return text is null ? null : new IdentityHint { Product = text };
        }

        return null;
    }

    private static string? Text(ReadOnlySpan<byte> value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (byte b in value)
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        string text = builder.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The longest run of at least 3 printable ASCII characters (the device-specific server id is often text).</summary>
    private static string? LongestPrintableRun(ReadOnlySpan<byte> data)
    {
        int bestStart = 0, bestLength = 0, start = 0;
        for (int i = 0; i <= data.Length; i++)
        {
            if (i < data.Length && data[i] is >= 0x20 and < 0x7F)
            {
                continue;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }

            start = i + 1;
        }

        return bestLength >= 3 ? Text(data.Slice(bestStart, bestLength)) : null;
    }
}
