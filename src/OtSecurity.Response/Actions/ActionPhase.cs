namespace OtSecurity.Response.Actions;

/// <summary>
/// Where an action sits in a response plan. Plans list steps by phase, then by catalog order, then by target;
/// with <see cref="Engine.ResponseOptions.RestorationFirst"/> the evidence phase moves after restoration.
/// </summary>
public enum ActionPhase
{
    /// <summary>Tell people: notifications and tickets.</summary>
    Notification = 0,

    /// <summary>Watch more closely.</summary>
    Monitoring = 1,

    /// <summary>Preserve evidence: captures, program uploads, snapshots.</summary>
    Evidence = 2,

    /// <summary>Contain: block flows, end sessions, isolate conduits, quarantine hosts.</summary>
    Containment = 3,

    /// <summary>Ask operations to act on the process (safe states, shutdowns); never automatic.</summary>
    OperationsRequest = 4,

    /// <summary>Restore known-good programs, configurations and images.</summary>
    Restoration = 5,
}
