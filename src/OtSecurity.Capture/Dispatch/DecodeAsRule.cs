using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OtSecurity.Capture.Dissection;

namespace OtSecurity.Capture.Dispatch;

/// <summary>
/// Forces a protocol on a port, as <c>--decode-as tcp:5020=modbus</c>: every flow with that port on either side is
/// given to that protocol's dissector, and the side with that port is taken as the server.
/// </summary>
/// <param name="Transport">TCP or UDP.</param>
/// <param name="Port">The port, 1 to 65535.</param>
/// <param name="Protocol">The protocol short name (<see cref="IProtocolDissector.Protocol"/>).</param>
public readonly record struct DecodeAsRule(TransportKind Transport, int Port, string Protocol)
{
    /// <summary>Parses <c>tcp:PORT=PROTO</c> or <c>udp:PORT=PROTO</c>.</summary>
    /// <param name="text">The rule.</param>
    /// <param name="rule">The rule, when valid.</param>
    /// <param name="error">Why the text is not a rule, when invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? text, out DecodeAsRule rule, [NotNullWhen(false)] out string? error)
    {
        rule = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a decode-as rule is empty; expected tcp:PORT=PROTOCOL or udp:PORT=PROTOCOL";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (colon <= 0 || equals < colon + 2 || equals == text.Length - 1)
        {
            error = $"'{text}' is not a decode-as rule; expected tcp:PORT=PROTOCOL or udp:PORT=PROTOCOL (for example tcp:5020=modbus)";
            return false;
        }

        var transportText = text[..colon].Trim();
        TransportKind transport;
        if (transportText.Equals("tcp", StringComparison.OrdinalIgnoreCase))
        {
            transport = TransportKind.Tcp;
        }
        else if (transportText.Equals("udp", StringComparison.OrdinalIgnoreCase))
        {
            transport = TransportKind.Udp;
        }
        else
        {
            error = $"'{text}': transport '{transportText}' is neither tcp nor udp";
            return false;
        }

        var portText = text[(colon + 1)..equals].Trim();
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"'{text}': port '{portText}' is not a number from 1 to 65535";
            return false;
        }

        var protocol = text[(equals + 1)..].Trim();
        if (protocol.Length == 0)
        {
            error = $"'{text}': the protocol name is missing";
            return false;
        }

        rule = new DecodeAsRule(transport, port, protocol.ToLowerInvariant());
        return true;
    }

    /// <summary>Parses a rule or throws.</summary>
    /// <param name="text">The rule.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="FormatException">The text is not a rule.</exception>
    public static DecodeAsRule Parse(string text) =>
        TryParse(text, out var rule, out var error) ? rule : throw new FormatException(error);

    /// <summary>Formats as <c>tcp:PORT=PROTO</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Transport == TransportKind.Tcp ? "tcp" : "udp")}:{Port}={Protocol}");
}
