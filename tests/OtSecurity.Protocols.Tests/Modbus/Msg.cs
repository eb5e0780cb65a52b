using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>
/// A plain model of every Modbus message kind, with value equality (byte payloads as hex strings), used by the
/// property tests: a model is written with <see cref="ModbusPduWriter"/> and read back with <see cref="Decode"/>.
/// </summary>
public abstract record Msg
{
    public abstract ModbusDirection Direction { get; }

    public abstract ModbusMessageKind Kind { get; }

    /// <summary>False for layouts an RTU reader can only delimit by CRC scanning.</summary>
    public virtual bool RtuLengthKnown => true;

    public abstract int Write(Span<byte> d);

    public byte[] Encode()
    {
        var buffer = new byte[ModbusLimits.MaxPduLength];
        int n = Write(buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    public static Msg Decode(ModbusPdu pdu)
    {
        ModbusDirection d = pdu.Direction;
        switch (pdu.Kind)
        {
            case ModbusMessageKind.ReadRequest:
                pdu.TryGetReadRequest(out ModbusReadRequest rr);
                return new ReadReq(rr.Function, rr.Address, rr.Quantity);
            case ModbusMessageKind.ReadBitsResponse:
                pdu.TryGetReadBitsResponse(out ModbusReadBitsResponse rb);
                return new ReadBitsResp(rb.Function, Hex.Format(rb.Status));
            case ModbusMessageKind.ReadRegistersResponse:
                pdu.TryGetReadRegistersResponse(out ModbusReadRegistersResponse rg);
                return new ReadRegsResp(rg.Function, Hex.Format(rg.RegisterBytes));
            case ModbusMessageKind.WriteSingleCoil:
                pdu.TryGetWriteSingleCoil(out ModbusWriteSingleCoil wc);
                return new WriteCoil(d, wc.Address, wc.Value);
            case ModbusMessageKind.WriteSingleRegister:
                pdu.TryGetWriteSingleRegister(out ModbusWriteSingleRegister wr);
                return new WriteReg(d, wr.Address, wr.Value);
            case ModbusMessageKind.EmptyRequest:
                pdu.TryGetEmptyRequest(out ModbusEmptyRequest er);
                return new EmptyReq(er.Function);
            case ModbusMessageKind.ReadExceptionStatusResponse:
                pdu.TryGetReadExceptionStatusResponse(out ModbusReadExceptionStatusResponse es);
                return new ExceptionStatusResp(es.OutputData);
            case ModbusMessageKind.Diagnostics:
                pdu.TryGetDiagnostics(out ModbusDiagnostics dg);
                return new Diag(d, (ushort)dg.SubFunction, Hex.Format(dg.Data));
            case ModbusMessageKind.CommEventCounterResponse:
                pdu.TryGetCommEventCounterResponse(out ModbusCommEventCounterResponse cc);
                return new EventCounterResp(cc.Status, cc.EventCount);
            case ModbusMessageKind.CommEventLogResponse:
                pdu.TryGetCommEventLogResponse(out ModbusCommEventLogResponse cl);
                return new EventLogResp(cl.Status, cl.EventCount, cl.MessageCount, Hex.Format(cl.Events));
            case ModbusMessageKind.WriteMultipleCoilsRequest:
                pdu.TryGetWriteMultipleCoilsRequest(out ModbusWriteMultipleCoilsRequest mc);
                return new WriteCoilsReq(mc.Address, mc.Quantity, Hex.Format(mc.Values));
            case ModbusMessageKind.WriteMultipleRegistersRequest:
                pdu.TryGetWriteMultipleRegistersRequest(out ModbusWriteMultipleRegistersRequest mr);
                return new WriteRegsReq(mr.Address, Hex.Format(mr.RegisterBytes));
            case ModbusMessageKind.WriteMultipleResponse:
                pdu.TryGetWriteMultipleResponse(out ModbusWriteMultipleResponse wm);
                return new WriteMultipleResp(wm.Function, wm.Address, wm.Quantity);
            case ModbusMessageKind.ReportServerIdResponse:
                pdu.TryGetReportServerIdResponse(out ModbusReportServerIdResponse rs);
                return new ServerIdResp(Hex.Format(rs.Data));
            case ModbusMessageKind.ReadFileRecordRequest:
            {
                pdu.TryGetReadFileRecordRequest(out ModbusReadFileRecordRequest fr);
                var refs = new List<string>();
                for (int i = 0; i < fr.Count; i++)
                {
                    refs.Add($"{fr[i].FileNumber}/{fr[i].RecordNumber}/{fr[i].RecordLength}");
                }

                return new ReadFileReq(string.Join(';', refs));
            }

            case ModbusMessageKind.ReadFileRecordResponse:
            {
                pdu.TryGetReadFileRecordResponse(out ModbusReadFileRecordResponse fs);
                var parts = new List<string>();
                foreach (ModbusFileRecordData sub in fs)
                {
                    parts.Add(Hex.Format(sub.RegisterBytes));
                }

                return new ReadFileResp(string.Join(';', parts));
            }

            case ModbusMessageKind.WriteFileRecord:
            {
                pdu.TryGetWriteFileRecord(out ModbusWriteFileRecord wf);
                var parts = new List<string>();
                foreach (ModbusFileRecordWrite sub in wf)
                {
                    parts.Add($"{sub.FileNumber}/{sub.RecordNumber}/{Hex.Format(sub.RegisterBytes)}");
                }

                return new WriteFile(d, string.Join(';', parts));
            }

            case ModbusMessageKind.MaskWriteRegister:
                pdu.TryGetMaskWriteRegister(out ModbusMaskWriteRegister mw);
                return new MaskWrite(d, mw.Address, mw.AndMask, mw.OrMask);
            case ModbusMessageKind.ReadWriteMultipleRegistersRequest:
                pdu.TryGetReadWriteMultipleRegistersRequest(out ModbusReadWriteMultipleRegistersRequest rw);
                return new ReadWriteReq(rw.ReadAddress, rw.ReadQuantity, rw.WriteAddress, Hex.Format(rw.WriteRegisterBytes));
            case ModbusMessageKind.ReadFifoQueueRequest:
                pdu.TryGetReadFifoQueueRequest(out ModbusReadFifoQueueRequest fq);
                return new FifoReq(fq.FifoPointerAddress);
            case ModbusMessageKind.ReadFifoQueueResponse:
                pdu.TryGetReadFifoQueueResponse(out ModbusReadFifoQueueResponse fp);
                return new FifoResp(Hex.Format(fp.RegisterBytes));
            case ModbusMessageKind.CanOpenGeneralReference:
                pdu.TryGetCanOpenGeneralReference(out ModbusCanOpenGeneralReference co);
                return new CanOpen(d, Hex.Format(co.Data));
            case ModbusMessageKind.ReadDeviceIdentificationRequest:
                pdu.TryGetReadDeviceIdentificationRequest(out ModbusReadDeviceIdentificationRequest di);
                return new DevIdReq(di.ReadDeviceIdCode, di.ObjectId);
            case ModbusMessageKind.ReadDeviceIdentificationResponse:
            {
                pdu.TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse dr);
                var parts = new List<string>();
                foreach (ModbusDeviceIdentificationObject o in dr)
                {
                    parts.Add($"{o.ObjectId}={Hex.Format(o.Value)}");
                }

                return new DevIdResp(dr.ReadDeviceIdCode, dr.ConformityLevel, dr.MoreFollows, dr.NextObjectId, string.Join(';', parts));
            }

            case ModbusMessageKind.Exception:
                pdu.TryGetException(out ModbusExceptionResponse ex);
                return new Exc((byte)ex.Function, (byte)ex.ExceptionCode);
            default:
                pdu.TryGetRaw(out ModbusRawPdu raw);
                return new Raw(d, raw.FunctionCode, Hex.Format(raw.Data));
        }
    }

    /// <summary>Re-encodes a read PDU through the typed writers (not by copying), for the canonical re-encode property.</summary>
    public static int WriteFromView(ModbusPdu pdu, Span<byte> d)
    {
        OperationStatus s;
        int n;
        switch (pdu.Kind)
        {
            case ModbusMessageKind.ReadRequest: pdu.TryGetReadRequest(out var a); s = ModbusPduWriter.TryWrite(a, d, out n); break;
            case ModbusMessageKind.ReadBitsResponse: pdu.TryGetReadBitsResponse(out var b); s = ModbusPduWriter.TryWrite(b, d, out n); break;
            case ModbusMessageKind.ReadRegistersResponse: pdu.TryGetReadRegistersResponse(out var c); s = ModbusPduWriter.TryWrite(c, d, out n); break;
            case ModbusMessageKind.WriteSingleCoil: pdu.TryGetWriteSingleCoil(out var e); s = ModbusPduWriter.TryWrite(e, d, out n); break;
            case ModbusMessageKind.WriteSingleRegister: pdu.TryGetWriteSingleRegister(out var f); s = ModbusPduWriter.TryWrite(f, d, out n); break;
            case ModbusMessageKind.EmptyRequest: pdu.TryGetEmptyRequest(out var g); s = ModbusPduWriter.TryWrite(g, d, out n); break;
            case ModbusMessageKind.ReadExceptionStatusResponse: pdu.TryGetReadExceptionStatusResponse(out var h); s = ModbusPduWriter.TryWrite(h, d, out n); break;
            case ModbusMessageKind.Diagnostics: pdu.TryGetDiagnostics(out var i); s = ModbusPduWriter.TryWrite(i, pdu.Direction, d, out n); break;
            case ModbusMessageKind.CommEventCounterResponse: pdu.TryGetCommEventCounterResponse(out var j); s = ModbusPduWriter.TryWrite(j, d, out n); break;
            case ModbusMessageKind.CommEventLogResponse: pdu.TryGetCommEventLogResponse(out var k); s = ModbusPduWriter.TryWrite(k, d, out n); break;
            case ModbusMessageKind.WriteMultipleCoilsRequest: pdu.TryGetWriteMultipleCoilsRequest(out var l); s = ModbusPduWriter.TryWrite(l, d, out n); break;
            case ModbusMessageKind.WriteMultipleRegistersRequest: pdu.TryGetWriteMultipleRegistersRequest(out var m); s = ModbusPduWriter.TryWrite(m, d, out n); break;
            case ModbusMessageKind.WriteMultipleResponse: pdu.TryGetWriteMultipleResponse(out var o); s = ModbusPduWriter.TryWrite(o, d, out n); break;
            case ModbusMessageKind.ReportServerIdResponse: pdu.TryGetReportServerIdResponse(out var p); s = ModbusPduWriter.TryWrite(p, d, out n); break;
            case ModbusMessageKind.ReadFileRecordRequest: pdu.TryGetReadFileRecordRequest(out var q); s = ModbusPduWriter.TryWrite(q, d, out n); break;
            case ModbusMessageKind.ReadFileRecordResponse: pdu.TryGetReadFileRecordResponse(out var r); s = ModbusPduWriter.TryWrite(r, d, out n); break;
            case ModbusMessageKind.WriteFileRecord: pdu.TryGetWriteFileRecord(out var t); s = ModbusPduWriter.TryWrite(t, d, out n); break;
            case ModbusMessageKind.MaskWriteRegister: pdu.TryGetMaskWriteRegister(out var u); s = ModbusPduWriter.TryWrite(u, d, out n); break;
            case ModbusMessageKind.ReadWriteMultipleRegistersRequest: pdu.TryGetReadWriteMultipleRegistersRequest(out var v); s = ModbusPduWriter.TryWrite(v, d, out n); break;
            case ModbusMessageKind.ReadFifoQueueRequest: pdu.TryGetReadFifoQueueRequest(out var w); s = ModbusPduWriter.TryWrite(w, d, out n); break;
            case ModbusMessageKind.ReadFifoQueueResponse: pdu.TryGetReadFifoQueueResponse(out var x); s = ModbusPduWriter.TryWrite(x, d, out n); break;
            case ModbusMessageKind.CanOpenGeneralReference: pdu.TryGetCanOpenGeneralReference(out var y); s = ModbusPduWriter.TryWrite(y, d, out n); break;
            case ModbusMessageKind.ReadDeviceIdentificationRequest: pdu.TryGetReadDeviceIdentificationRequest(out var z); s = ModbusPduWriter.TryWrite(z, d, out n); break;
            case ModbusMessageKind.ReadDeviceIdentificationResponse: pdu.TryGetReadDeviceIdentificationResponse(out var aa); s = ModbusPduWriter.TryWrite(aa, d, out n); break;
            case ModbusMessageKind.Exception: pdu.TryGetException(out var ab); s = ModbusPduWriter.TryWrite(ab, d, out n); break;
            default: pdu.TryGetRaw(out var ac); s = ModbusPduWriter.TryWrite(ac, d, out n); break;
        }

        Assert.Equal(OperationStatus.Done, s);
        return n;
    }

    protected static int Done(OperationStatus status, int written)
    {
        Assert.Equal(OperationStatus.Done, status);
        return written;
    }

    protected static byte[] Bytes(string hex) => Convert.FromHexString(hex);
}

public sealed record ReadReq(ModbusFunctionCode Function, ushort Address, ushort Quantity) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadRequest(Function, Address, Quantity), d, out int n), n);
}

