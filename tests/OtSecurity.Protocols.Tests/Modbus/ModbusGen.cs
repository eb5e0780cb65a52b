using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>Generators of valid Modbus messages of every kind, of frames, and of near-valid garbage.</summary>
public static class ModbusGen
{
    private static readonly ModbusDirection[] Directions = [ModbusDirection.Request, ModbusDirection.Response];

    /// <summary>Function codes with no layout in the specification (raw): user-defined and unknown.</summary>
    private static readonly byte[] RawFunctions = Enumerable.Range(0, 128)
        .Where(f => !ModbusFunctions.IsPublic((byte)f))
        .Select(f => (byte)f)
        .ToArray();

    public static Gen<ushort> UShort => Gen.Choose(0, 0xFFFF).Select(v => (ushort)v);

    public static Gen<byte> Byte => Gen.Choose(0, 0xFF).Select(v => (byte)v);

    public static Gen<ModbusDirection> Direction => Gen.Elements(Directions);

    public static Gen<string> HexBytes(int min, int max) =>
        from n in Gen.Choose(min, max)
        from bytes in Gen.ArrayOf(Byte, n)
        select Convert.ToHexString(bytes);

    public static Gen<string> HexWords(int min, int max) => Gen.Choose(min, max).SelectMany(n => HexBytes(2 * n, 2 * n));

    /// <summary>An address and a quantity with address + quantity ≤ 65536.</summary>
    private static Gen<(ushort Address, ushort Quantity)> Range(int maxQuantity) =>
        from q in Gen.Choose(1, maxQuantity)
        from a in Gen.Choose(0, 0x10000 - q)
        select ((ushort)a, (ushort)q);

    public static Gen<Msg> ReadReq =>
        from f in Gen.Elements(ModbusFunctionCode.ReadCoils, ModbusFunctionCode.ReadDiscreteInputs, ModbusFunctionCode.ReadHoldingRegisters, ModbusFunctionCode.ReadInputRegisters)
        from r in Range(f <= ModbusFunctionCode.ReadDiscreteInputs ? ModbusLimits.MaxReadBits : ModbusLimits.MaxReadRegisters)
        select (Msg)new ReadReq(f, r.Address, r.Quantity);

    public static Gen<Msg> ReadBitsResp =>
        from f in Gen.Elements(ModbusFunctionCode.ReadCoils, ModbusFunctionCode.ReadDiscreteInputs)
        from s in HexBytes(1, 250)
        select (Msg)new ReadBitsResp(f, s);

    public static Gen<Msg> ReadRegsResp =>
        from f in Gen.Elements(ModbusFunctionCode.ReadHoldingRegisters, ModbusFunctionCode.ReadInputRegisters, ModbusFunctionCode.ReadWriteMultipleRegisters)
        from r in HexWords(1, 125)
        select (Msg)new ReadRegsResp(f, r);

    public static Gen<Msg> WriteCoil =>
        from d in Direction
        from a in UShort
        from v in Gen.Elements(true, false)
        select (Msg)new WriteCoil(d, a, v);

    public static Gen<Msg> WriteReg =>
        from d in Direction
        from a in UShort
        from v in UShort
        select (Msg)new WriteReg(d, a, v);

    public static Gen<Msg> EmptyReq =>
        Gen.Elements(ModbusFunctionCode.ReadExceptionStatus, ModbusFunctionCode.GetCommEventCounter, ModbusFunctionCode.GetCommEventLog, ModbusFunctionCode.ReportServerId)
            .Select(f => (Msg)new EmptyReq(f));

    public static Gen<Msg> ExceptionStatusResp => Byte.Select(b => (Msg)new ExceptionStatusResp(b));

    public static Gen<Msg> Diag =>
        from d in Direction
        from sub in Gen.Frequency(
            (6, Gen.Elements<ushort>(0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20)),
            (1, UShort))
        from data in DiagData(d, sub)
        select (Msg)new Diag(d, sub, data);

