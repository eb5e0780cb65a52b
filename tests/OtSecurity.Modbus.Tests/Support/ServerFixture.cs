using System.Net;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Server;

namespace OtSecurity.Modbus.Tests.Support;

/// <summary>Our server on a free loopback port with an in-memory store, and clients for it (all disposed together).</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    private readonly List<ModbusTcpClient> _clients = [];

    private ServerFixture(ModbusTcpServer server, InMemoryModbusDataStore store)
    {
        Server = server;
        Store = store;
    }

    public ModbusTcpServer Server { get; }

    public InMemoryModbusDataStore Store { get; }

    public int Port => Server.LocalEndPoint.Port;

    public static async Task<ServerFixture> StartAsync(Func<ModbusTcpServerOptions, ModbusTcpServerOptions>? configure = null, InMemoryModbusDataStore? store = null, IModbusDataStore? customStore = null)
    {
        store ??= new InMemoryModbusDataStore();
        var options = new ModbusTcpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) };
        options = configure?.Invoke(options) ?? options;
        var server = new ModbusTcpServer(options, customStore ?? store);
        await server.StartAsync();
        return new ServerFixture(server, store);
    }

    /// <summary>
    /// A client for this server: no pacing (tests run many requests) and a 10 s timeout (a loaded build machine may
    /// stall a first request for a second), otherwise the safe defaults unless configured.
    /// </summary>
    public ModbusTcpClient Client(Func<ModbusTcpClientOptions, ModbusTcpClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new ModbusTcpClientOptions("127.0.0.1", Port) { MaxRequestsPerSecond = null, RequestTimeout = TimeSpan.FromSeconds(10), ConnectTimeout = TimeSpan.FromSeconds(10) };
        options = configure?.Invoke(options) ?? options;
        var client = new ModbusTcpClient(options, timeProvider: time);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ModbusTcpClient client in _clients)
        {
            await client.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
