namespace OtSecurity.Response.Actions;

/// <summary>What kind of action an action is; the engine and the policies read these.</summary>
[Flags]
public enum ActionTraits
{
    /// <summary>No particular trait.</summary>
    None = 0,

    /// <summary>
    /// Only informs people and touches nothing: a failing policy does not deny it (the fail-safe keeps the channel
    /// that reports the failure open), provided its blast radius is empty.
    /// </summary>
    NotificationOnly = 1,

    /// <summary>Can interrupt production: runs automatically only inside the affected zones' maintenance windows.</summary>
    Disruptive = 2,

    /// <summary>Never runs automatically, whatever the policies say: a person must approve it.</summary>
    NeverAutomatic = 4,

    /// <summary>Preserves evidence (a capture, a program upload, a snapshot).</summary>
    Evidence = 8,

    /// <summary>Restores a system to a known-good state, overwriting what the evidence would show.</summary>
    Restoration = 16,
}
