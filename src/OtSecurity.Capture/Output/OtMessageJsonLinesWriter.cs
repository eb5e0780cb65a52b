using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Output;

/// <summary>
/// Writes messages as JSON Lines in the <c>otsec dissect --jsonl</c> contract (DESIGN.md): one object per message, keys
/// in this order — <c>frame</c>, <c>ts</c> (ISO-8601 UTC with microseconds), <c>proto</c>, <c>src</c>, <c>dst</c>,
/// <c>dir</c>, <c>op</c>, <c>func</c>, <c>funcName</c>, <c>unit</c>, then the protocol's <see cref="OtMessage.Fields"/>
/// in their order, then <c>addr</c>, <c>count</c>. Absent keys are omitted (<c>dir</c> and <c>op</c> when unknown).
/// Messages with <see cref="MessageStatus.Timeout"/> are not written: they report a missing response, not a message on
/// the wire, and carry no frame of their own.
/// </summary>
public sealed class OtMessageJsonLinesWriter : IOtMessageSink, IDisposable, IAsyncDisposable
{
    private static readonly JsonEncodedText FrameKey = JsonEncodedText.Encode("frame");
    private static readonly JsonEncodedText TimestampKey = JsonEncodedText.Encode("ts");
    private static readonly JsonEncodedText ProtocolKey = JsonEncodedText.Encode("proto");
    private static readonly JsonEncodedText SourceKey = JsonEncodedText.Encode("src");
    private static readonly JsonEncodedText DestinationKey = JsonEncodedText.Encode("dst");
    private static readonly JsonEncodedText DirectionKey = JsonEncodedText.Encode("dir");
    private static readonly JsonEncodedText OperationKey = JsonEncodedText.Encode("op");
    private static readonly JsonEncodedText FunctionKey = JsonEncodedText.Encode("func");
    private static readonly JsonEncodedText FunctionNameKey = JsonEncodedText.Encode("funcName");
    private static readonly JsonEncodedText UnitKey = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText AddressKey = JsonEncodedText.Encode("addr");
    private static readonly JsonEncodedText CountKey = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText[] Directions =
    [
        default,
        JsonEncodedText.Encode("request"),
        JsonEncodedText.Encode("response"),
        JsonEncodedText.Encode("unsolicited"),
    ];

