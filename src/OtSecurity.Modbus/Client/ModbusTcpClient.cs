using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>
/// A Modbus/TCP client that is safe to point at fragile OT devices. It is read-only, rate-limited, limited to one
/// request in flight and to unit ids 1 and 255 unless <see cref="ModbusTcpClientOptions"/> say otherwise; refused
/// requests fail with <see cref="ModbusSafetyException"/> before anything is sent.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent callers. Requests in flight are matched to answers by transaction id; an answer is only ever
/// delivered to the request that has its transaction id, and a timed-out or cancelled request's id is retired (not
/// reused) until its late answer arrives or the connection is replaced, so a late answer is discarded and counted
/// (<see cref="Metrics"/>) instead of being taken for the answer to a newer request.
/// </para>
/// <para>
/// Errors: <see cref="ModbusException"/> for an exception response, <see cref="ModbusProtocolException"/> for a
/// malformed or mismatched answer, <see cref="ModbusTimeoutException"/> when no answer came in time,
/// <see cref="ModbusConnectionException"/> when the connection failed or was lost (every pending request fails at once),
/// <see cref="ModbusSafetyException"/> for a refused request. The connection is opened on the first request (or by
/// <see cref="ConnectAsync"/>) and reopened after a loss, with backoff after failed attempts.
/// </para>
/// </remarks>
public sealed partial class ModbusTcpClient : IAsyncDisposable
{
    private const int AduBufferLength = ModbusLimits.MaxTcpAduLength;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HashSet<byte> _allowedUnits;
    private readonly SemaphoreSlim _inFlight;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly RequestPacer _pacer;
    private readonly ClientCounters _counters = new();
    private readonly Lock _backoffGate = new();
    private ModbusClientConnection? _connection;
    private ushort _nextTransactionId = 1;
    private int _consecutiveFailures;
    private long _nextAttemptTimestamp = long.MinValue;
    private string? _lastFailure;
    private int _disposed;