public sealed record ReadBitsResp(ModbusFunctionCode Function, string Status) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadBitsResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadBitsResponse(Function, Bytes(Status)), d, out int n), n);
}

public sealed record ReadRegsResp(ModbusFunctionCode Function, string Registers) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadRegistersResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadRegistersResponse(Function, Bytes(Registers)), d, out int n), n);
}

public sealed record WriteCoil(ModbusDirection Dir, ushort Address, bool Value) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusMessageKind.WriteSingleCoil;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusWriteSingleCoil(Address, Value), d, out int n), n);
}

public sealed record WriteReg(ModbusDirection Dir, ushort Address, ushort Value) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusMessageKind.WriteSingleRegister;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusWriteSingleRegister(Address, Value), d, out int n), n);
}

public sealed record EmptyReq(ModbusFunctionCode Function) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.EmptyRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusEmptyRequest(Function), d, out int n), n);
}

public sealed record ExceptionStatusResp(byte Output) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadExceptionStatusResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadExceptionStatusResponse(Output), d, out int n), n);
}

public sealed record Diag(ModbusDirection Dir, ushort SubFunction, string Data) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusMessageKind.Diagnostics;
    public override bool RtuLengthKnown => SubFunction != 0 && ModbusFunctions.GetName((ModbusDiagnosticSubFunction)SubFunction) is not null;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusDiagnostics((ModbusDiagnosticSubFunction)SubFunction, Bytes(Data)), Dir, d, out int n), n);
}

