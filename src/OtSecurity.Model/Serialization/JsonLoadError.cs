namespace OtSecurity.Model.Serialization;

/// <summary>Why a JSON document could not be loaded.</summary>
public enum JsonLoadErrorKind
{
    /// <summary>The file or stream could not be read (missing file, no permission, I/O failure).</summary>
    Unreadable,

    /// <summary>The text is not well-formed JSON.</summary>
    Syntax,

    /// <summary>The JSON is well formed but does not describe the expected document: a wrong type, an unknown
    /// enum value or property, a missing required property, a value in the wrong format.</summary>
    Content,
}

/// <summary>
/// Why a JSON document could not be loaded: what is wrong and where, as the JSON path
/// (<c>$.zones[3].purdueLevel</c>), the 1-based line and the 1-based byte position in that line.
/// </summary>
public sealed record JsonLoadError
{
    /// <summary>The kind of failure.</summary>
    public required JsonLoadErrorKind Kind { get; init; }

    /// <summary>What is wrong and what was expected, in plain words.</summary>
    public required string Message { get; init; }

    /// <summary>The JSON path of the offending value, for example <c>$.assets[4].kind</c>; null when the input could not be read.</summary>
    public string? JsonPath { get; init; }

    /// <summary>The 1-based line of the offending value; null when not known.</summary>
    public long? LineNumber { get; init; }

    /// <summary>
    /// The 1-based byte position within the line where reading stopped (just after the offending value or at the
    /// malformed character; bytes, not characters, in UTF-8); null when not known.
    /// </summary>
    public long? BytePositionInLine { get; init; }

    /// <summary>The file the document came from; null for a stream or a string.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The error on one line, in the form compilers use:
    /// <c>demo.site.json:12:24: $.zones[1].purdueLevel: 'level9' is not a PurdueLevel; expected one of: ...</c>.
    /// </summary>
    public override string ToString()
    {
        string location = (Source, LineNumber) switch
        {
            (not null, not null) => $"{Source}:{LineNumber}:{BytePositionInLine ?? 1}: ",
            (not null, null) => $"{Source}: ",
            (null, not null) => $"line {LineNumber}, byte {BytePositionInLine ?? 1}: ",
            _ => string.Empty,
        };
        string path = JsonPath is null ? string.Empty : $"{JsonPath}: ";
        return location + path + Message;
    }
}
