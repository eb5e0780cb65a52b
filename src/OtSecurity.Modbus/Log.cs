using System.Net;
using Microsoft.Extensions.Logging;

namespace OtSecurity.Modbus;

/// <summary>The package's log messages (source-generated: nothing is formatted unless the level is enabled).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connected to Modbus/TCP server {Host}:{Port} ({RemoteEndPoint})")]
    public static partial void Connected(ILogger logger, string host, int port, EndPoint? remoteEndPoint);

    [LoggerMessage(2, LogLevel.Warning, "Connection to {Host}:{Port} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Connection to {Host}:{Port} closed: {Reason}; {Pending} pending request(s) failed")]
    public static partial void ConnectionClosed(ILogger logger, string host, int port, string reason, int pending);

    [LoggerMessage(4, LogLevel.Debug, "Discarded a {Kind} response with transaction id {TransactionId}")]
    public static partial void ResponseDiscarded(ILogger logger, string kind, ushort transactionId);

    [LoggerMessage(5, LogLevel.Warning, "Refused a request before sending it: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string reason);

    [LoggerMessage(10, LogLevel.Information, "Modbus/TCP server listening on {EndPoint}")]
    public static partial void ServerListening(ILogger logger, EndPoint? endPoint);

    [LoggerMessage(11, LogLevel.Debug, "Client {RemoteEndPoint} connected")]
    public static partial void ServerClientConnected(ILogger logger, EndPoint? remoteEndPoint);

    [LoggerMessage(12, LogLevel.Warning, "Refused a connection from {RemoteEndPoint}: {Count} connections are open (MaxConnections)")]
    public static partial void ServerConnectionRefused(ILogger logger, EndPoint? remoteEndPoint, int count);

    [LoggerMessage(13, LogLevel.Warning, "Closing the connection from {RemoteEndPoint}: {Reason}")]
    public static partial void ServerFramingError(ILogger logger, EndPoint? remoteEndPoint, string reason);

    [LoggerMessage(14, LogLevel.Error, "The data store failed on function {Function} from {RemoteEndPoint}; answering Server Device Failure")]
    public static partial void ServerStoreFailed(ILogger logger, Exception exception, byte function, EndPoint? remoteEndPoint);

    [LoggerMessage(15, LogLevel.Debug, "Client {RemoteEndPoint} disconnected after {Requests} request(s)")]
    public static partial void ServerClientDisconnected(ILogger logger, EndPoint? remoteEndPoint, long requests);

    [LoggerMessage(16, LogLevel.Information, "Modbus/TCP server on {EndPoint} stopped")]
    public static partial void ServerStopped(ILogger logger, EndPoint? endPoint);
}