public sealed record EventCounterResp(ushort Status, ushort Count) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.CommEventCounterResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusCommEventCounterResponse(Status, Count), d, out int n), n);
}

public sealed record EventLogResp(ushort Status, ushort EventCount, ushort MessageCount, string Events) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.CommEventLogResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusCommEventLogResponse(Status, EventCount, MessageCount, Bytes(Events)), d, out int n), n);
}

public sealed record WriteCoilsReq(ushort Address, ushort Quantity, string Values) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.WriteMultipleCoilsRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusWriteMultipleCoilsRequest(Address, Quantity, Bytes(Values)), d, out int n), n);
}

public sealed record WriteRegsReq(ushort Address, string Registers) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.WriteMultipleRegistersRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusWriteMultipleRegistersRequest(Address, Bytes(Registers)), d, out int n), n);
}

public sealed record WriteMultipleResp(ModbusFunctionCode Function, ushort Address, ushort Quantity) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.WriteMultipleResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusWriteMultipleResponse(Function, Address, Quantity), d, out int n), n);
}

public sealed record ServerIdResp(string Data) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReportServerIdResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReportServerIdResponse(Bytes(Data)), d, out int n), n);
}

/// <summary>Sub-requests as "file/record/length;…".</summary>
public sealed record ReadFileReq(string References) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadFileRecordRequest;

    public override int Write(Span<byte> d)
    {
        ModbusFileRecordReference[] refs = References.Split(';').Select(s => s.Split('/')).Select(p => new ModbusFileRecordReference(ushort.Parse(p[0]), ushort.Parse(p[1]), ushort.Parse(p[2]))).ToArray();
        return Done(ModbusPduWriter.TryWriteReadFileRecordRequest(refs, d, out int n), n);
    }
}

