namespace OtSecurity.Model.Validation;

/// <summary>How serious a validation finding is.</summary>
public enum FindingSeverity
{
    /// <summary>Incomplete information worth completing; nothing is wrong yet.</summary>
    Info = 0,

    /// <summary>A security weakness measured against the plant's own targets or good practice.</summary>
    Warning,

    /// <summary>
    /// The model contradicts itself, a declared protection is not real, or a safety function is exposed.
    /// <c>otsec validate</c> exits with code 1 when any finding has this severity.
    /// </summary>
    Error,
}
