namespace OtSecurity.Model.Alerts;

/// <summary>How urgently an alert needs attention, from lowest to highest.</summary>
public enum AlertSeverity
{
    /// <summary>For the record; no action expected.</summary>
    Info = 0,

    /// <summary>Worth a look during normal working hours.</summary>
    Low,

    /// <summary>Investigate soon: a policy was broken or something unusual happened.</summary>
    Medium,

    /// <summary>Investigate now: likely malicious or able to affect the process.</summary>
    High,

    /// <summary>Act immediately: the process, safety or the site is at stake.</summary>
    Critical,
}
