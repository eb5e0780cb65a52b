using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using FsCheck.Xunit;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Tests.Client;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Faults;

/// <summary>
/// A scripted fake server misbehaves: closes mid-response, answers slowly, answers garbage or a malformed PDU, uses a
/// wrong transaction id, answers out of order. The client stays usable and no caller ever gets another caller's answer.
/// </summary>
public class FaultTests
{
    private static ModbusTcpClientOptions Options(int port) => new("127.0.0.1", port) { MaxRequestsPerSecond = null, ReconnectDelay = TimeSpan.Zero, RequestTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task PeerClosesMidResponse_TheRequestFailsAtOnce_AndTheNextConnectionWorks()
    {
        await using var peer = new ScriptedPeer(async (connection, request) =>
        {
            byte[] adu = ScriptedPeer.Adu(request.TransactionId, request.UnitId, ScriptedPeer.HoldingRegistersAnswer(request));
            if (connection.Index == 0)
            {
                await connection.SendAsync(adu[..9]);
                await Task.Delay(50);
                connection.Close();
                return;
            }

            await connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
        });
        await using var client = new ModbusTcpClient(Options(peer.Port) with { RequestTimeout = TimeSpan.FromSeconds(30) });

        ModbusConnectionException e = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 10, 4));
        Assert.Contains("in the middle of a response (9 bytes of an incomplete ADU)", e.Message, StringComparison.Ordinal);
        Assert.Equal([10, 11, 12, 13], await client.ReadHoldingRegistersAsync(1, 10, 4));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task SlowPeer_TimesOut_TheLateAnswerIsDiscarded_AndTheClientStaysUsable()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using ScriptedPeer peer = ScriptedPeer.Holding(out ChannelReader<(ScriptedConnection Connection, ScriptedRequest Request)> held);
        await using var client = new ModbusTcpClient(Options(peer.Port) with { RequestTimeout = TimeSpan.FromMilliseconds(150) }, timeProvider: time);

        Task<ushort[]> slow = client.ReadHoldingRegistersAsync(1, 100, 2);
        (ScriptedConnection connection, ScriptedRequest late) = await held.ReadAsync();
        time.Advance(TimeSpan.FromMilliseconds(150));
        ModbusTimeoutException timeout = await Assert.ThrowsAsync<ModbusTimeoutException>(() => slow);
        Assert.Contains("no answer within 150 ms", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("ReadHoldingRegisters (function 3) to unit 1, transaction 1", timeout.Message, StringComparison.Ordinal);

        Task<ushort[]> next = client.ReadHoldingRegistersAsync(1, 200, 2);
        (_, ScriptedRequest nextRequest) = await held.ReadAsync();
        Assert.NotEqual(late.TransactionId, nextRequest.TransactionId);

        // The slow answer arrives while the next request waits, same function, unit and shape: discarded as late.
        await connection.RespondAsync(late, ScriptedPeer.HoldingRegistersAnswer(late));
        await SafetyTests.WaitUntil(() => client.Metrics.LateResponsesDiscarded == 1);
        Assert.False(next.IsCompleted);
        await connection.RespondAsync(nextRequest, ScriptedPeer.HoldingRegistersAnswer(nextRequest));
        Assert.Equal([200, 201], await next);
        Assert.Equal(1, client.Metrics.Timeouts);
        Assert.Equal(1, client.Metrics.ResponsesReceived);
        Assert.Equal(0, client.Metrics.ConnectionsLost);
    }

    [Fact]
    public async Task TimedOutTransactionId_IsNotReusedWhileRetired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using ScriptedPeer peer = ScriptedPeer.Holding(out ChannelReader<(ScriptedConnection Connection, ScriptedRequest Request)> held);
        await using var client = new ModbusTcpClient(Options(peer.Port) with { RequestTimeout = TimeSpan.FromMilliseconds(100), MaxRequestsInFlight = 64 }, timeProvider: time);

