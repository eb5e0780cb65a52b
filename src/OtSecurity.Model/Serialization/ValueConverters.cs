using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using System.Text.Json.Serialization;
using OtSecurity.Model.SecurityLevels;

namespace OtSecurity.Model.Serialization;

/// <summary>A security-level vector as its text form, <c>IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1</c>.</summary>
internal sealed class SecurityLevelVectorJsonConverter : JsonConverter<SecurityLevelVector>
{
    public override SecurityLevelVector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonText.ReadString(ref reader, "a security-level vector such as \"IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1\"");
        return SecurityLevelVector.TryParse(text, out SecurityLevelVector vector, out string? error)
            ? vector
            : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, SecurityLevelVector value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>An IP address as text ("10.10.20.11", "fd00::1").</summary>
internal sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonText.ReadString(ref reader, "an IP address such as \"10.10.20.11\"");
        // IPAddress.TryParse accepts shorthand such as "10.1" or a bare integer; the model wants the full form.
        bool wellFormed = IPAddress.TryParse(text, out IPAddress? address)
            && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || text.Count(static c => c == '.') == 3);
        return wellFormed ? address! : throw new JsonException($"'{text}' is not an IP address; expected a dotted IPv4 address such as \"10.10.20.11\" or an IPv6 address.");
    }

    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>A MAC address as colon-separated hexadecimal bytes.</summary>
internal sealed class PhysicalAddressJsonConverter : JsonConverter<PhysicalAddress>
{
    public override PhysicalAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonText.ReadString(ref reader, "a MAC address such as \"00:1b:1b:12:34:56\"");
        return MacAddressText.TryParse(text, out PhysicalAddress? address)
            ? address
            : throw new JsonException($"'{text}' is not a MAC address; expected six (or eight) hexadecimal bytes separated by colons, such as \"00:1b:1b:12:34:56\".");
    }

    public override void Write(Utf8JsonWriter writer, PhysicalAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(MacAddressText.Format(value));
}

/// <summary>A calendar date as "YYYY-MM-DD".</summary>
internal sealed class DateOnlyJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonText.ReadString(ref reader, "a date such as \"2026-11-01\"");
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw new JsonException($"'{text}' is not a date; expected YYYY-MM-DD, such as \"2026-11-01\".");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonText.Format(value));
}

/// <summary>A time of day as "HH:mm" (24-hour clock); "HH:mm:ss" is accepted and written when seconds are set.</summary>
internal sealed class TimeOnlyJsonConverter : JsonConverter<TimeOnly>
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss"];

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = JsonText.ReadString(ref reader, "a time of day such as \"22:00\"");
        return TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time)
            ? time
            : throw new JsonException($"'{text}' is not a time of day; expected HH:mm on a 24-hour clock, such as \"22:00\".");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options)
    {
        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new JsonException($"{value:O} has fractions of a second, which the model's HH:mm[:ss] time format cannot hold.");
        }

        writer.WriteStringValue(value.ToString(value.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
    }
}
