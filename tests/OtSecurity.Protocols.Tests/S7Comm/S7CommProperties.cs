using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.S7Comm;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.S7Comm;

/// <summary>The five codec properties for the ISO-on-TCP framing and the S7 PDU, and write→read round trips per message kind.</summary>
public class S7CommProperties
{
    private static readonly CotpPduType[] Types =
    [
        CotpPduType.ConnectionRequest, CotpPduType.ConnectionConfirm, CotpPduType.DisconnectRequest, CotpPduType.DisconnectConfirm,
        CotpPduType.Data, CotpPduType.ExpeditedData, CotpPduType.DataAcknowledgement, CotpPduType.Reject, CotpPduType.TpduError,
        CotpPduType.ExpeditedDataAcknowledgement,
    ];

    private static readonly S7Rosctr[] Rosctrs = [S7Rosctr.Job, S7Rosctr.Ack, S7Rosctr.AckData, S7Rosctr.UserData];

    internal static byte[] Cap(byte[]? bytes, int max) => bytes is null ? [] : bytes.Length > max ? bytes.AsSpan(0, max).ToArray() : bytes;

    private static OperationStatus ReadIso(ReadOnlySpan<byte> source, out int consumed) => IsoTcp.TryRead(source, out _, out consumed);

    private static OperationStatus ReadPdu(ReadOnlySpan<byte> source, out int consumed) => S7Pdu.TryRead(source, out _, out consumed);

    /// <summary>Builds a valid packet from arbitrary inputs.</summary>
    internal static byte[] MakePacket(byte kind, ushort dst, ushort src, byte classOrReason, byte number, byte[]? tsap, byte[]? userData)
    {
        CotpPduType type = Types[kind % Types.Length];
        tsap ??= [];
        userData ??= [];
        if (tsap.Length > 32)
        {
            tsap = tsap[..32];
        }

        if (userData.Length > 512)
        {
            userData = userData[..512];
        }

        bool connection = type is CotpPduType.ConnectionRequest or CotpPduType.ConnectionConfirm;
        byte[] parameters = [];
        if (connection || type == CotpPduType.DisconnectRequest)
        {
            parameters = new byte[3 + 2 + tsap.Length];
            Cotp.TryWriteParameter(CotpParameterCode.TpduSize, [(byte)(7 + (number % 7))], parameters, out int w);
            Cotp.TryWriteParameter(CotpParameterCode.CalledTsap, tsap, parameters.AsSpan(w), out _);
        }

        var header = new CotpHeader(type, dst, src, classOrReason, number, (byte)(classOrReason & 0x0F), NormalDataFormat: type == CotpPduType.Data && (kind & 0x80) != 0);
        byte[] buffer = new byte[IsoTcp.GetEncodedLength(header, parameters, userData)];
        Assert.Equal(OperationStatus.Done, IsoTcp.TryWrite(header, parameters, userData, buffer, out int written));
        Assert.Equal(buffer.Length, written);
        return buffer;
    }

    internal static byte[] MakePdu(byte pick, ushort pduRef, byte errorClass, byte errorCode, byte[]? parameter, byte[]? data)
    {
        S7Rosctr rosctr = Rosctrs[pick % Rosctrs.Length];
        parameter = Cap(parameter, 300);
        data = Cap(data, 300);
        byte[] buffer = new byte[S7Pdu.GetEncodedLength(rosctr, parameter.Length, data.Length)];
        Assert.Equal(OperationStatus.Done, S7Pdu.TryWrite(rosctr, pduRef, parameter, data, buffer, out _, errorClass, errorCode));
        return buffer;
    }

