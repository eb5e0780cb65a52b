using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>Why a connection closed, turned into one exception per pending request.</summary>
internal sealed class ConnectionFailure
{
    private ConnectionFailure(int kind, string reason, ProtocolError error, Exception? inner)
    {
        Kind = kind;
        Reason = reason;
        Error = error;
        Inner = inner;
    }

    public int Kind { get; }

    public string Reason { get; }

    public ProtocolError Error { get; }

    public Exception? Inner { get; }

    public bool IsDisposal => Kind == 2;

    public static ConnectionFailure Lost(string reason, Exception? inner = null) => new(0, reason, default, inner);

    public static ConnectionFailure Protocol(string reason, ProtocolError error) => new(1, reason, error, null);

    public static ConnectionFailure Disposed() => new(2, "the client was disposed", default, null);

    public Exception CreateException(string subject) => Kind switch
    {
        1 => new ModbusProtocolException($"{subject}: {Reason}.", Error, connectionClosed: true),
        2 => new ObjectDisposedException(nameof(ModbusTcpClient), $"{subject}: {Reason}."),
        _ => Inner is null ? new ModbusConnectionException($"{subject}: {Reason}.") : new ModbusConnectionException($"{subject}: {Reason}.", Inner),
    };
}

/// <summary>
/// One TCP connection of a <see cref="ModbusTcpClient"/>: the table of requests awaiting an answer (by transaction
/// id), the retired transaction ids, the write path and the receive loop over the shared
/// <see cref="ProtocolReader{TMessage}"/> in active mode.
/// </summary>
internal sealed class ModbusClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly ProtocolReader<ModbusTcpMessage> _reader;
    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, PendingRequest> _pending = [];
    private readonly HashSet<ushort> _retired = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _scratch = new byte[ModbusLimits.MaxPduLength];
    private readonly ModbusTcpClientOptions _options;
    private readonly ClientCounters _counters;
    private readonly ILogger _logger;
    private readonly Action<ModbusClientConnection, ConnectionFailure> _closed;
    private readonly Action _answered;
    private readonly Task _receiveLoop;
    private ushort _nextTransactionId;
    private ConnectionFailure? _failure;
    private int _answers;

    private ModbusClientConnection(
        Socket socket,
        ModbusTcpClientOptions options,
        ClientCounters counters,
        ILogger logger,
        ushort firstTransactionId,
        Action<ModbusClientConnection, ConnectionFailure> closed,
        Action answered)
    {
        _socket = socket;
        _options = options;
        _counters = counters;
        _logger = logger;
        _closed = closed;
        _answered = answered;
        _nextTransactionId = firstTransactionId;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        _reader = new ProtocolReader<ModbusTcpMessage>(_input, new ModbusTcpMessageReader(), new ProtocolReaderOptions { MaxMessageSize = ModbusLimits.MaxTcpAduLength, Mode = FramingMode.Active });
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>True until the connection closes.</summary>
    public bool IsOpen => Volatile.Read(ref _failure) is null;

    /// <summary>True once an answer to one of this connection's requests arrived.</summary>
    public bool HasAnswered => Volatile.Read(ref _answers) != 0;

    /// <summary>Why the connection closed, once it has.</summary>
    public ConnectionFailure? Failure => Volatile.Read(ref _failure);

    /// <summary>The transaction id the next request would get (carried over to the next connection).</summary>
    public ushort NextTransactionId
    {
        get
        {
            lock (_gate)
            {
                return _nextTransactionId;
            }
        }
    }

    /// <summary>The number of retired transaction ids (for tests and diagnostics).</summary>
    public int RetiredCount
    {
        get
        {
            lock (_gate)
            {
                return _retired.Count;
            }
        }
    }

    public EndPoint? RemoteEndPoint { get; private set; }

    /// <summary>Opens a connection to the first address of the host that accepts within the connect timeout.</summary>
    public static async Task<ModbusClientConnection> ConnectAsync(
        ModbusTcpClientOptions options,
        ClientCounters counters,
        ILogger logger,
        TimeProvider timeProvider,
        ushort firstTransactionId,
        Action<ModbusClientConnection, ConnectionFailure> closed,
        Action answered,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(options.Host, out IPAddress? literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(options.Host, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ModbusConnectionException(string.Create(CultureInfo.InvariantCulture, $"Cannot resolve {options.Host} within the connect timeout ({options.ConnectTimeout.TotalMilliseconds:0} ms)."));
        }
        catch (SocketException ex)
        {
            throw new ModbusConnectionException($"Cannot resolve {options.Host}: {ex.Message}.", ex);
        }

        if (addresses.Length == 0)
        {
            throw new ModbusConnectionException($"{options.Host} has no IP address.");
        }

        Exception? last = null;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, options.Port), linked.Token).ConfigureAwait(false);
                var connection = new ModbusClientConnection(socket, options, counters, logger, firstTransactionId, closed, answered)
                {
                    RemoteEndPoint = socket.RemoteEndPoint,
                };
                return connection;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new ModbusConnectionException(string.Create(CultureInfo.InvariantCulture, $"{options.Host}:{options.Port} did not accept the connection within the connect timeout ({options.ConnectTimeout.TotalMilliseconds:0} ms)."));
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new ModbusConnectionException($"Cannot connect to {options.Host}:{options.Port}: {last?.Message}.", last!);
    }

    /// <summary>Gives <paramref name="request"/> a transaction id not in use and not retired, and records it as pending.</summary>
    /// <returns>False when the connection is closed (the request is not registered).</returns>
    public bool TryRegister(PendingRequest request)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                return false;
            }

            // At most MaxRequestsInFlight + MaxRetiredTransactions ids are taken, far below 65536: the loop ends quickly.
            ushort id = _nextTransactionId;
            while (_pending.ContainsKey(id) || _retired.Contains(id))
            {
                id++;
            }

            _nextTransactionId = (ushort)(id + 1);
            request.TransactionId = id;
            request.Connection = this;
            _pending.Add(id, request);
            return true;
        }
    }

    /// <summary>
    /// Removes a request that will not wait for its answer any more (timeout, cancellation, or no answer expected) and
    /// retires its transaction id so that a late answer is discarded. Returns false when someone else completed it.
    /// </summary>
    public bool TryAbandon(PendingRequest request)
    {
        bool recycle;
        lock (_gate)
        {
            if (!_pending.TryGetValue(request.TransactionId, out PendingRequest? current) || !ReferenceEquals(current, request))
            {
                return false;
            }

            _pending.Remove(request.TransactionId);
            _retired.Add(request.TransactionId);
            recycle = _retired.Count > _options.MaxRetiredTransactions;
        }

        if (recycle)
        {
            Close(ConnectionFailure.Lost(string.Create(CultureInfo.InvariantCulture, $"more than {_options.MaxRetiredTransactions} requests went unanswered (MaxRetiredTransactions); the connection was recycled so that no late answer can be taken for the answer to a new request")));
        }

        return true;
    }

    /// <summary>Writes one ADU. On failure the connection closes (failing every pending request) and false is returned.</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> adu)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!IsOpen)
            {
                return false;
            }

            FlushResult result = await _output.WriteAsync(adu).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                Close(ConnectionFailure.Lost("the connection closed while sending"));
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Close(ConnectionFailure.Lost($"sending failed ({ex.Message})", ex));
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the connection: every pending request fails at once with an exception made from <paramref name="failure"/>.</summary>
    public void Close(ConnectionFailure failure)
    {
        PendingRequest[] pending;
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = failure;
            pending = [.. _pending.Values];
            _pending.Clear();
            _retired.Clear();
        }

        foreach (PendingRequest request in pending)
        {
            request.Fail(failure.CreateException(request.Description + " failed"));
        }

        _input.CancelPendingRead();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer.
        }

        _socket.Dispose();
        if (!failure.IsDisposal)
        {
            Log.ConnectionClosed(_logger, _options.Host, _options.Port, failure.Reason, pending.Length);
        }

        _closed(this, failure);
    }

    public async ValueTask DisposeAsync()
    {
        Close(ConnectionFailure.Disposed());
        await _receiveLoop.ConfigureAwait(false);
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                ProtocolReadResult<ModbusTcpMessage> result = await _reader.ReadAsync().ConfigureAwait(false);
                if (result.HasMessage)
                {
                    try
                    {
                        Dispatch(result.Message);
                    }
                    finally
                    {
                        _reader.Advance();
                    }

                    continue;
                }

                if (result.IsFaulted)
                {
                    Close(ConnectionFailure.Protocol($"the server sent bytes that are not a Modbus/TCP ADU ({result.Error.Reason}); the connection was closed", result.Error));
                }
                else if (result.IsCompleted)
                {
                    Close(ConnectionFailure.Lost(result.LeftoverBytes > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"the server closed the connection in the middle of a response ({result.LeftoverBytes} bytes of an incomplete ADU)")
                        : "the server closed the connection"));
                }
                else
                {
                    // Cancelled: Close() was called.
                    Close(ConnectionFailure.Lost("the connection was closed"));
                }

                return;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            Close(ConnectionFailure.Lost($"the connection failed ({ex.Message})", ex));
        }
    }

    private void Dispatch(in ModbusTcpMessage message)
    {
        ushort id = message.Header.TransactionId;
        PendingRequest? request;
        lock (_gate)
        {
            if (!_pending.Remove(id, out request))
            {
                bool late = _retired.Remove(id);
                if (late)
                {
                    Interlocked.Increment(ref _counters.LateResponses);
                }
                else
                {
                    Interlocked.Increment(ref _counters.UnexpectedResponses);
                }

                ModbusInstrumentation.ClientDiscarded.Add(1, new KeyValuePair<string, object?>("reason", late ? "late" : "unexpected"));
                Log.ResponseDiscarded(_logger, late ? "late" : "unexpected", id);
                return;
            }
        }

        if (Interlocked.Exchange(ref _answers, 1) == 0)
        {
            _answered();
        }

        if (!message.TryReadPdu(ModbusDirection.Response, _scratch, out ModbusPdu pdu, out ProtocolError error))
        {
            Interlocked.Increment(ref _counters.MalformedResponses);
            request.Fail(request.Malformed(error));
            return;
        }

        if (message.Header.UnitId != request.UnitId)
        {
            Interlocked.Increment(ref _counters.MalformedResponses);
            request.Fail(request.Mismatch(string.Create(CultureInfo.InvariantCulture, $"it is for unit {message.Header.UnitId}")));
            return;
        }

        if ((byte)pdu.FunctionCode != request.Function)
        {
            Interlocked.Increment(ref _counters.MalformedResponses);
            request.Fail(request.Mismatch(string.Create(CultureInfo.InvariantCulture, $"it is a response of function {(byte)pdu.FunctionCode}")));
            return;
        }

        if (pdu.TryGetException(out ModbusExceptionResponse exception))
        {
            Interlocked.Increment(ref _counters.ExceptionResponses);
            Interlocked.Increment(ref _counters.ResponsesReceived);
            request.Fail(new ModbusException(request.UnitId, exception.Function, exception.ExceptionCode));
            return;
        }

        try
        {
            request.Complete(pdu);
            Interlocked.Increment(ref _counters.ResponsesReceived);
        }
        catch (ModbusProtocolException ex)
        {
            Interlocked.Increment(ref _counters.MalformedResponses);
            request.Fail(request.Mismatch(ex.Message));
        }
    }
}