        Task<ushort[]> first = client.ReadHoldingRegistersAsync(1, 1, 1);
        (ScriptedConnection connection, ScriptedRequest retired) = await held.ReadAsync();
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => first);

        // 70000 further transactions wrap the 16-bit id space; the retired id is skipped every time round.
        var seen = new HashSet<ushort>();
        Task answering = Task.Run(async () =>
        {
            for (int i = 0; i < 70000 / 64 * 64; i++)
            {
                (ScriptedConnection c, ScriptedRequest r) = await held.ReadAsync();
                seen.Add(r.TransactionId);
                await c.RespondAsync(r, ScriptedPeer.HoldingRegistersAnswer(r));
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            for (int i = 0; i < 70000 / 64; i++)
            {
                await client.ReadHoldingRegistersAsync(1, 2, 1);
            }
        }));

        await answering;
        Assert.DoesNotContain(retired.TransactionId, seen);
        Assert.Equal(65535, seen.Count);
        Assert.Equal(1, client.RetiredTransactionCount);
        await connection.RespondAsync(retired, ScriptedPeer.HoldingRegistersAnswer(retired));
        await SafetyTests.WaitUntil(() => client.Metrics.LateResponsesDiscarded == 1);
        Assert.Equal(0, client.RetiredTransactionCount);
    }

    [Fact]
    public async Task LateAnswerWhileAnotherRequestWaits_IsDiscarded_AndTheWaitingCallerGetsItsOwn()
    {
        await using ScriptedPeer peer = ScriptedPeer.Holding(out ChannelReader<(ScriptedConnection Connection, ScriptedRequest Request)> held);
        await using var client = new ModbusTcpClient(Options(peer.Port) with { MaxRequestsInFlight = 2, RequestTimeout = TimeSpan.FromSeconds(30) });

        using var cancel = new CancellationTokenSource();
        Task<ushort[]> first = client.ReadHoldingRegistersAsync(1, 100, 2, cancel.Token);
        (ScriptedConnection connection, ScriptedRequest firstRequest) = await held.ReadAsync();
        Task<ushort[]> second = client.ReadHoldingRegistersAsync(1, 200, 2);
        (_, ScriptedRequest secondRequest) = await held.ReadAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        // The answer to the cancelled request arrives while the second waits: it must not be taken for it.
        await connection.RespondAsync(firstRequest, ScriptedPeer.HoldingRegistersAnswer(firstRequest));
        await SafetyTests.WaitUntil(() => client.Metrics.LateResponsesDiscarded == 1);
        await connection.RespondAsync(secondRequest, ScriptedPeer.HoldingRegistersAnswer(secondRequest));
        Assert.Equal([200, 201], await second);
    }

    [Fact]
    public async Task GarbageAnswer_FailsWithTheCodecsError_ClosesAndTheClientReconnects()
    {
        await using var peer = new ScriptedPeer(async (connection, request) =>
        {
            if (connection.Index == 0)
            {
                await connection.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
                return;
            }

            await connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
        });
        await using var client = new ModbusTcpClient(Options(peer.Port));

        ModbusProtocolException e = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 5, 1));
        Assert.True(e.Error.IsError);
        Assert.Equal("modbus", e.Error.Protocol);
        Assert.Equal((int)ModbusError.InvalidProtocolIdentifier, e.Error.Code);
        Assert.Contains("not a Modbus/TCP ADU", e.Message, StringComparison.Ordinal);
        Assert.True(e.ConnectionClosed);

        Assert.Equal([5], await client.ReadHoldingRegistersAsync(1, 5, 1));
        Assert.Equal(1, client.Metrics.ConnectionsLost);
    }

    [Fact]
    public async Task MalformedPdu_WithTheRightTransactionId_FailsThatRequestOnly_TheConnectionStays()
    {
        await using var peer = new ScriptedPeer((connection, request) =>
        {
            // Byte count 4 but only 2 register bytes: the codec rejects the PDU; the framing (MBAP length) is intact.
            byte[] pdu = request.Range.Address == 1 ? [0x03, 0x04, 0x00, 0x01] : ScriptedPeer.HoldingRegistersAnswer(request);
            return connection.RespondAsync(request, pdu);
        });
        await using var client = new ModbusTcpClient(Options(peer.Port));

        ModbusProtocolException e = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 1, 2));
        Assert.Equal("modbus", e.Error.Protocol);
        Assert.Contains("malformed", e.Message, StringComparison.Ordinal);
        Assert.False(e.ConnectionClosed);
        Assert.Equal([2, 3], await client.ReadHoldingRegistersAsync(1, 2, 2));
        Assert.Equal(0, client.Metrics.ConnectionsLost);
        Assert.Equal(1, client.Metrics.MalformedResponses);
    }

    [Fact]
    public async Task AnswerThatDoesNotMatchItsRequest_IsAProtocolError_NotData()
    {
        await using var peer = new ScriptedPeer((connection, request) => request.Range.Address switch
        {
            // Three registers for a request of two.
            1 => connection.RespondAsync(request, [0x03, 0x06, 0, 1, 0, 2, 0, 3]),

            // Another unit.
            2 => connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request), unitId: 9),

            // Another function.
            3 => connection.RespondAsync(request, [0x04, 0x04, 0, 3, 0, 4]),
            _ => connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request)),
        });
        await using var client = new ModbusTcpClient(Options(peer.Port));

        Assert.Contains("3 registers for 2 asked", (await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 1, 2))).Message, StringComparison.Ordinal);
        Assert.Contains("it is for unit 9", (await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 2, 2))).Message, StringComparison.Ordinal);
        Assert.Contains("it is a response of function 4", (await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 3, 2))).Message, StringComparison.Ordinal);
        Assert.Equal([4, 5], await client.ReadHoldingRegistersAsync(1, 4, 2));
        Assert.Equal(3, client.Metrics.MalformedResponses);
    }

    [Fact]
    public async Task WrongTransactionId_IsDiscardedAndCounted_TheCallerTimesOut_TheClientStaysUsable()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var peer = new ScriptedPeer((connection, request) =>
            request.Range.Address == 7
                ? connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request), transactionId: (ushort)(request.TransactionId + 30000))
                : connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request)));
        await using var client = new ModbusTcpClient(Options(peer.Port) with { RequestTimeout = TimeSpan.FromMilliseconds(200) }, timeProvider: time);

        Task<ushort[]> wrong = client.ReadHoldingRegistersAsync(1, 7, 1);
        await SafetyTests.WaitUntil(() => client.Metrics.UnexpectedResponsesDiscarded == 1);
        Assert.False(wrong.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => wrong);
        Assert.Equal([8], await client.ReadHoldingRegistersAsync(1, 8, 1));
        Assert.Equal(0, client.Metrics.ConnectionsLost);
    }

    [Fact]
    public async Task OutOfOrderAnswers_EachCallerGetsItsOwn()
    {
        var held = new List<(ScriptedConnection Connection, ScriptedRequest Request)>();
        await using var peer = new ScriptedPeer(async (connection, request) =>
        {
            List<(ScriptedConnection, ScriptedRequest)>? batch = null;
            lock (held)
            {
                held.Add((connection, request));
                if (held.Count == 6)
                {
                    batch = [.. held];
                    batch.Reverse();
                    held.Clear();
                }
            }

            foreach ((ScriptedConnection c, ScriptedRequest r) in batch ?? [])
            {
                await c.RespondAsync(r, ScriptedPeer.HoldingRegistersAnswer(r));
            }
        });
        await using var client = new ModbusTcpClient(Options(peer.Port) with { MaxRequestsInFlight = 6 });

        ushort[][] results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.ReadHoldingRegistersAsync(1, (ushort)(i * 10), 2)));
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal([(ushort)(i * 10), (ushort)((i * 10) + 1)], results[i]);
        }
    }

    [Fact]
    public async Task ExceptionResponse_ForOneRequestOfMany_GoesToThatCallerOnly()
    {
        await using var peer = new ScriptedPeer((connection, request) =>
            request.Range.Address == 3
                ? connection.RespondAsync(request, [0x83, 0x02])
                : connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request)));
        await using var client = new ModbusTcpClient(Options(peer.Port) with { MaxRequestsInFlight = 4 });

        Task<ushort[]>[] reads = [.. Enumerable.Range(0, 6).Select(i => client.ReadHoldingRegistersAsync(1, (ushort)i, 1))];
        for (int i = 0; i < reads.Length; i++)
        {
            if (i == 3)
            {
                Assert.Equal(ModbusExceptionCode.IllegalDataAddress, (await Assert.ThrowsAsync<ModbusException>(() => reads[i])).ExceptionCode);
            }
            else
            {
                Assert.Equal([(ushort)i], await reads[i]);
            }
        }
    }

    /// <summary>
    /// Randomized: a peer that reorders, delays, drops, duplicates, invents transaction ids and answers for the wrong
    /// unit, against concurrent callers. Every value a caller receives is the answer to its own request; every failure
    /// is a timeout or a protocol error; and afterwards the client still works.
    /// </summary>
    [Property(MaxTest = 12)]
    public void RandomizedMisbehaviour_NoCallerEverGetsAnotherCallersAnswer(int seed)
    {
        RunRandomized(seed).GetAwaiter().GetResult();
    }

    private static async Task RunRandomized(int seed)
    {
        var random = new Random(seed);
        bool wellBehaved = false;
        await using var peer = new ScriptedPeer((connection, request) =>
        {
            int plan;
            int delay;
            lock (random)
            {
                plan = Volatile.Read(ref wellBehaved) ? 9 : random.Next(10);
                delay = Volatile.Read(ref wellBehaved) ? 0 : random.Next(0, 40);
            }

            byte[] answer = ScriptedPeer.HoldingRegistersAnswer(request);
            _ = Task.Run(async () =>
            {
                await Task.Delay(delay);
                switch (plan)
                {
                    case 0:
                        // Dropped: no answer at all.
                        connection.Drop();
                        break;
                    case 1:
                        // Duplicated.
                        await connection.RespondAsync(request, answer);
                        await connection.SendAsync(ScriptedPeer.Adu(request.TransactionId, request.UnitId, answer));
                        break;
                    case 2:
                        // An invented transaction id with a plausible answer for another address, then the real answer.
                        await connection.SendAsync(ScriptedPeer.Adu((ushort)(request.TransactionId + 20000), request.UnitId, ScriptedPeer.HoldingRegistersAnswer(request, valueOffset: 5000)));
                        await connection.RespondAsync(request, answer);
                        break;
                    case 3:
                        // Answered for another unit.
                        await connection.RespondAsync(request, answer, unitId: (byte)(request.UnitId + 1));
                        break;
                    case 4:
                        // Very late: after the caller's timeout.
                        await Task.Delay(250);
                        await connection.RespondAsync(request, answer);
                        break;
                    default:
                        await connection.RespondAsync(request, answer);
                        break;
                }
            });
            return Task.CompletedTask;
        });
        await using var client = new ModbusTcpClient(Options(peer.Port) with { MaxRequestsInFlight = 8, RequestTimeout = TimeSpan.FromMilliseconds(150) });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            ushort address = (ushort)(i * 3);
            try
            {
                return (Address: address, Values: await client.ReadHoldingRegistersAsync(1, address, 3), Error: (Exception?)null);
            }
            catch (Exception ex) when (ex is ModbusTimeoutException or ModbusProtocolException)
            {
                return (Address: address, Values: (ushort[]?)null, Error: ex);
            }
        }));

        foreach ((ushort address, ushort[]? values, Exception? error) in outcomes)
        {
            if (values is not null)
            {
                Assert.Equal([address, (ushort)(address + 1), (ushort)(address + 2)], values);
            }
            else
            {
                Assert.NotNull(error);
            }
        }

        Assert.Equal(40, outcomes.Length);

        // The client stays usable once the peer behaves (a few tries: a loaded machine may still stall one past the timeout).
        Volatile.Write(ref wellBehaved, true);
        ushort[]? last = null;
        for (int attempt = 0; attempt < 20 && last is null; attempt++)
        {
            try
            {
                last = await client.ReadHoldingRegistersAsync(1, 999, 1);
            }
            catch (Exception ex) when (ex is ModbusTimeoutException or ModbusProtocolException)
            {
                // A stall longer than the timeout on a loaded machine; try again.
            }
        }

        Assert.Equal([999], last);
        Assert.Equal(0, client.Metrics.RequestsInFlight);
    }

    [Fact]
    public void ScriptedAnswer_HoldsAddressBasedValues()
    {
        var request = new ScriptedRequest(0, 1, 1, [0x03, 0x00, 0x0A, 0x00, 0x02]);
        byte[] pdu = ScriptedPeer.HoldingRegistersAnswer(request);
        Assert.Equal(10, BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(2)));
        Assert.Equal(11, BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(4)));
    }
}