    [Property]
    public bool IsoTcp_RoundTrip(byte kind, ushort dst, ushort src, byte cls, byte number, byte[] tsap, byte[] userData)
    {
        byte[] bytes = MakePacket(kind, dst, src, cls, number, tsap, userData);
        if (IsoTcp.TryRead(bytes, out IsoTcpPacket packet, out int consumed) != OperationStatus.Done || consumed != bytes.Length)
        {
            return false;
        }

        CotpTpdu t = packet.Tpdu;
        CotpPduType type = Types[kind % Types.Length];
        bool ok = t.PduType == type && t.UserData.SequenceEqual(Cap(userData, 512));
        ok &= type switch
        {
            CotpPduType.ConnectionRequest or CotpPduType.ConnectionConfirm => t.DestinationReference == dst && t.SourceReference == src && t.ClassOrReason == cls && t.Credit == (cls & 0x0F)
                && t.CalledTsap.SequenceEqual(Cap(tsap, 32)) && t.TpduSize == 1 << (7 + (number % 7)),
            CotpPduType.DisconnectRequest => t.DestinationReference == dst && t.SourceReference == src && t.ClassOrReason == cls,
            CotpPduType.DisconnectConfirm => t.DestinationReference == dst && t.SourceReference == src,
            CotpPduType.Data => t.NumberByte == number && ((kind & 0x80) == 0 || t.DestinationReference == dst),
            CotpPduType.TpduError => t.DestinationReference == dst && t.ClassOrReason == cls,
            _ => t.DestinationReference == dst && t.NumberByte == number,
        };
        return ok;
    }

