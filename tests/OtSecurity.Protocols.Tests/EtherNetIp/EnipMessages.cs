using System.Buffers;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

/// <summary>Builds valid EtherNet/IP packets of every command (and the CIP message kinds inside them) with the library's writers.</summary>
internal static class EnipMessages
{
    public const int KindCount = 16;

    public static (byte[] Bytes, EncapsulationHeader Header, byte? CipService) Build(int kind, byte a, byte b, ushort c, uint session, byte[] data)
    {
        kind = (int)((uint)kind % KindCount);
        data ??= [];
        if (data.Length > 200)
        {
            data = data[..200];
        }

        ulong context = ((ulong)session << 16) | c;
        byte[] payload;
        ushort command;
        uint status = 0;
        byte? service = null;
        switch (kind)
        {
            case 0:
                command = (ushort)EncapsulationCommand.Nop;
                payload = data;
                break;
            case 1:
            case 3:
                command = (ushort)(kind == 1 ? EncapsulationCommand.ListServices : EncapsulationCommand.ListIdentity);
                payload = [];
                session = 0;
                break;
            case 2:
            {
                byte[] name = new byte[16];
                data.AsSpan(0, Math.Min(16, data.Length)).CopyTo(name);
                var item = new ListServicesItem(1, c, name);
                byte[] itemBytes = new byte[ListServicesItem.EncodedLength];
                Check(item.TryWrite(itemBytes, out _));
                payload = Cpf(w => w.Add(CpfItemType.ListServices, itemBytes));
                command = (ushort)EncapsulationCommand.ListServices;
                break;
            }

            case 4:
            {
                var identity = new ListIdentityItem(1, new CipSocketAddress(2, 44818, session, 0), new CipIdentity(c, (CipDeviceType)a, (ushort)(c ^ 0x55), a, b, c, session), data.AsSpan(0, Math.Min(data.Length, 32)), a);
                byte[] itemBytes = new byte[identity.GetEncodedLength()];
                Check(identity.TryWrite(itemBytes, out _));
                payload = Cpf(w => w.Add(CpfItemType.ListIdentity, itemBytes));
                command = (ushort)EncapsulationCommand.ListIdentity;
                break;
            }

            case 5:
                command = (ushort)EncapsulationCommand.ListInterfaces;
                payload = (a & 1) == 0 ? [] : Cpf(_ => { });
                break;
            case 6:
                command = (ushort)EncapsulationCommand.RegisterSession;
                payload = [1, 0, 0, 0];
                break;
            case 7:
                command = (ushort)EncapsulationCommand.UnRegisterSession;
                payload = [];
                break;
            case 8:
            {
                byte[] request = Request((byte)(a & 0x7F), a, b, c, data);
                service = (byte)(a & 0x7F);
                payload = Transport(Cpf(w => { w.AddNullAddress(); w.Add(CpfItemType.UnconnectedData, request); }), c);
                command = (ushort)EncapsulationCommand.SendRRData;
                break;
            }

            case 9:
            case 15 when (b & 1) == 0:
            {
                byte[] response = Response((byte)(a & 0x7F), b, data);
                service = (byte)(a & 0x7F);
                payload = Transport(Cpf(w => { w.AddNullAddress(); w.Add(CpfItemType.UnconnectedData, response); }), c);
                command = (ushort)EncapsulationCommand.SendRRData;
                break;
            }

            case 10:
            {
                byte[] embedded = Request((byte)CipService.GetAttributeSingle, a, b, c, data);
                var send = new UnconnectedSendRequest(0x07, b, embedded, [0x01, a]);
                byte[] sendData = new byte[send.GetEncodedLength()];
                Check(send.TryWrite(sendData, out _));
                byte[] request = RequestWithPath(0x52, (ref CipPathBuilder p) => { p.AddClass(6); p.AddInstance(1); }, sendData);
                service = 0x52;
                payload = Transport(Cpf(w => { w.AddNullAddress(); w.Add(CpfItemType.UnconnectedData, request); }), c);
                command = (ushort)EncapsulationCommand.SendRRData;
                break;
            }

            case 11:
            {
                byte[] request = Request(0x4C, a, b, c, data);
                byte[] connected = [(byte)c, (byte)(c >> 8), .. request];
                service = 0x4C;
                payload = Transport(Cpf(w => { w.AddConnectedAddress(session); w.Add(CpfItemType.ConnectedData, connected); }), 0);
                command = (ushort)EncapsulationCommand.SendUnitData;
                break;
            }

            case 12:
            {
                byte[] first = Response(0x4C, 0, data);
                byte[] second = Response(0x4D, b, []);
                byte[] msp = new byte[MultipleServicePacket.GetEncodedLength([first.Length, second.Length])];
                Check(MultipleServicePacket.TryWrite([.. first, .. second], [first.Length, second.Length], msp, out _));
                var response = new CipResponse(0x0A, 0, [], msp);
                byte[] bytes = new byte[response.GetEncodedLength()];
                Check(response.TryWrite(bytes, out _));
                byte[] connected = [(byte)c, (byte)(c >> 8), .. bytes];
                service = 0x0A;
                payload = Transport(Cpf(w => { w.AddConnectedAddress(session); w.Add(CpfItemType.ConnectedData, connected); }), 0);
                command = (ushort)EncapsulationCommand.SendUnitData;
                break;
            }

            case 13:
            {
                bool large = (a & 1) != 0;
                var open = new ForwardOpenRequest(large, 0x05, b, session, ~session, c, c, session, a, session, large ? session : c, session, large ? session : c, a, [0x20, 0x04, 0x24, b]);
                byte[] openData = new byte[open.GetEncodedLength()];
                Check(open.TryWrite(openData, out _));
                byte code = large ? (byte)0x5B : (byte)0x54;
                byte[] request = RequestWithPath(code, (ref CipPathBuilder p) => { p.AddClass(6); p.AddInstance(1); }, openData);
                service = code;
                payload = Transport(Cpf(w => { w.AddNullAddress(); w.Add(CpfItemType.UnconnectedData, request); }), c);
                command = (ushort)EncapsulationCommand.SendRRData;
                break;
            }

            case 14:
                command = (a % 3) switch { 0 => (ushort)EncapsulationCommand.IndicateStatus, 1 => (ushort)EncapsulationCommand.Cancel, _ => (ushort)EncapsulationCommand.StartDtls };
                payload = data;
                break;
            default:
                command = (ushort)EncapsulationCommand.SendRRData;
                status = (uint)EncapsulationStatus.InvalidSessionHandle;
                payload = [];
                break;
        }

        var header = new EncapsulationHeader(command, session, status, context, 0);
        byte[] buffer = new byte[Encapsulation.GetEncodedLength(payload.Length)];
        Check(Encapsulation.TryWrite(header, payload, buffer, out _));
        return (buffer, header, service);
    }

