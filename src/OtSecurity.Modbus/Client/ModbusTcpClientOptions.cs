using System.Globalization;

namespace OtSecurity.Modbus.Client;

/// <summary>
/// Options of a <see cref="ModbusTcpClient"/>. The defaults are chosen for fragile OT devices: read-only, at most
/// one request in flight, at most 10 requests a second, and only unit ids 1 and 255 may be addressed. Every
/// relaxation is an explicit opt-in, and a refused request names the option that allows it.
/// </summary>
public sealed record ModbusTcpClientOptions
{
    /// <summary>The Modbus/TCP port registered with IANA: 502.</summary>
    public const int DefaultPort = 502;

    /// <summary>Creates options for a server.</summary>
    /// <param name="host">Host name or IP address of the Modbus/TCP server.</param>
    /// <param name="port">TCP port, 502 by default.</param>
    public ModbusTcpClientOptions(string host, int port = DefaultPort)
    {
        Host = host;
        Port = port;
    }

    /// <summary>Host name or IP address of the Modbus/TCP server.</summary>
    public string Host { get; init; }

    /// <summary>TCP port of the server (1..65535).</summary>
    public int Port { get; init; }

    /// <summary>How long a connection attempt may take: 3 seconds by default.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long to wait for the response to a request once it is sent: 2 seconds by default. A request that times out
    /// fails with <see cref="ModbusTimeoutException"/>; its transaction id is retired so that a late answer is discarded
    /// (and counted) rather than given to another request.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Allows the write functions (5, 6, 15, 16, 21, 22 and 23). False by default: the client is read-only and refuses
    /// them with a <see cref="ModbusSafetyException"/> before anything is sent.
    /// </summary>
    public bool AllowWrites { get; init; }

    /// <summary>
    /// Allows the Diagnostics (function 8) sub-functions that change the device's state: Restart Communications
    /// Option, Change ASCII Input Delimiter, Force Listen Only Mode, Clear Counters and Diagnostic Register, Clear
    /// Overrun Counter and Flag, and reserved sub-functions. False by default.
    /// </summary>
    public bool AllowStateChangingDiagnostics { get; init; }

    /// <summary>
    /// Allows user-defined and unknown function codes, and function 43 MEI types other than Read Device
    /// Identification (their effect on the device is unknown). False by default.
    /// </summary>
    public bool AllowCustomFunctions { get; init; }

    /// <summary>True when the client sends nothing that may change the device's state (the default).</summary>
    public bool IsReadOnly => !AllowWrites && !AllowStateChangingDiagnostics && !AllowCustomFunctions;

    /// <summary>
    /// The unit ids the client may address: 1 and 255 by default (255 is the value the TCP Implementation Guide
    /// recommends for a device reached directly; unit 0 is the serial-line broadcast address behind gateways and is
    /// not allowed unless listed here).
    /// </summary>
    public IReadOnlySet<byte> AllowedUnitIds { get; init; } = new HashSet<byte> { 1, 255 };

    /// <summary>
    /// The most requests started per second (requests are spaced evenly; a request waits for its slot): 10 by
    /// default. Null removes the limit.
    /// </summary>
    public double? MaxRequestsPerSecond { get; init; } = 10;

    /// <summary>
    /// The most requests awaiting a response at once: 1 by default, because many devices handle one transaction at a
    /// time. Further requests wait for a slot. The Modbus/TCP transaction id allows more; raise it for devices that
    /// document it.
    /// </summary>
    public int MaxRequestsInFlight { get; init; } = 1;

    /// <summary>
    /// Whether a request made after the connection was lost opens a new connection (true by default). When false,
    /// requests fail with <see cref="ModbusConnectionException"/> until <see cref="ModbusTcpClient.ConnectAsync"/> is called.
    /// </summary>
    public bool AutoReconnect { get; init; } = true;

    /// <summary>
    /// The wait after a failed connection attempt before the next one: 250 ms by default, doubled after each further
    /// failure up to <see cref="MaxReconnectDelay"/>. While the wait lasts, requests fail at once with
    /// <see cref="ModbusConnectionException"/> instead of hammering the device with connection attempts.
    /// </summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between connection attempts: 30 seconds by default.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many transaction ids may be retired at once (requests that timed out or were cancelled and whose answer
    /// has not arrived): 256 by default. Beyond this the peer is leaving requests unanswered and the connection is
    /// recycled, so that no late answer can ever be mistaken for the answer to a new request.
    /// </summary>
    public int MaxRetiredTransactions { get; init; } = 256;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("ModbusTcpClientOptions.Host must name the server (a host name or an IP address).", nameof(Host));
        }

        Require(Port is > 0 and <= 65535, nameof(Port), $"is {Port}; a TCP port is 1..65535");
        Require(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
        Require(AllowedUnitIds is { Count: > 0 }, nameof(AllowedUnitIds), "must list at least one unit id");
        Require(MaxRequestsPerSecond is null || MaxRequestsPerSecond > 0, nameof(MaxRequestsPerSecond), "must be positive (or null for no limit)");
        Require(MaxRequestsInFlight is >= 1 and <= 1024, nameof(MaxRequestsInFlight), $"is {MaxRequestsInFlight}; it must be 1..1024");
        Require(ReconnectDelay >= TimeSpan.Zero, nameof(ReconnectDelay), "must not be negative");
        Require(MaxReconnectDelay >= ReconnectDelay, nameof(MaxReconnectDelay), "must be at least ReconnectDelay");
        Require(MaxRetiredTransactions is >= 1 and <= 16384, nameof(MaxRetiredTransactions), $"is {MaxRetiredTransactions}; it must be 1..16384");
    }

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"ModbusTcpClientOptions.{option} {problem}."), option);
        }
    }
}