    private static Gen<string> DiagData(ModbusDirection d, ushort sub)
    {
        bool defined = ModbusFunctions.GetName((ModbusDiagnosticSubFunction)sub) is not null;
        if (sub == 0 || !defined)
        {
            return HexWords(0, 125);
        }

        return sub switch
        {
            1 => Gen.Elements("0000", "FF00"),
            3 => Byte.Select(c => $"{c:X2}00"),
            10 or 20 => Gen.Constant("0000"),
            _ => d == ModbusDirection.Request ? Gen.Constant("0000") : HexBytes(2, 2),
        };
    }

    public static Gen<Msg> EventCounterResp =>
        from s in Gen.Elements<ushort>(0x0000, 0xFFFF)
        from c in UShort
        select (Msg)new EventCounterResp(s, c);

    public static Gen<Msg> EventLogResp =>
        from s in Gen.Elements<ushort>(0x0000, 0xFFFF)
        from e in UShort
        from m in UShort
        from ev in HexBytes(0, 64)
        select (Msg)new EventLogResp(s, e, m, ev);

    public static Gen<Msg> WriteCoilsReq =>
        from r in Range(ModbusLimits.MaxWriteCoils)
        from v in HexBytes((r.Quantity + 7) / 8, (r.Quantity + 7) / 8)
        select (Msg)new WriteCoilsReq(r.Address, r.Quantity, v);

    public static Gen<Msg> WriteRegsReq =>
        from r in Range(ModbusLimits.MaxWriteRegisters)
        from v in HexWords(r.Quantity, r.Quantity)
        select (Msg)new WriteRegsReq(r.Address, v);

    public static Gen<Msg> WriteMultipleResp =>
        from f in Gen.Elements(ModbusFunctionCode.WriteMultipleCoils, ModbusFunctionCode.WriteMultipleRegisters)
        from r in Range(f == ModbusFunctionCode.WriteMultipleCoils ? ModbusLimits.MaxWriteCoils : ModbusLimits.MaxWriteRegisters)
        select (Msg)new WriteMultipleResp(f, r.Address, r.Quantity);

    public static Gen<Msg> ServerIdResp => HexBytes(1, 251).Select(d => (Msg)new ServerIdResp(d));

    private static Gen<string> FileReference(int maxLength) =>
        from file in Gen.Choose(1, 0xFFFF)
        from record in Gen.Choose(0, ModbusLimits.MaxRecordNumber)
        from length in Gen.Choose(1, maxLength)
        select $"{file}/{record}/{length}";

    /// <summary>1..4 sub-requests whose response fits 253 bytes: 2 + Σ(2 + 2 × length) ≤ 253.</summary>
    public static Gen<Msg> ReadFileReq =>
        from count in Gen.Choose(1, 4)
        from refs in Gen.ArrayOf(FileReference(((251 / count) - 2) / 2), count)
        select (Msg)new ReadFileReq(string.Join(';', refs));

    /// <summary>1..4 sub-responses within 245 data bytes.</summary>
    public static Gen<Msg> ReadFileResp =>
        from count in Gen.Choose(1, 4)
        from records in Gen.ArrayOf(HexWords(1, ((245 / count) - 2) / 2), count)
        select (Msg)new ReadFileResp(string.Join(';', records));

    /// <summary>1..4 sub-requests within 251 data bytes.</summary>
    public static Gen<Msg> WriteFile =>
        from d in Direction
        from count in Gen.Choose(1, 4)
        from records in Gen.ArrayOf(
            from file in Gen.Choose(1, 0xFFFF)
            from record in Gen.Choose(0, ModbusLimits.MaxRecordNumber)
            from data in HexWords(1, ((251 / count) - 7) / 2)
            select $"{file}/{record}/{data}",
            count)
        select (Msg)new WriteFile(d, string.Join(';', records));

    public static Gen<Msg> MaskWrite =>
        from d in Direction
        from a in UShort
        from and in UShort
        from or in UShort
        select (Msg)new MaskWrite(d, a, and, or);

    public static Gen<Msg> ReadWriteReq =>
        from r in Range(ModbusLimits.MaxReadRegisters)
        from w in Range(ModbusLimits.MaxReadWriteWriteRegisters)
        from v in HexWords(w.Quantity, w.Quantity)
        select (Msg)new ReadWriteReq(r.Address, r.Quantity, w.Address, v);

    public static Gen<Msg> FifoReq => UShort.Select(p => (Msg)new FifoReq(p));