    [Property]
    public bool IsoTcp_CanonicalReencode(byte kind, ushort dst, ushort src, byte cls, byte number, byte[] tsap, byte[] userData)
    {
        byte[] bytes = MakePacket(kind, dst, src, cls, number, tsap, userData);
        IsoTcp.TryRead(bytes, out IsoTcpPacket packet, out _);
        CotpTpdu t = packet.Tpdu;
        var header = new CotpHeader(t.PduType, t.DestinationReference, t.SourceReference, t.ClassOrReason, t.NumberByte, (byte)t.Credit, t.IsNormalDataFormat);
        byte[] again = new byte[IsoTcp.GetEncodedLength(header, t.Parameters, t.UserData)];
        IsoTcp.TryWrite(header, t.Parameters, t.UserData, again, out _);
        return again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool IsoTcp_EveryStrictPrefix_NeedsMoreData(byte kind, ushort dst, ushort src, byte cls, byte number, byte[] tsap, byte[] userData)
        => FrameStream.EveryStrictPrefixNeedsMoreData(MakePacket(kind, dst, src, cls, number, tsap, userData), ReadIso);

    [Property]
    public bool IsoTcp_ArbitrarySegmentation_YieldsSameFrames(byte[] kinds, byte[] userData, int[] cuts)
    {
        var frames = (kinds ?? []).Take(8).Select((k, i) => MakePacket(k, (ushort)i, (ushort)(i * 7), k, k, [k, (byte)i], userData)).ToList();
        List<byte[]> read = FrameStream.ReadSegmented(frames, cuts ?? [], ReadIso);
        return read.Count == frames.Count && read.Zip(frames).All(p => p.First.AsSpan().SequenceEqual(p.Second));
    }

    [Property(MaxTest = 1000)]
    public bool IsoTcp_ArbitraryBytes_NeverThrowNorLoop(byte[] bytes) => FrameStream.ArbitraryBytesTerminate(bytes ?? [], ReadIso);

    [Property]
    public bool Pdu_RoundTrip(byte pick, ushort pduRef, byte errorClass, byte errorCode, byte[] parameter, byte[] data)
    {
        byte[] bytes = MakePdu(pick, pduRef, errorClass, errorCode, parameter, data);
        if (S7Pdu.TryRead(bytes, out S7Pdu pdu, out int consumed) != OperationStatus.Done || consumed != bytes.Length)
        {
            return false;
        }

        bool errors = pdu.HasErrorFields ? pdu.ErrorClass == errorClass && pdu.ErrorCode == errorCode : pdu.ErrorClass == 0;
        return pdu.Rosctr == Rosctrs[pick % Rosctrs.Length] && pdu.PduReference == pduRef && errors
            && pdu.Parameter.SequenceEqual(Cap(parameter, 300))
            && pdu.Data.SequenceEqual(Cap(data, 300));
    }

    [Property]
    public bool Pdu_CanonicalReencode(byte pick, ushort pduRef, byte errorClass, byte errorCode, byte[] parameter, byte[] data)
    {
        byte[] bytes = MakePdu(pick, pduRef, errorClass, errorCode, parameter, data);
        S7Pdu.TryRead(bytes, out S7Pdu pdu, out _);
        byte[] again = new byte[pdu.Length];
        S7Pdu.TryWrite(pdu.Rosctr, pdu.PduReference, pdu.Parameter, pdu.Data, again, out _, pdu.ErrorClass, pdu.ErrorCode, pdu.RedundancyIdentification);
        return again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool Pdu_EveryStrictPrefix_NeedsMoreData(byte pick, ushort pduRef, byte[] parameter, byte[] data)
        => FrameStream.EveryStrictPrefixNeedsMoreData(MakePdu(pick, pduRef, 0, 0, parameter, data), ReadPdu);

    [Property]
    public bool Pdu_ArbitrarySegmentation_YieldsSameFrames(byte[] picks, byte[] parameter, int[] cuts)
    {
        var frames = (picks ?? []).Take(8).Select((p, i) => MakePdu(p, (ushort)i, p, p, parameter, [p])).ToList();
        List<byte[]> read = FrameStream.ReadSegmented(frames, cuts ?? [], ReadPdu);
        return read.Count == frames.Count && read.Zip(frames).All(p => p.First.AsSpan().SequenceEqual(p.Second));
    }

    [Property(MaxTest = 1000)]
    public bool Pdu_ArbitraryBytes_NeverThrowNorLoop(byte[] bytes)
    {
        bytes ??= [];
        if (!FrameStream.ArbitraryBytesTerminate(bytes, ReadPdu))
        {
            return false;
        }

        // The layer-2 readers never throw on whatever a PDU carries either.
        if (S7Pdu.TryRead(bytes, out S7Pdu pdu, out _) == OperationStatus.Done)
        {
            S7CommClassifier.Classify(pdu);
            var items = new S7VariableItemReader(pdu.Parameter);
            while (items.TryReadNext(out S7VariableItem item))
            {
                item.TryGetS7AnyAddress(out _);
            }

            var data = new S7DataItemReader(pdu.Data, pdu.Parameter.IsEmpty ? 0 : pdu.Parameter[0]);
            while (data.TryReadNext(out _))
            {
            }

            S7BlockTransferParameter.TryRead(pdu.Parameter, pdu.Rosctr, out _);
            if (S7PiServiceParameter.TryRead(pdu.Parameter, out S7PiServiceParameter pi))
            {
                for (int i = 0; i < pi.BlockCount; i++)
                {
                    pi.GetBlock(i).TryDecode(out _, out _, out _);
                }
            }

            if (S7UserDataData.TryRead(pdu.Data, out S7UserDataData ud) && S7SzlResponse.TryRead(ud.Payload, out S7SzlResponse szl))
            {
                S7Identity.TryRead(szl);
            }
        }

        S7CommPlusPdu.TryRead(bytes, out _, out _, out _);
        return true;
    }

    [Property]
    public bool SetupCommunication_RoundTrip(ushort calling, ushort called, ushort pdu)
    {
        var value = new S7SetupCommunication(calling, called, pdu);
        byte[] buffer = new byte[S7SetupCommunication.EncodedLength];
        value.TryWrite(buffer, out _);
        return S7SetupCommunication.TryRead(buffer, out S7SetupCommunication read) && read == value;
    }

    [Property]
    public bool VariableItems_RoundTrip(byte[] sizes, ushort count, ushort db, int bitAddress)
    {
        S7Area[] areas = [S7Area.Flags, S7Area.DataBlocks, S7Area.Inputs, S7Area.Outputs, S7Area.Timers, S7Area.Counters, S7Area.Peripheral];
        S7AnyAddress[] items = (sizes ?? []).Take(20).Select((s, i) => new S7AnyAddress((S7TransportSize)(1 + (s % 8)), (ushort)(count + i), db, areas[s % areas.Length], bitAddress & 0x7FFFF)).ToArray();
        byte[] buffer = new byte[S7VariableItemReader.GetEncodedLength(items.Length)];
        S7VariableItemReader.TryWrite(S7Function.ReadVariable, items, buffer, out _);
        var reader = new S7VariableItemReader(buffer);
        var read = new List<S7AnyAddress>();
        while (reader.TryReadNext(out S7VariableItem item))
        {
            if (!item.TryGetS7AnyAddress(out S7AnyAddress a))
            {
                return false;
            }

            read.Add(a);
        }

        return !reader.IsMalformed && read.SequenceEqual(items);
    }

    [Property]
    public bool DataItems_RoundTrip(byte[][] values)
    {
        byte[][] items = (values ?? []).Take(10).Select(v => Cap(v, 64)).ToArray();
        byte[] buffer = new byte[items.Sum(v => 5 + v.Length)];
        int offset = 0;
        for (int i = 0; i < items.Length; i++)
        {
            S7DataItemReader.TryWriteItem(0xFF, S7DataTransportSize.OctetString, items[i], i == items.Length - 1, buffer.AsSpan(offset), out int w);
            offset += w;
        }

        var reader = new S7DataItemReader(buffer.AsSpan(0, offset), items.Length);
        int n = 0;
        while (reader.TryReadNext(out S7DataItem item))
        {
            if (!item.Value.SequenceEqual(items[n]) || item.ReturnCode != S7ReturnCode.Success)
            {
                return false;
            }

            n++;
        }

        return n == items.Length && !reader.IsMalformed;
    }

    [Property]
    public bool BlockTransferJob_RoundTrip(byte pick, byte status, ushort errorCode, uint uploadId, ushort blockNumber)
    {
        var function = (S7Function)((byte)S7Function.RequestDownload + (pick % 6));
        byte[] name = System.Text.Encoding.ASCII.GetBytes($"_0A{blockNumber % 100000:D5}P");
        byte[] lengths = "1000500000400"u8.ToArray();
        byte[] buffer = new byte[S7BlockTransferParameter.GetJobEncodedLength(function, name.Length, lengths.Length)];
        S7BlockTransferParameter.TryWriteJob(function, status, errorCode, uploadId, name, lengths, buffer, out _);
        if (!S7BlockTransferParameter.TryRead(buffer, S7Rosctr.Job, out S7BlockTransferParameter read))
        {
            return false;
        }

        bool named = function is S7Function.Upload or S7Function.EndUpload
            || (read.FileName.TryDecode(out S7BlockType type, out int number, out char fs) && type == S7BlockType.DB && number == blockNumber % 100000 && fs == 'P');
        return read.Function == function && read.Status == status && read.ErrorCode == errorCode && read.UploadId == uploadId && named
            && (function != S7Function.RequestDownload || read.LengthPart.SequenceEqual(lengths));
    }

    [Property]
    public bool BlockTransferAckData_RoundTrip(byte pick, byte status, uint uploadId, byte digits)
    {
        var function = (S7Function)((byte)S7Function.RequestDownload + (pick % 6));
        byte[] lengthPart = System.Text.Encoding.ASCII.GetBytes(digits.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
        byte[] buffer = new byte[S7BlockTransferParameter.GetAckDataEncodedLength(function, lengthPart.Length)];
        S7BlockTransferParameter.TryWriteAckData(function, status, uploadId, lengthPart, buffer, out _);
        if (!S7BlockTransferParameter.TryRead(buffer, S7Rosctr.AckData, out S7BlockTransferParameter read) || read.Function != function)
        {
            return false;
        }

        return function switch
        {
            S7Function.StartUpload => read.Status == status && read.UploadId == uploadId && read.LengthPart.SequenceEqual(lengthPart),
            S7Function.DownloadBlock or S7Function.Upload => read.Status == status,
            _ => buffer.Length == 1,
        };
    }

    [Property]
    public bool PiService_RoundTrip(bool plcStop, byte[] block, byte pickName)
    {
        string[] names = ["_INSE", "_DELE", "P_PROGRAM", "_MODU", "_GARB", "_N_F_DELE"];
        byte[] name = System.Text.Encoding.ASCII.GetBytes(names[pickName % names.Length]);
        S7Function function = plcStop ? S7Function.PlcStop : S7Function.PiService;
        byte[] parameterBlock = plcStop ? [] : Cap(block, 100);
        byte[] buffer = new byte[S7PiServiceParameter.GetEncodedLength(function, parameterBlock.Length, name.Length)];
        S7PiServiceParameter.TryWrite(function, parameterBlock, name, buffer, out _);
        return S7PiServiceParameter.TryRead(buffer, out S7PiServiceParameter read)
            && read.Function == function && read.ServiceName.SequenceEqual(name) && read.ParameterBlock.SequenceEqual(parameterBlock);
    }

    [Property]
    public bool UserData_RoundTrip(byte typeGroup, byte subfunction, byte sequence, bool response, byte dataUnit, bool last, ushort error, byte[] payload)
    {
        var value = new S7UserDataParameter(S7UserDataParameter.DefaultHead, response ? (byte)0x12 : (byte)0x11, (S7UserDataType)(typeGroup >> 4), (S7UserDataGroup)(typeGroup & 0x0F),
            subfunction, sequence, response, response ? dataUnit : (byte)0, !response || last, response ? error : (ushort)0);
        byte[] parameter = new byte[value.EncodedLength];
        value.TryWrite(parameter, out _);
        payload = Cap(payload, 200);
        byte[] data = new byte[4 + payload.Length];
        S7UserDataData.TryWrite(0xFF, 0x09, payload, data, out _);
        return S7UserDataParameter.TryRead(parameter, out S7UserDataParameter read) && read == value
            && S7UserDataData.TryRead(data, out S7UserDataData d) && d.Payload.SequenceEqual(payload) && d.ReturnCode == S7ReturnCode.Success;
    }

    [Property]
    public bool Szl_RoundTrip(ushort id, ushort index, ushort itemLength, ushort itemCount, byte[] items)
    {
        items = Cap(items, 200);
        byte[] buffer = new byte[8 + items.Length];
        S7SzlResponse.TryWrite(new S7SzlRequest(id, index), itemLength, itemCount, items, buffer, out _);
        return S7SzlResponse.TryRead(buffer, out S7SzlResponse read) && read.Id == new S7SzlRequest(id, index)
            && read.ItemLength == itemLength && read.ItemCount == itemCount && read.Items.SequenceEqual(items);
    }

    [Property]
    public bool S7CommPlus_RoundTrip(bool v2, byte opcode, ushort function, byte[] rest)
    {
        rest = Cap(rest, 100);
        byte[] data = [opcode, 0, 0, (byte)(function >> 8), (byte)function, .. rest];
        byte[] buffer = new byte[8 + data.Length];
        S7CommPlusPdu.TryWrite(v2 ? (byte)2 : (byte)1, data, buffer, out int written);
        return S7CommPlusPdu.TryRead(buffer, out S7CommPlusPdu pdu, out int consumed, out _) == OperationStatus.Done && consumed == written
            && (byte)pdu.Opcode == opcode && pdu.Data.SequenceEqual(data)
            && (!pdu.HasFunction || pdu.Function == function);
    }
}
