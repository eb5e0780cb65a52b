namespace OtSecurity.Model.Attack;

/// <summary>A MITRE ATT&amp;CK for ICS technique.</summary>
/// <param name="Id">The technique id, for example "T0855".</param>
/// <param name="Name">The technique name as MITRE writes it, for example "Unauthorized Command Message".</param>
/// <param name="Tactics">The tactics the technique serves (most have one, some several).</param>
public sealed record AttackTechnique(string Id, string Name, EquatableArray<AttackTactic> Tactics)
{
    /// <summary>The technique's page on attack.mitre.org.</summary>
    public Uri Url => new($"https://attack.mitre.org/techniques/{Id}/");

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
