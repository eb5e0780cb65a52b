namespace OtSecurity.Capture.Dissection;

/// <summary>Which way a segment travels relative to the server (the side that owns the protocol's port).</summary>
public enum FlowDirection
{
    /// <summary>The server side is not known (both or neither port is a known server port).</summary>
    Unknown = 0,

    /// <summary>Client (master) to server (outstation).</summary>
    ToServer,

    /// <summary>Server (outstation) to client (master).</summary>
    ToClient,
}