/// <summary>Sub-responses as "hex;hex…".</summary>
public sealed record ReadFileResp(string Records) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadFileRecordResponse;

    public override int Write(Span<byte> d)
    {
        var builder = new ModbusReadFileRecordResponseBuilder(d);
        foreach (string record in Records.Split(';'))
        {
            Assert.Equal(OperationStatus.Done, builder.Add(Bytes(record)));
        }

        return Done(builder.TryFinish(out int n), n);
    }
}

/// <summary>Sub-requests as "file/record/hex;…".</summary>
public sealed record WriteFile(ModbusDirection Dir, string Records) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusMessageKind.WriteFileRecord;

    public override int Write(Span<byte> d)
    {
        var builder = new ModbusWriteFileRecordBuilder(d);
        foreach (string[] p in Records.Split(';').Select(s => s.Split('/')))
        {
            Assert.Equal(OperationStatus.Done, builder.Add(ushort.Parse(p[0]), ushort.Parse(p[1]), Bytes(p[2])));
        }

        return Done(builder.TryFinish(out int n), n);
    }
}

public sealed record MaskWrite(ModbusDirection Dir, ushort Address, ushort And, ushort Or) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusMessageKind.MaskWriteRegister;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusMaskWriteRegister(Address, And, Or), d, out int n), n);
}

