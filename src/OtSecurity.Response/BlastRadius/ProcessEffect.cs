namespace OtSecurity.Response.BlastRadius;

/// <summary>What an action does to the process and to the networks that run it, from least to most invasive.</summary>
public enum ProcessEffect
{
    /// <summary>Nothing outside the security team changes (a notification, a ticket).</summary>
    None = 0,

    /// <summary>Passive observation or a read: nothing is sent to the process, or only reads that change no state.</summary>
    Observational = 1,

    /// <summary>Some communication stops (a flow blocked, a conduit isolated, a host taken off the network, a session ended).</summary>
    InterruptsCommunication = 2,

    /// <summary>A controller or a process stops or changes state (a safe state, a shutdown, a program restored).</summary>
    StopsProcess = 3,
}
