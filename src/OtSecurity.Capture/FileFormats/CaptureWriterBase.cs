using System.Buffers.Binary;

namespace OtSecurity.Capture.FileFormats;

/// <summary>Buffered little- or big-endian output shared by the pcap and pcapng writers.</summary>
public abstract class CaptureWriterBase : IDisposable, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private bool _disposed;

    /// <summary>Creates the writer.</summary>
    /// <param name="stream">Where the capture goes.</param>
    /// <param name="bigEndian">True to write big-endian headers.</param>
    /// <param name="leaveOpen">True to leave the stream open on dispose.</param>
    private protected CaptureWriterBase(Stream stream, bool bigEndian, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        BigEndian = bigEndian;
        _leaveOpen = leaveOpen;
    }

    /// <summary>True when headers are written big-endian.</summary>
    public bool BigEndian { get; }

    /// <summary>Writes buffered bytes to the stream.</summary>
    public void Flush()
    {
        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }

        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            if (_length > 0)
            {
                await _stream.WriteAsync(_buffer.AsMemory(0, _length)).ConfigureAwait(false);
                _length = 0;
            }

            await _stream.FlushAsync().ConfigureAwait(false);
            if (!_leaveOpen)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            _disposed = true;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Flushes and, unless asked to leave it open, closes the stream.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }

        _disposed = true;
    }

    private protected void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (bytes.Length > _buffer.Length - _length)
        {
            if (_length > 0)
            {
                _stream.Write(_buffer, 0, _length);
                _length = 0;
            }

            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private protected void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }

        WriteBytes(bytes);
    }

    private protected void WriteUInt16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }

        WriteBytes(bytes);
    }

    private protected void WriteUInt64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        }

        WriteBytes(bytes);
    }

    private protected void WritePadding(int length)
    {
        Span<byte> zeros = stackalloc byte[4];
        zeros.Clear();
        WriteBytes(zeros[..(length & 3)]);
    }
}