    public static Gen<Msg> FifoResp => HexWords(0, ModbusLimits.MaxFifoCount).Select(v => (Msg)new FifoResp(v));

    public static Gen<Msg> CanOpen =>
        from d in Direction
        from data in HexBytes(0, 251)
        select (Msg)new CanOpen(d, data);

    public static Gen<Msg> DevIdReq =>
        from c in Gen.Elements(ModbusReadDeviceIdCode.Basic, ModbusReadDeviceIdCode.Regular, ModbusReadDeviceIdCode.Extended, ModbusReadDeviceIdCode.Individual)
        from o in Byte
        select (Msg)new DevIdReq(c, o);

    public static Gen<Msg> DevIdResp =>
        from c in Gen.Elements(ModbusReadDeviceIdCode.Basic, ModbusReadDeviceIdCode.Regular, ModbusReadDeviceIdCode.Extended, ModbusReadDeviceIdCode.Individual)
        from l in Gen.Elements(Enum.GetValues<ModbusConformityLevel>())
        from more in Gen.Elements(true, false)
        from next in Byte
        from count in Gen.Choose(0, 5)
        from objects in Gen.ArrayOf(
            from id in Byte
            from value in HexBytes(0, count == 0 ? 0 : (246 / count) - 2)
            select $"{id}={value}",
            count)
        select (Msg)new DevIdResp(c, l, more, next, string.Join(';', objects));

    public static Gen<Msg> Exc =>
        from f in Gen.Choose(0, 127)
        from c in Byte
        select (Msg)new Exc((byte)f, c);

    public static Gen<Msg> Raw =>
        Gen.OneOf(
            from d in Direction
            from f in Gen.Elements(RawFunctions)
            from data in HexBytes(0, 252)
            select (Msg)new Raw(d, f, data),
            from d in Direction
            from mei in Byte.Where(m => m is not (13 or 14))
            from data in HexBytes(0, 251)
            select (Msg)new Raw(d, 43, $"{mei:X2}{data}"));

    /// <summary>Every message kind, equally likely.</summary>
    public static Gen<Msg> AnyMessage => Gen.OneOf(
        ReadReq, ReadBitsResp, ReadRegsResp, WriteCoil, WriteReg, EmptyReq, ExceptionStatusResp, Diag, EventCounterResp,
        EventLogResp, WriteCoilsReq, WriteRegsReq, WriteMultipleResp, ServerIdResp, ReadFileReq, ReadFileResp, WriteFile,
        MaskWrite, ReadWriteReq, FifoReq, FifoResp, CanOpen, DevIdReq, DevIdResp, Exc, Raw);

    /// <summary>Every kind whose RTU frame length follows from its header (not delimited by CRC scanning).</summary>
    public static Gen<Msg> RtuDelimited => AnyMessage.Where(m => m.RtuLengthKnown);

    /// <summary>A valid encoding, mutated: bytes flipped, truncated, extended — near-valid garbage.</summary>
    public static Gen<byte[]> Mutated(Gen<byte[]> valid) =>
        from bytes in valid
        from kind in Gen.Choose(0, 3)
        from position in Gen.Choose(0, Math.Max(0, bytes.Length - 1))
        from value in Byte
        from extra in Gen.ArrayOf(Byte, 3)
        from noise in Gen.ArrayOf(Byte, bytes.Length)
        select Mutate(bytes, kind, position, value, extra, noise);

    private static byte[] Mutate(byte[] bytes, int kind, int position, byte value, byte[] extra, byte[] noise)
    {
        byte[] copy = (byte[])bytes.Clone();
        switch (kind)
        {
            case 0:
                if (copy.Length > 0)
                {
                    copy[position] = value;
                }

                return copy;
            case 1:
                return copy[..position];
            case 2:
                return [.. copy, .. extra];
            default:
                // Keep the header, replace the rest.
                return [.. copy.AsSpan(0, Math.Min(position, copy.Length)), .. noise.AsSpan(Math.Min(position, noise.Length))];
        }
    }
}

/// <summary>Arbitraries for [Property] parameters.</summary>
public static class ModbusArbitraries
{
    public static Arbitrary<Msg> Message() => Arb.From(ModbusGen.AnyMessage);
}