public sealed record ReadWriteReq(ushort ReadAddress, ushort ReadQuantity, ushort WriteAddress, string WriteRegisters) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadWriteMultipleRegistersRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadWriteMultipleRegistersRequest(ReadAddress, ReadQuantity, WriteAddress, Bytes(WriteRegisters)), d, out int n), n);
}

public sealed record FifoReq(ushort Pointer) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadFifoQueueRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadFifoQueueRequest(Pointer), d, out int n), n);
}

public sealed record FifoResp(string Values) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadFifoQueueResponse;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadFifoQueueResponse(Bytes(Values)), d, out int n), n);
}

public sealed record CanOpen(ModbusDirection Dir, string Data) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusMessageKind.CanOpenGeneralReference;
    public override bool RtuLengthKnown => false;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusCanOpenGeneralReference(Bytes(Data)), d, out int n), n);
}

public sealed record DevIdReq(ModbusReadDeviceIdCode Code, byte ObjectId) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Request;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadDeviceIdentificationRequest;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusReadDeviceIdentificationRequest(Code, ObjectId), d, out int n), n);
}

/// <summary>Objects as "id=hex;…" (empty for none).</summary>
public sealed record DevIdResp(ModbusReadDeviceIdCode Code, ModbusConformityLevel Level, bool MoreFollows, byte Next, string Objects) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.ReadDeviceIdentificationResponse;

    public override int Write(Span<byte> d)
    {
        var builder = new ModbusDeviceIdentificationResponseBuilder(d, Code, Level, MoreFollows, Next);
        foreach (string[] p in Objects.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=')))
        {
            Assert.Equal(OperationStatus.Done, builder.Add(byte.Parse(p[0]), Bytes(p[1])));
        }

        return Done(builder.TryFinish(out int n), n);
    }
}

public sealed record Exc(byte Function, byte Code) : Msg
{
    public override ModbusDirection Direction => ModbusDirection.Response;
    public override ModbusMessageKind Kind => ModbusMessageKind.Exception;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusExceptionResponse((ModbusFunctionCode)Function, (ModbusExceptionCode)Code), d, out int n), n);
}

public sealed record Raw(ModbusDirection Dir, byte Function, string Data) : Msg
{
    public override ModbusDirection Direction => Dir;
    public override ModbusMessageKind Kind => ModbusPduValidatorProbe.IsUserDefined(Function) ? ModbusMessageKind.UserDefined : ModbusMessageKind.Unknown;
    public override bool RtuLengthKnown => false;
    public override int Write(Span<byte> d) => Done(ModbusPduWriter.TryWrite(new ModbusRawPdu(Function, Bytes(Data)), d, out int n), n);
}

internal static class ModbusPduValidatorProbe
{
    public static bool IsUserDefined(byte function) => ModbusFunctions.IsUserDefined(function);
}