    /// <summary>Creates a client; nothing is sent until the first request or <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Server, timeouts and safety options (validated here).</param>
    /// <param name="logger">Logs connections, losses, discarded answers and refused requests; none when null.</param>
    /// <param name="timeProvider">Clock for timeouts, pacing and reconnect backoff; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ModbusTcpClient(ModbusTcpClientOptions options, ILogger<ModbusTcpClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _allowedUnits = [.. options.AllowedUnitIds];
        _inFlight = new SemaphoreSlim(options.MaxRequestsInFlight, options.MaxRequestsInFlight);
        _pacer = new RequestPacer(_time, options.MaxRequestsPerSecond);
    }

    /// <summary>The options (immutable).</summary>
    public ModbusTcpClientOptions Options { get; }

    /// <summary>True while a connection is open.</summary>
    public bool IsConnected => Volatile.Read(ref _connection) is { IsOpen: true };

    /// <summary>A snapshot of the client's counters: requests, answers, timeouts, discarded late and unexpected answers, refusals, connections.</summary>
    public ModbusClientMetrics Metrics => _counters.Snapshot();

    /// <summary>Opens the connection now (ignoring any reconnect backoff). Does nothing when already connected.</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes when connected.</returns>
    /// <exception cref="ModbusConnectionException">The server cannot be reached.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                await OpenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Closes the connection; pending requests fail with <see cref="ObjectDisposedException"/>.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _connectLock.WaitAsync().ConfigureAwait(false);
        ModbusClientConnection? connection = _connection;
        _connection = null;
        _connectLock.Release();
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The number of retired transaction ids on the current connection (diagnostics and tests).</summary>
    internal int RetiredTransactionCount => Volatile.Read(ref _connection)?.RetiredCount ?? 0;

    /// <summary>
    /// Sends one request and awaits its answer. <paramref name="adu"/> holds the PDU at offset 7; the MBAP header is
    /// written once the transaction id is known.
    /// </summary>
    private async Task<T> ExecuteAsync<T>(byte unitId, byte[] adu, int pduLength, ResponseDecoder<T>? decoder, T noResponseValue, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        CheckSafety(unitId, adu.AsSpan(ModbusLimits.MbapHeaderLength, pduLength));
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            ModbusClientConnection connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
            var request = new PendingRequest<T>(unitId, adu[ModbusLimits.MbapHeaderLength], decoder, noResponseValue);
            if (!connection.TryRegister(request))
            {
                throw connection.Failure!.CreateException(request.Description + " failed");
            }

            Interlocked.Increment(ref _counters.InFlight);
            try
            {
                ModbusMbapHeader.TryWrite(adu, request.TransactionId, unitId, pduLength);
                using ITimer timer = _time.CreateTimer(OnTimeout, request, Options.RequestTimeout, Timeout.InfiniteTimeSpan);
                using CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(OnCancel, request);
                if (await connection.SendAsync(adu.AsMemory(0, ModbusLimits.MbapHeaderLength + pduLength)).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _counters.RequestsSent);
                    ModbusInstrumentation.ClientRequests.Add(1, ModbusInstrumentation.Function(request.Function));
                    if (!request.ExpectsResponse && connection.TryAbandon(request))
                    {
                        request.CompleteWithoutResponse();
                    }
                }

                // When sending failed the connection closed and failed this request with the reason.
                return await request.Task.ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _counters.InFlight);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private void OnTimeout(object? state)
    {
        var request = (PendingRequest)state!;
        if (request.Connection!.TryAbandon(request))
        {
            Interlocked.Increment(ref _counters.Timeouts);
            ModbusInstrumentation.ClientTimeouts.Add(1, ModbusInstrumentation.Function(request.Function));
            request.Fail(new ModbusTimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"{request.Description}: no answer within {Options.RequestTimeout.TotalMilliseconds:0} ms (RequestTimeout). The transaction id is retired; a late answer will be discarded.")));
        }
    }

    private void OnCancel(object? state, CancellationToken token)
    {
        var request = (PendingRequest)state!;
        if (request.Connection!.TryAbandon(request))
        {
            Interlocked.Increment(ref _counters.Cancellations);
            request.Cancel(token);
        }
    }

    private void CheckSafety(byte unitId, ReadOnlySpan<byte> pduBytes)
    {
        if (!_allowedUnits.Contains(unitId))
        {
            string allowed = string.Join(", ", _allowedUnits.Order());
            Refuse(string.Create(CultureInfo.InvariantCulture, $"unit id {unitId} is not in ModbusTcpClientOptions.AllowedUnitIds ({allowed}); add it to AllowedUnitIds to address that unit"), nameof(ModbusTcpClientOptions.AllowedUnitIds));
        }

        // Fail closed: a PDU the codec cannot read as a request is treated as a custom function.
        bool readable = ModbusPdu.TryRead(pduBytes, ModbusDirection.Request, out ModbusPdu pdu);
        if (readable && !ModbusFunctions.ChangesState(pdu))
        {
            return;
        }

        string function = ModbusFunctions.GetName(pduBytes[0]) ?? "function " + pduBytes[0].ToString(CultureInfo.InvariantCulture);
        if (pdu.TryGetDiagnostics(out ModbusDiagnostics diagnostics))
        {
            if (!Options.AllowStateChangingDiagnostics)
            {
                string sub = ModbusFunctions.GetName(diagnostics.SubFunction) ?? "reserved sub-function";
                Refuse(string.Create(CultureInfo.InvariantCulture, $"Diagnostics sub-function {(ushort)diagnostics.SubFunction} ({sub}) may change the device's state and the client is read-only; set ModbusTcpClientOptions.AllowStateChangingDiagnostics = true to send it"), nameof(ModbusTcpClientOptions.AllowStateChangingDiagnostics));
            }

            return;
        }

        if (!readable || pdu.Kind is ModbusMessageKind.Unknown or ModbusMessageKind.UserDefined or ModbusMessageKind.CanOpenGeneralReference)
        {
            if (!Options.AllowCustomFunctions)
            {
                Refuse(string.Create(CultureInfo.InvariantCulture, $"{function} (function {pduBytes[0]}) is user-defined or unknown, so its effect on the device is unknown, and the client is read-only; set ModbusTcpClientOptions.AllowCustomFunctions = true to send it"), nameof(ModbusTcpClientOptions.AllowCustomFunctions));
            }

            return;
        }

        if (!Options.AllowWrites)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"{function} (function {pduBytes[0]}) changes the device's state and the client is read-only; set ModbusTcpClientOptions.AllowWrites = true to send writes"), nameof(ModbusTcpClientOptions.AllowWrites));
        }
    }

    private void Refuse(string reason, string option)
    {
        Interlocked.Increment(ref _counters.RequestsRefused);
        ModbusInstrumentation.ClientRefused.Add(1, new KeyValuePair<string, object?>("option", option));
        Log.RequestRefused(_logger, reason);
        throw new ModbusSafetyException($"Refused before sending: {reason}.", option);
    }

    private async ValueTask<ModbusClientConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        ModbusClientConnection? connection = Volatile.Read(ref _connection);
        if (connection is { IsOpen: true })
        {
            return connection;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            connection = _connection;
            if (connection is { IsOpen: true })
            {
                return connection;
            }

            if (connection is not null && !Options.AutoReconnect)
            {
                throw new ModbusConnectionException($"The connection to {Options.Host}:{Options.Port} was lost ({connection.Failure?.Reason}) and AutoReconnect is off; call ConnectAsync to reconnect.");
            }

            long now = _time.GetTimestamp();
            lock (_backoffGate)
            {
                if (now < _nextAttemptTimestamp)
                {
                    TimeSpan wait = _time.GetElapsedTime(now, _nextAttemptTimestamp);
                    throw new ModbusConnectionException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Not connected to {Options.Host}:{Options.Port}: {_consecutiveFailures} connection attempt(s) failed (last: {_lastFailure}); the next attempt is backed off for another {Math.Ceiling(wait.TotalMilliseconds):0} ms (ReconnectDelay, MaxReconnectDelay)."));
                }
            }

            return await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Opens a connection; the caller holds the connect lock.</summary>
    private async Task<ModbusClientConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _counters.ConnectAttempts);
        ushort first = _connection?.NextTransactionId ?? _nextTransactionId;
        try
        {
            ModbusClientConnection connection = await ModbusClientConnection.ConnectAsync(Options, _counters, _logger, _time, first, OnConnectionClosed, OnFirstAnswer, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _connection, connection);
            Log.Connected(_logger, Options.Host, Options.Port, connection.RemoteEndPoint);
            return connection;
        }
        catch (ModbusConnectionException ex)
        {
            Interlocked.Increment(ref _counters.ConnectFailures);
            RegisterFailure(ex.Message);
            Log.ConnectFailed(_logger, Options.Host, Options.Port, ex.Message);
            throw;
        }
    }

    private void OnConnectionClosed(ModbusClientConnection connection, ConnectionFailure failure)
    {
        _nextTransactionId = connection.NextTransactionId;
        if (failure.IsDisposal)
        {
            return;
        }

        Interlocked.Increment(ref _counters.ConnectionsLost);
        ModbusInstrumentation.ClientConnectionsLost.Add(1);

        // A connection lost before it carried a single answer counts as a failed attempt (a device that accepts and
        // drops connections is not hammered); one that carried answers may be reopened at once.
        if (!connection.HasAnswered)
        {
            RegisterFailure(failure.Reason);
        }
    }

    private void OnFirstAnswer()
    {
        lock (_backoffGate)
        {
            _consecutiveFailures = 0;
            _nextAttemptTimestamp = long.MinValue;
        }
    }

    private void RegisterFailure(string reason)
    {
        lock (_backoffGate)
        {
            _consecutiveFailures++;
            _lastFailure = reason;
            double factor = Math.Pow(2, Math.Min(_consecutiveFailures - 1, 30));
            double ticks = Math.Min(Options.ReconnectDelay.Ticks * factor, Options.MaxReconnectDelay.Ticks);
            var delay = TimeSpan.FromTicks((long)ticks);
            _nextAttemptTimestamp = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        }
    }

    private static byte[] NewAdu() => new byte[AduBufferLength];
}