    public static byte[] Request(byte service, byte a, byte b, ushort c, byte[] data) =>
        RequestWithPath(service, (ref CipPathBuilder p) =>
        {
            p.AddClass(a);
            p.AddInstance(c);
            if ((b & 1) != 0)
            {
                p.AddAttribute(b);
            }

            if ((b & 2) != 0)
            {
                p.AddAnsiSymbol([(byte)'T', a]);
            }
        }, data);

    public static byte[] Response(byte service, byte status, byte[] data)
    {
        byte[] additional = status == 0 ? [] : [status, 0x01];
        var response = new CipResponse(service, status, additional, data);
        byte[] bytes = new byte[response.GetEncodedLength()];
        Check(response.TryWrite(bytes, out _));
        return bytes;
    }

    public delegate void PathAction(ref CipPathBuilder builder);

    public static byte[] RequestWithPath(byte service, PathAction path, byte[] data)
    {
        Span<byte> pathBuffer = stackalloc byte[64];
        var builder = new CipPathBuilder(pathBuffer);
        path(ref builder);
        Check(builder.Complete(out int pathLength));
        var request = new CipRequest(service, pathBuffer[..pathLength], data);
        byte[] bytes = new byte[request.GetEncodedLength()];
        Check(request.TryWrite(bytes, out _));
        return bytes;
    }

    private static byte[] Cpf(Action<CpfBox> add)
    {
        var box = new CpfBox();
        add(box);
        return box.ToArray();
    }

    private static byte[] Transport(byte[] cpf, ushort timeout) => [0, 0, 0, 0, (byte)timeout, (byte)(timeout >> 8), .. cpf];

    private static void Check(OperationStatus status)
    {
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException("The generator's buffer is too small.");
        }
    }

    /// <summary>Collects CPF items so lambdas can add them (a <see cref="CpfWriter"/> cannot be captured).</summary>
    internal sealed class CpfBox
    {
        private readonly List<(CpfItemType Type, byte[] Data)> _items = [];

        public void Add(CpfItemType type, ReadOnlySpan<byte> data) => _items.Add((type, data.ToArray()));

        public void AddNullAddress() => Add(CpfItemType.NullAddress, []);

        public void AddConnectedAddress(uint id) => Add(CpfItemType.ConnectedAddress, BitConverterFree(id));

        public byte[] ToArray()
        {
            byte[] buffer = new byte[2 + _items.Sum(i => 4 + i.Data.Length)];
            var writer = new CpfWriter(buffer);
            foreach ((CpfItemType type, byte[] data) in _items)
            {
                writer.Add(type, data);
            }

            Check(writer.Complete(out int written));
            return buffer[..written];
        }

        private static byte[] BitConverterFree(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
    }
}
