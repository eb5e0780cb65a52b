using System.Globalization;
using System.Net.NetworkInformation;
using System.Text.Json;

namespace OtSecurity.Model.Serialization;

/// <summary>Small helpers shared by the converters.</summary>
internal static class JsonText
{
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    public static string ReadString(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {expected} as a string; found {Describe(reader.TokenType)}.");
        }

        return reader.GetString()!;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The text form of MAC addresses in the model: lower-case hexadecimal bytes separated by colons.</summary>
public static class MacAddressText
{
    /// <summary>Formats <paramref name="address"/> as <c>00:1b:1b:12:34:56</c>.</summary>
    /// <param name="address">The address.</param>
    public static string Format(PhysicalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        byte[] bytes = address.GetAddressBytes();
        return string.Join(':', bytes.Select(static b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Parses an EUI-48 or EUI-64 address written as hexadecimal bytes separated by colons or hyphens
    /// (<c>00:1b:1b:12:34:56</c>, <c>00-1B-1B-12-34-56</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="address">The address, when the text is valid.</param>
    /// <returns>True when the text is a MAC address.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PhysicalAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string[] parts = text.Split(text.Contains('-', StringComparison.Ordinal) ? '-' : ':');
        if (parts.Length is not (6 or 8))
        {
            return false;
        }

        byte[] bytes = new byte[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 2 || !byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        address = new PhysicalAddress(bytes);
        return true;
    }
}
