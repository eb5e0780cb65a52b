namespace OtSecurity.Model.Sites;

/// <summary>A production line of the site; assets name the line they serve by <see cref="Id"/>.</summary>
public sealed record ProductionLine
{
    /// <summary>The line id, unique among the site's lines, for example "line-1".</summary>
    public required string Id { get; init; }

    /// <summary>A name a plant engineer recognises, for example "Line 1 – bottling".</summary>
    public required string Name { get; init; }

    /// <summary>What the line makes; optional.</summary>
    public string? Description { get; init; }
}
