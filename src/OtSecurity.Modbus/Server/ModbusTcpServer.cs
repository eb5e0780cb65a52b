using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Server;

/// <summary>A snapshot of a <see cref="ModbusTcpServer"/>'s counters.</summary>
/// <param name="ConnectionsAccepted">Connections accepted since the start.</param>
/// <param name="ConnectionsRefused">Connections closed at once because <see cref="ModbusTcpServerOptions.MaxConnections"/> were open.</param>
/// <param name="ConnectionsOpen">Connections open now.</param>
/// <param name="Requests">Requests processed.</param>
/// <param name="ExceptionResponses">Exception responses sent.</param>
/// <param name="FramingErrors">Connections closed because the client sent bytes that are not a Modbus/TCP ADU.</param>
public readonly record struct ModbusServerMetrics(long ConnectionsAccepted, long ConnectionsRefused, int ConnectionsOpen, long Requests, long ExceptionResponses, long FramingErrors);

/// <summary>
/// A Modbus/TCP server over a pluggable <see cref="IModbusDataStore"/> (an <see cref="InMemoryModbusDataStore"/> by
/// default): every public function code of the MODBUS Application Protocol Specification V1.1b3 including Read Device
/// Identification (43/14) with configurable identity objects; exception responses for illegal functions, addresses and
/// values, and Server Device Failure when the store throws. Each connection reads requests with the shared
/// <see cref="ProtocolReader{TMessage}"/> (active mode: bytes that are not an ADU close the connection) and answers them
/// in order; many clients are served concurrently. <see cref="StopAsync"/> stops accepting, lets the requests being
/// processed finish and be answered, then closes every connection.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly ModbusRequestProcessor _processor;
    private readonly Lock _gate = new();
    private readonly HashSet<Connection> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private IPEndPoint? _localEndPoint;
    private Task? _acceptLoop;
    private Task? _stopTask;
    private long _accepted;
    private long _refused;
    private long _framingErrors;

    /// <summary>Creates a server; call <see cref="StartAsync"/> to listen.</summary>
    /// <param name="options">Endpoint, limits, unit ids and identity (validated here).</param>
    /// <param name="dataStore">The data model; a full-size <see cref="InMemoryModbusDataStore"/> when null.</param>
    /// <param name="logger">Logs connections, framing errors and store failures; none when null.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ModbusTcpServer(ModbusTcpServerOptions options, IModbusDataStore? dataStore = null, ILogger<ModbusTcpServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        DataStore = dataStore ?? new InMemoryModbusDataStore();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _processor = new ModbusRequestProcessor(DataStore, options, _logger);
    }

    /// <summary>The options.</summary>
    public ModbusTcpServerOptions Options { get; }

    /// <summary>The data model the server answers from.</summary>
    public IModbusDataStore DataStore { get; }

    /// <summary>Where the server listens (with the actual port when <see cref="ModbusTcpServerOptions.EndPoint"/> asked for port 0).</summary>
    /// <exception cref="InvalidOperationException">The server has not been started.</exception>
    public IPEndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The server has not been started: call StartAsync first.");

    /// <summary>A snapshot of the counters.</summary>
    public ModbusServerMetrics Metrics
    {
        get
        {
            int open;
            lock (_gate)
            {
                open = _connections.Count;
            }

            return new ModbusServerMetrics(Interlocked.Read(ref _accepted), Interlocked.Read(ref _refused), open, _processor.Requests, _processor.Exceptions, Interlocked.Read(ref _framingErrors));
        }
    }

    /// <summary>How many requests of <paramref name="function"/> the server received (answered or not).</summary>
    /// <param name="function">A function code (the exception bit is ignored).</param>
    /// <returns>The count.</returns>
    public long GetRequestCount(ModbusFunctionCode function) => _processor.GetRequestCount((byte)function);

    /// <summary>Binds the endpoint and starts accepting connections.</summary>
    /// <param name="cancellationToken">Not used beyond an early check; binding is synchronous.</param>
    /// <returns>A completed task once listening.</returns>
    /// <exception cref="InvalidOperationException">The server was already started.</exception>
    /// <exception cref="SocketException">The endpoint cannot be bound (for example, the port is in use).</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_listener is not null)
            {
                throw new InvalidOperationException("The server was already started.");
            }

            var listener = new Socket(Options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(Options.EndPoint);
                listener.Listen(Math.Max(16, Options.MaxConnections));
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            _listener = listener;
            _localEndPoint = (IPEndPoint?)listener.LocalEndPoint;
        }

        Log.ServerListening(_logger, _listener.LocalEndPoint);
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops gracefully: no new connections are accepted, each connection finishes and answers the request it is
    /// processing, then every connection is closed. When <paramref name="cancellationToken"/> fires first, the
    /// remaining connections are closed at once.
    /// </summary>
    /// <param name="cancellationToken">Ends the graceful wait.</param>
    /// <returns>A task that completes when every connection is closed.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _stopTask ??= StopCoreAsync(cancellationToken);
            return _stopTask;
        }
    }

    /// <summary>Stops the server (graceful, at most 5 seconds) and releases it.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Socket? listener = _listener;
        listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        Connection[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        foreach (Connection connection in connections)
        {
            connection.RequestStop();
        }

        Task all = Task.WhenAll(connections.Select(c => c.Completion));
        try
        {
            await all.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (Connection connection in connections)
            {
                connection.Abort();
            }

            await all.ConfigureAwait(false);
        }

        if (listener is not null)
        {
            Log.ServerStopped(_logger, _localEndPoint);
        }
    }

    private async Task AcceptLoopAsync()
    {
        Socket listener = _listener!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                // A connection that failed during the handshake: keep accepting.
                continue;
            }

            int open;
            Connection? connection = null;
            lock (_gate)
            {
                open = _connections.Count;
                if (open < Options.MaxConnections && !_stopping.IsCancellationRequested)
                {
                    connection = new Connection(this, socket);
                    _connections.Add(connection);
                }
            }

            if (connection is null)
            {
                Interlocked.Increment(ref _refused);
                Log.ServerConnectionRefused(_logger, socket.RemoteEndPoint, open);
                socket.Dispose();
                continue;
            }

            Interlocked.Increment(ref _accepted);
            ModbusInstrumentation.ServerConnections.Add(1);
            Log.ServerClientConnected(_logger, connection.RemoteEndPoint);
            connection.Start();
        }
    }

    private void Remove(Connection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    /// <summary>One client connection: reads requests in order and answers each before reading the next.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly ModbusTcpServer _server;
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly PipeReader _input;
        private readonly PipeWriter _output;
        private readonly byte[] _request = new byte[ModbusLimits.MaxPduLength];
        private readonly byte[] _response = new byte[ModbusLimits.MaxTcpAduLength];
        private volatile bool _stopRequested;
        private long _requests;

        public Connection(ModbusTcpServer server, Socket socket)
        {
            _server = server;
            _socket = socket;
            _socket.NoDelay = true;
            RemoteEndPoint = socket.RemoteEndPoint;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
            _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        }

        public EndPoint? RemoteEndPoint { get; }

        public Task Completion { get; private set; } = Task.CompletedTask;

        public void Start() => Completion = Task.Run(RunAsync);

        /// <summary>Finish the request being processed, then close.</summary>
        public void RequestStop()
        {
            _stopRequested = true;
            _input.CancelPendingRead();
        }

        /// <summary>Close now.</summary>
        public void Abort()
        {
            _stopRequested = true;
            _socket.Dispose();
        }

        private async Task RunAsync()
        {
            var reader = new ProtocolReader<ModbusTcpMessage>(_input, new ModbusTcpMessageReader(), new ProtocolReaderOptions { MaxMessageSize = ModbusLimits.MaxTcpAduLength, Mode = FramingMode.Active });
            try
            {
                while (!_stopRequested)
                {
                    ProtocolReadResult<ModbusTcpMessage> result = await reader.ReadAsync().ConfigureAwait(false);
                    if (result.HasMessage)
                    {
                        int length;
                        try
                        {
                            length = Answer(result.Message);
                        }
                        finally
                        {
                            reader.Advance();
                        }

                        _requests++;
                        if (length > 0)
                        {
                            FlushResult flush = await _output.WriteAsync(_response.AsMemory(0, length)).ConfigureAwait(false);
                            if (flush.IsCompleted)
                            {
                                break;
                            }
                        }

                        continue;
                    }

                    if (result.IsFaulted)
                    {
                        // Active framing: a peer out of step cannot be answered safely (Implementation Guide §4.4.1: close).
                        Interlocked.Increment(ref _server._framingErrors);
                        _server._processor.Diagnostics.CommunicationError();
                        Log.ServerFramingError(_server._logger, RemoteEndPoint, result.Error.ToString());
                    }

                    break;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away.
            }
            finally
            {
                await DisposeAsync().ConfigureAwait(false);
                _server.Remove(this);
                Log.ServerClientDisconnected(_server._logger, RemoteEndPoint, _requests);
            }
        }

        private int Answer(in ModbusTcpMessage message)
        {
            ReadOnlySpan<byte> pdu;
            if (message.Pdu.IsSingleSegment)
            {
                pdu = message.Pdu.FirstSpan;
            }
            else
            {
                message.Pdu.CopyTo(_request);
                pdu = _request.AsSpan(0, (int)message.Pdu.Length);
            }

            int length = _server._processor.Process(message.Header, pdu, RemoteEndPoint, _response.AsSpan(ModbusLimits.MbapHeaderLength, ModbusLimits.MaxPduLength));
            if (length == 0)
            {
                return 0;
            }

            // Implementation Guide §3.1.3: the response copies the request's transaction id and unit id.
            ModbusMbapHeader.TryWrite(_response, message.Header.TransactionId, message.Header.UnitId, length);
            return ModbusLimits.MbapHeaderLength + length;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _output.CompleteAsync().ConfigureAwait(false);
                await _input.CompleteAsync().ConfigureAwait(false);
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // Already closed.
            }

            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
