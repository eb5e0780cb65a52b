using System.Buffers.Binary;
using System.Net;
using OtSecurity.Capture;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Benchmarks.Capture;

/// <summary>
/// Writes a deterministic pcap of Modbus/TCP polling: 16 clients and 4 servers on port 502, each request followed by
/// its response (FC3 read of 10 holding registers, FC4 read of 8 input registers, FC16 write of 10 registers, FC1 read
/// of 16 coils), one request or response per frame, Ethernet/IPv4/TCP with correct checksums.
/// </summary>
public static class ModbusCaptureGenerator
{
    private const int Clients = 16;

    public static string Create(int frames, int seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"otsec-bench-modbus-{frames}-{seed}.pcap");
        if (File.Exists(path))
        {
            return path;
        }

        var random = new Random(seed);
        var clients = Enumerable.Range(0, Clients).Select(i => new IPEndPoint(IPAddress.Parse($"10.10.{i / 4}.{10 + i}"), 49152 + i)).ToArray();
        var servers = Enumerable.Range(0, 4).Select(i => new IPEndPoint(IPAddress.Parse($"10.20.0.{1 + i}"), 502)).ToArray();
        var clientSequence = new uint[Clients];
        var serverSequence = new uint[Clients];
        var transaction = new ushort[Clients];
        for (var i = 0; i < Clients; i++)
        {
            clientSequence[i] = (uint)random.Next();
            serverSequence[i] = (uint)random.Next();
        }

        var temporary = path + ".tmp";
        using (var writer = new PcapWriter(File.Create(temporary), LinkType.Ethernet))
        {
            var frame = new byte[PacketBuilder.MaxFrameLength];
            Span<byte> request = stackalloc byte[64];
            Span<byte> response = stackalloc byte[64];
            var time = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);
            var written = 0;
            while (written < frames)
            {
                var c = random.Next(Clients);
                var client = clients[c];
                var server = servers[c % servers.Length];
                var txn = ++transaction[c];
                var unit = (byte)(1 + (c % 4));
                var address = (ushort)random.Next(0, 1000);
                var (requestLength, responseLength) = random.Next(4) switch
                {
                    0 => Read(request, response, txn, unit, 3, address, 10),
                    1 => Read(request, response, txn, unit, 4, address, 8),
                    2 => Write(request, response, txn, unit, address, 10, random),
                    _ => Coils(request, response, txn, unit, address, 16),
                };

                time = time.AddMicroseconds(random.Next(50, 500));
                var length = PacketBuilder.WriteTcp(frame, client, server, clientSequence[c], serverSequence[c], TcpFlags.Psh | TcpFlags.Ack, request[..requestLength]);
                writer.WritePacket(CaptureTimestamp.FromDateTime(time), frame.AsSpan(0, length));
                clientSequence[c] += (uint)requestLength;
                written++;
                if (written == frames)
                {
                    break;
                }

                time = time.AddMicroseconds(random.Next(200, 2000));
                length = PacketBuilder.WriteTcp(frame, server, client, serverSequence[c], clientSequence[c], TcpFlags.Psh | TcpFlags.Ack, response[..responseLength]);
                writer.WritePacket(CaptureTimestamp.FromDateTime(time), frame.AsSpan(0, length));
                serverSequence[c] += (uint)responseLength;
                written++;
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static int Mbap(Span<byte> adu, ushort transaction, byte unit, int pduLength)
    {
        // MODBUS Messaging on TCP/IP Implementation Guide §3.1.3: transaction, protocol 0, length (unit + PDU), unit.
        BinaryPrimitives.WriteUInt16BigEndian(adu, transaction);
        BinaryPrimitives.WriteUInt16BigEndian(adu[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(adu[4..], (ushort)(pduLength + 1));
        adu[6] = unit;
        return 7 + pduLength;
    }

    private static (int, int) Read(Span<byte> request, Span<byte> response, ushort txn, byte unit, byte function, ushort address, ushort quantity)
    {
        request[7] = function;
        BinaryPrimitives.WriteUInt16BigEndian(request[8..], address);
        BinaryPrimitives.WriteUInt16BigEndian(request[10..], quantity);
        response[7] = function;
        response[8] = (byte)(quantity * 2);
        for (var i = 0; i < quantity * 2; i++)
        {
            response[9 + i] = (byte)(address + i);
        }

        return (Mbap(request, txn, unit, 5), Mbap(response, txn, unit, 2 + (quantity * 2)));
    }

    private static (int, int) Write(Span<byte> request, Span<byte> response, ushort txn, byte unit, ushort address, ushort quantity, Random random)
    {
        request[7] = 16;
        BinaryPrimitives.WriteUInt16BigEndian(request[8..], address);
        BinaryPrimitives.WriteUInt16BigEndian(request[10..], quantity);
        request[12] = (byte)(quantity * 2);
        for (var i = 0; i < quantity * 2; i++)
        {
            request[13 + i] = (byte)random.Next(256);
        }

        response[7] = 16;
        BinaryPrimitives.WriteUInt16BigEndian(response[8..], address);
        BinaryPrimitives.WriteUInt16BigEndian(response[10..], quantity);
        return (Mbap(request, txn, unit, 6 + (quantity * 2)), Mbap(response, txn, unit, 5));
    }

    private static (int, int) Coils(Span<byte> request, Span<byte> response, ushort txn, byte unit, ushort address, ushort quantity)
    {
        request[7] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(request[8..], address);
        BinaryPrimitives.WriteUInt16BigEndian(request[10..], quantity);
        response[7] = 1;
        response[8] = (byte)((quantity + 7) / 8);
        for (var i = 0; i < response[8]; i++)
        {
            response[9 + i] = 0x5A;
        }

        return (Mbap(request, txn, unit, 5), Mbap(response, txn, unit, 2 + response[8]));
    }
}