    private static readonly JsonEncodedText[] Operations = BuildOperations();

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<string, JsonEncodedText> _keys = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Creates the writer.</summary>
    /// <param name="stream">Where the lines go.</param>
    /// <param name="leaveOpen">True to leave the stream open on dispose.</param>
    public OtMessageJsonLinesWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Creates a writer onto text (for example a console or a <see cref="StringWriter"/>).</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="leaveOpen">True to leave the writer open on dispose.</param>
    public OtMessageJsonLinesWriter(TextWriter writer, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _text = writer;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Messages written.</summary>
    public long Count { get; private set; }

    /// <summary>Formats one message as its JSON line (without the newline).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The JSON text.</returns>
    public static string Format(OtMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var stream = new MemoryStream();
        using (var writer = new OtMessageJsonLinesWriter(stream, leaveOpen: true))
        {
            writer.Write(message);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length).TrimEnd('\n');
    }

    /// <summary>Writes one message as one line (timeouts are skipped, see the type's remarks).</summary>
    /// <param name="message">The message.</param>
    public void Write(OtMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (message.Status == MessageStatus.Timeout)
        {
            return;
        }

        var json = _json;
        json.Reset(_buffer);
        json.WriteStartObject();
        json.WriteNumber(FrameKey, message.Frame);
        WriteTimestamp(json, message.Timestamp);
        json.WriteString(ProtocolKey, message.Protocol);
        WriteEndpoint(json, SourceKey, message.Source);
        WriteEndpoint(json, DestinationKey, message.Destination);
        if ((uint)message.Direction < (uint)Directions.Length && message.Direction != MessageDirection.Unknown)
        {
            json.WriteString(DirectionKey, Directions[(int)message.Direction]);
        }

        if (message.Operation != OperationClass.Unknown && (uint)message.Operation < (uint)Operations.Length)
        {
            json.WriteString(OperationKey, Operations[(int)message.Operation]);
        }

        if (message.Function is { } function)
        {
            json.WriteNumber(FunctionKey, function);
        }

        if (message.FunctionName is { } name)
        {
            json.WriteString(FunctionNameKey, name);
        }

        if (message.Unit is { } unit)
        {
            json.WriteNumber(UnitKey, unit);
        }

        foreach (var field in message.Fields)
        {
            var key = Key(field.Key);
            if (field.Number is { } number)
            {
                json.WriteNumber(key, number);
            }
            else if (field.Text is { } text)
            {
                json.WriteString(key, text);
            }
        }

        if (message.Address is { } address)
        {
            json.WriteNumber(AddressKey, address);
        }

        if (message.Count is { } count)
        {
            json.WriteNumber(CountKey, count);
        }

        json.WriteEndObject();
        json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        Count++;
        if (_buffer.WrittenCount >= 48 * 1024)
        {
            FlushBuffer();
        }
    }

    /// <summary>Writes buffered lines to the stream and flushes it.</summary>
    public void Flush()
    {
        FlushBuffer();
        if (_stream is not null)
        {
            _stream.Flush();
        }
        else
        {
            _text!.Flush();
        }
    }

    /// <summary>Writes buffered lines to the stream and flushes it.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The write.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_stream is null)
        {
            FlushBuffer();
            await _text!.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_buffer.WrittenCount > 0)
        {
            await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _buffer.ResetWrittenCount();
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    void IOtMessageSink.OnMessage(OtMessage message) => Write(message);

    /// <inheritdoc />
    void IOtMessageSink.OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _json.Dispose();
        if (!_leaveOpen)
        {
            if (_stream is not null)
            {
                _stream.Dispose();
            }
            else
            {
                _text!.Dispose();
            }
        }

        _disposed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await FlushAsync().ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
        if (!_leaveOpen)
        {
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await _text!.DisposeAsync().ConfigureAwait(false);
            }
        }

        _disposed = true;
    }

    private static JsonEncodedText[] BuildOperations()
    {
        var values = Enum.GetValues<OperationClass>();
        var max = 0;
        foreach (var value in values)
        {
            max = Math.Max(max, (int)value);
        }

        var names = new JsonEncodedText[max + 1];
        foreach (var value in values)
        {
            var text = value.ToString();
            names[(int)value] = JsonEncodedText.Encode(char.ToLowerInvariant(text[0]) + text[1..]);
        }

        return names;
    }

    private static void WriteTimestamp(Utf8JsonWriter json, DateTime timestamp)
    {
        Span<byte> text = stackalloc byte[32];
        var utc = timestamp.Kind == DateTimeKind.Local ? timestamp.ToUniversalTime() : timestamp;
        utc.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        json.WriteString(TimestampKey, text[..written]);
    }

    private static void WriteEndpoint(Utf8JsonWriter json, JsonEncodedText key, OtEndpoint endpoint)
    {
        if (endpoint.Address is null)
        {
            return;
        }

        Span<byte> text = stackalloc byte[64];
        var position = 0;
        var v6 = endpoint.Address.AddressFamily == AddressFamily.InterNetworkV6;
        if (v6)
        {
            text[position++] = (byte)'[';
        }

        endpoint.Address.TryFormat(text[position..], out var written);
        position += written;
        if (v6)
        {
            text[position++] = (byte)']';
        }

        text[position++] = (byte)':';
        endpoint.Port.TryFormat(text[position..], out written, default, CultureInfo.InvariantCulture);
        position += written;
        json.WriteString(key, text[..position]);
    }

    private JsonEncodedText Key(string key)
    {
        if (!_keys.TryGetValue(key, out var encoded))
        {
            encoded = JsonEncodedText.Encode(key);
            _keys.Add(key, encoded);
        }

        return encoded;
    }

    private void FlushBuffer()
    {
        if (_buffer.WrittenCount > 0)
        {
            if (_stream is not null)
            {
                _stream.Write(_buffer.WrittenSpan);
            }
            else
            {
                // The buffer always ends after a whole line, so it never splits a UTF-8 sequence.
                _text!.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            }

            _buffer.ResetWrittenCount();
        }
    }
}
