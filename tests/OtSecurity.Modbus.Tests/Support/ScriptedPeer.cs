using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OtSecurity.Modbus.Tests.Support;

/// <summary>One request the scripted peer received.</summary>
internal sealed record ScriptedRequest(int Connection, ushort TransactionId, byte UnitId, byte[] Pdu)
{
    /// <summary>Address and quantity of a request of functions 1-4.</summary>
    public (ushort Address, ushort Quantity) Range => (BinaryPrimitives.ReadUInt16BigEndian(Pdu.AsSpan(1)), BinaryPrimitives.ReadUInt16BigEndian(Pdu.AsSpan(3)));
}

/// <summary>
/// A fake Modbus/TCP server driven by a script: for each request the handler decides what goes back (a correct answer,
/// nothing, garbage, a wrong transaction id, a late or out-of-order answer, a close in the middle of a response).
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedConnection, ScriptedRequest, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ScriptedConnection> _connections = [];
    private readonly Task _acceptLoop;
    private int _requests;
    private int _outstanding;
    private int _maxOutstanding;

    public ScriptedPeer(Func<ScriptedConnection, ScriptedRequest, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections
    {
        get
        {
            lock (_connections)
            {
                return _connections.Count;
            }
        }
    }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The most requests received and not yet answered at any moment.</summary>
    public int MaxOutstanding => Volatile.Read(ref _maxOutstanding);

    /// <summary>A peer that answers nothing by itself: each request waits in <paramref name="held"/> for the test to answer it.</summary>
    public static ScriptedPeer Holding(out System.Threading.Channels.ChannelReader<(ScriptedConnection Connection, ScriptedRequest Request)> held)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<(ScriptedConnection, ScriptedRequest)>();
        held = channel.Reader;
        return new ScriptedPeer((connection, request) => channel.Writer.WriteAsync((connection, request)).AsTask());
    }

    /// <summary>The correct answer to a Read Holding Registers request: register i of the range holds address + i.</summary>
    public static byte[] HoldingRegistersAnswer(ScriptedRequest request, int valueOffset = 0)
    {
        (ushort address, ushort quantity) = request.Range;
        byte[] pdu = new byte[2 + (2 * quantity)];
        pdu[0] = 0x03;
        pdu[1] = (byte)(2 * quantity);
        for (int i = 0; i < quantity; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(2 + (2 * i)), (ushort)(address + i + valueOffset));
        }

        return pdu;
    }

    /// <summary>Frames a PDU as a Modbus/TCP ADU.</summary>
    public static byte[] Adu(ushort transactionId, byte unitId, byte[] pdu)
    {
        byte[] adu = new byte[7 + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(adu, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(adu.AsSpan(4), (ushort)(pdu.Length + 1));
        adu[6] = unitId;
        pdu.CopyTo(adu, 7);
        return adu;
    }

    internal void Answered() => Interlocked.Decrement(ref _outstanding);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        ScriptedConnection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (ScriptedConnection connection in connections)
        {
            connection.Close();
        }


        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections.Select(c => c.Completion));
        _stop.Dispose();
        _listener.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            ScriptedConnection connection;
            lock (_connections)
            {
                connection = new ScriptedConnection(this, socket, _connections.Count);
                _connections.Add(connection);
            }

            connection.Completion = Task.Run(() => ReadLoopAsync(connection));
        }
    }

    private async Task ReadLoopAsync(ScriptedConnection connection)
    {
        byte[] header = new byte[7];
        try
        {
            while (true)
            {
                await connection.Stream.ReadExactlyAsync(header);
                int length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
                byte[] pdu = new byte[length - 1];
                await connection.Stream.ReadExactlyAsync(pdu);
                Interlocked.Increment(ref _requests);
                int outstanding = Interlocked.Increment(ref _outstanding);
                int max;
                while (outstanding > (max = Volatile.Read(ref _maxOutstanding)) && Interlocked.CompareExchange(ref _maxOutstanding, outstanding, max) != max)
                {
                }

                await _handler(connection, new ScriptedRequest(connection.Index, BinaryPrimitives.ReadUInt16BigEndian(header), header[6], pdu));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or EndOfStreamException or OperationCanceledException)
        {
            // The client or the script closed the connection.
        }
    }
}

/// <summary>One connection of the scripted peer.</summary>
internal sealed class ScriptedConnection : IDisposable
{
    private readonly ScriptedPeer _peer;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public ScriptedConnection(ScriptedPeer peer, Socket socket, int index)
    {
        _peer = peer;
        _socket = socket;
        _socket.NoDelay = true;
        Index = index;
        Stream = new NetworkStream(socket, ownsSocket: true);
    }

    public int Index { get; }

    public NetworkStream Stream { get; }

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Sends raw bytes (anything: part of an ADU, garbage, several ADUs).</summary>
    public async Task SendAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync();
        try
        {
            await Stream.WriteAsync(bytes);
            await Stream.FlushAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Answers a request with a PDU (by default with the request's transaction id and unit id).</summary>
    public Task RespondAsync(ScriptedRequest request, byte[] pdu, ushort? transactionId = null, byte? unitId = null)
    {
        _peer.Answered();
        return SendAsync(ScriptedPeer.Adu(transactionId ?? request.TransactionId, unitId ?? request.UnitId, pdu));
    }

    /// <summary>Counts a request as dealt with without answering it.</summary>
    public void Drop() => _peer.Answered();

    public void Dispose()
    {
        Close();
        _sendLock.Dispose();
    }

    /// <summary>Closes the connection (the client sees the end of the stream).</summary>
    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }
}
