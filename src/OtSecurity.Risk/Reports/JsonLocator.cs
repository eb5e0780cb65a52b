using System.Text.Json;

namespace OtSecurity.Risk.Reports;

/// <summary>
/// The line and byte position of every value of a JSON document by its JSON path (<c>$.downtime.zones.zone-cell1.low</c>,
/// written the way System.Text.Json writes <see cref="JsonException.Path"/>), so that errors found after deserialization
/// (an unknown zone id, a minimum above the maximum) are reported where they are, like syntax errors.
/// </summary>
internal sealed class JsonLocator
{
    private static readonly System.Buffers.SearchValues<char> SpecialCharacters = System.Buffers.SearchValues.Create(".' /\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);
    private readonly List<long> _lineStarts = [0];

    private JsonLocator()
    {
    }

    /// <summary>Indexes a well-formed document (call it after the document was read successfully).</summary>
    /// <param name="utf8Json">The UTF-8 document, without a byte-order mark.</param>
    /// <returns>The index; partial if the document turns out to be malformed.</returns>
    public static JsonLocator Build(ReadOnlySpan<byte> utf8Json)
    {
        var locator = new JsonLocator();
        for (int i = 0; i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                locator._lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = Child(containers.Peek().Path, reader.GetString()!);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }

                string path;
                if (containers.Count == 0)
                {
                    path = "$";
                }
                else if (containers.Peek().IsArray)
                {
                    (string parent, bool isArray, int next) = containers.Pop();
                    path = $"{parent}[{next}]";
                    containers.Push((parent, isArray, next + 1));
                }
                else
                {
                    path = pendingProperty ?? containers.Peek().Path;
                }

                locator._offsets.TryAdd(path, reader.TokenStartIndex);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A malformed document keeps what was indexed; the deserializer reports the syntax error itself.
        }

        return locator;
    }

    /// <summary>The path of a property of the object at <paramref name="parent"/>, in System.Text.Json's notation.</summary>
    /// <param name="parent">The object's path.</param>
    /// <param name="name">The property name.</param>
    /// <returns><c>parent.name</c>, or <c>parent['name']</c> when the name holds a character that needs quoting.</returns>
    public static string Child(string parent, string name) =>
        name.AsSpan().ContainsAny(SpecialCharacters) ? $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']" : $"{parent}.{name}";

    /// <summary>The 1-based line and byte position of the value at <paramref name="path"/>, or of its nearest indexed ancestor.</summary>
    /// <param name="path">The JSON path.</param>
    /// <returns>The location, or null when nothing on the path was indexed.</returns>
    public (long Line, long BytePositionInLine)? Find(string path)
    {
        string? current = path;
        while (current is not null)
        {
            if (_offsets.TryGetValue(current, out long offset))
            {
                int index = _lineStarts.BinarySearch(offset);
                int line = index >= 0 ? index : ~index - 1;
                return (line + 1, offset - _lineStarts[line] + 1);
            }

            current = Parent(current);
        }

        return null;
    }

    private static string? Parent(string path)
    {
        if (path == "$")
        {
            return null;
        }

        int cut = path.EndsWith(']') ? path.LastIndexOf('[') : path.LastIndexOf('.');
        return cut > 0 ? path[..cut] : "$";
    }
}
