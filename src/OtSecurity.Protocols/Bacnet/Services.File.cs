using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>AtomicReadFile-Request (ANSI/ASHRAE 135 clause 14.1.1).</summary>
/// <param name="FileIdentifier">fileIdentifier.</param>
/// <param name="AccessMethod">streamAccess [0] or recordAccess [1].</param>
/// <param name="Start">fileStartPosition (stream) or fileStartRecord (record).</param>
/// <param name="Count">requestedOctetCount (stream) or requestedRecordCount (record).</param>
public readonly record struct AtomicReadFileRequest(BacnetObjectIdentifier FileIdentifier, BacnetFileAccessMethod AccessMethod, int Start, uint Count)
    : IBacnetEncodable, IBacnetService<AtomicReadFileRequest>
{
    /// <summary>Reads an AtomicReadFile request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out AtomicReadFileRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<AtomicReadFileRequest>.TryReadFields(scoped ref BacnetTagReader reader, out AtomicReadFileRequest value)
    {
        value = default;
        if (!reader.TryReadObjectIdentifier(out BacnetObjectIdentifier file))
        {
            return false;
        }

        byte tag = reader.PeekIsOpening(1) ? (byte)1 : (byte)0;
        if (!reader.TryReadOpening(tag)
            || !reader.TryReadSigned(out int start)
            || !reader.TryReadUnsigned(out uint count)
            || !reader.TryReadClosing(tag))
        {
            return false;
        }

        value = new AtomicReadFileRequest(file, (BacnetFileAccessMethod)tag, start, count);
        return true;
    }

    void IBacnetService<AtomicReadFileRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        byte tag = (byte)AccessMethod;
        writer.WriteObjectIdentifier(FileIdentifier);
        writer.WriteOpening(tag);
        writer.WriteSigned(Start);
        writer.WriteUnsigned(Count);
        writer.WriteClosing(tag);
    }
}

/// <summary>Enumerates the octet strings of fileRecordData.</summary>
public ref struct FileRecordEnumerator
{
    private BacnetTagReader _reader;

    internal FileRecordEnumerator(ReadOnlySpan<byte> records)
    {
        _reader = new BacnetTagReader(records);
        Current = default;
    }

    /// <summary>The current record.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly FileRecordEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !_reader.TryReadOctetString(out ReadOnlySpan<byte> record))
        {
            return false;
        }

        Current = record;
        return true;
    }
}

/// <summary>
/// The file data of AtomicReadFile-ACK and AtomicWriteFile-Request: stream access carries one octet string; record
/// access carries a record count and that many octet strings.
/// </summary>
public readonly ref struct BacnetFileData
{
    /// <summary>Stream data.</summary>
    /// <param name="start">fileStartPosition.</param>
    /// <param name="data">fileData.</param>
    /// <returns>The file data.</returns>
    public static BacnetFileData ForStream(int start, ReadOnlySpan<byte> data) => new(BacnetFileAccessMethod.Stream, start, 0, data);

    /// <summary>Record data.</summary>
    /// <param name="start">fileStartRecord.</param>
    /// <param name="recordCount">Number of records in <paramref name="encodedRecords"/>.</param>
    /// <param name="encodedRecords">The records, each an application-tagged octet string.</param>
    /// <returns>The file data.</returns>
    /// <exception cref="ArgumentException"><paramref name="encodedRecords"/> is not exactly <paramref name="recordCount"/> octet strings.</exception>
    public static BacnetFileData ForRecords(int start, uint recordCount, ReadOnlySpan<byte> encodedRecords)
    {
        var reader = new BacnetTagReader(encodedRecords);
        for (uint i = 0; i < recordCount; i++)
        {
            if (!reader.TryReadOctetString(out _))
            {
                throw new ArgumentException("The records are not as many application-tagged octet strings as the count says.", nameof(encodedRecords));
            }
        }

        if (!reader.End)
        {
            throw new ArgumentException("The records are not as many application-tagged octet strings as the count says.", nameof(encodedRecords));
        }

        return new(BacnetFileAccessMethod.Record, start, recordCount, encodedRecords);
    }

    private BacnetFileData(BacnetFileAccessMethod method, int start, uint recordCount, ReadOnlySpan<byte> data)
    {
        AccessMethod = method;
        Start = start;
        RecordCount = recordCount;
        Data = data;
    }

    /// <summary>Stream or record access.</summary>
    public BacnetFileAccessMethod AccessMethod { get; }

    /// <summary>fileStartPosition or fileStartRecord.</summary>
    public int Start { get; }

    /// <summary>returnedRecordCount / recordCount (record access).</summary>
    public uint RecordCount { get; }

    /// <summary>Stream access: the file octets. Record access: the encoded octet strings (see <see cref="EnumerateRecords"/>).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Enumerates the records of record access.</summary>
    /// <returns>An enumerator.</returns>
    public FileRecordEnumerator EnumerateRecords() => new(AccessMethod == BacnetFileAccessMethod.Record ? Data : []);

    internal static bool TryRead(scoped ref BacnetTagReader reader, out BacnetFileData data)
    {
        data = default;
        if (reader.PeekIsOpening(1))
        {
            if (!reader.TryReadOpening(1) || !reader.TryReadSigned(out int startRecord) || !reader.TryReadUnsigned(out uint count))
            {
                return false;
            }

            ReadOnlySpan<byte> records = reader.Remaining;
            int start = reader.Position;
            for (uint i = 0; i < count; i++)
            {
                if (!reader.TryReadOctetString(out _))
                {
                    return false;
                }
            }

            records = records[..(reader.Position - start)];
            if (!reader.TryReadClosing(1))
            {
                return false;
            }

            data = new BacnetFileData(BacnetFileAccessMethod.Record, startRecord, count, records);
            return true;
        }

        if (!reader.TryReadOpening(0) || !reader.TryReadSigned(out int startPosition) || !reader.TryReadOctetString(out ReadOnlySpan<byte> octets) || !reader.TryReadClosing(0))
        {
            return false;
        }

        data = ForStream(startPosition, octets);
        return true;
    }

    internal void Write(ref BacnetTagWriter writer)
    {
        byte tag = (byte)AccessMethod;
        writer.WriteOpening(tag);
        writer.WriteSigned(Start);
        if (AccessMethod == BacnetFileAccessMethod.Record)
        {
            writer.WriteUnsigned(RecordCount);
            writer.WriteRaw(Data);
        }
        else
        {
            writer.WriteOctetString(Data);
        }

        writer.WriteClosing(tag);
    }
}

/// <summary>AtomicReadFile-ACK (clause 14.1.1.3).</summary>
public readonly ref struct AtomicReadFileAck : IBacnetEncodable, IBacnetService<AtomicReadFileAck>
{
    /// <summary>Creates an ACK.</summary>
    /// <param name="endOfFile">endOfFile.</param>
    /// <param name="data">The file data.</param>
    public AtomicReadFileAck(bool endOfFile, BacnetFileData data)
    {
        EndOfFile = endOfFile;
        Data = data;
    }

    /// <summary>endOfFile.</summary>
    public bool EndOfFile { get; }

    /// <summary>The file data read.</summary>
    public BacnetFileData Data { get; }

    /// <summary>Reads an AtomicReadFile ACK.</summary>
    /// <param name="data">The service ACK octets.</param>
    /// <param name="ack">The ACK.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out AtomicReadFileAck ack, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out ack, out error);

    /// <summary>Octets this ACK encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the ACK.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<AtomicReadFileAck>.TryReadFields(scoped ref BacnetTagReader reader, out AtomicReadFileAck value)
    {
        value = default;
        if (!reader.TryReadBoolean(out bool eof) || !BacnetFileData.TryRead(ref reader, out BacnetFileData file))
        {
            return false;
        }

        value = new AtomicReadFileAck(eof, file);
        return true;
    }

    void IBacnetService<AtomicReadFileAck>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteBoolean(EndOfFile);
        Data.Write(ref writer);
    }
}

/// <summary>AtomicWriteFile-Request (clause 14.2.1).</summary>
public readonly ref struct AtomicWriteFileRequest : IBacnetEncodable, IBacnetService<AtomicWriteFileRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="fileIdentifier">fileIdentifier.</param>
    /// <param name="data">The file data to write.</param>
    public AtomicWriteFileRequest(BacnetObjectIdentifier fileIdentifier, BacnetFileData data)
    {
        FileIdentifier = fileIdentifier;
        Data = data;
    }

    /// <summary>fileIdentifier.</summary>
    public BacnetObjectIdentifier FileIdentifier { get; }

    /// <summary>The file data to write.</summary>
    public BacnetFileData Data { get; }

    /// <summary>Reads an AtomicWriteFile request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out AtomicWriteFileRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<AtomicWriteFileRequest>.TryReadFields(scoped ref BacnetTagReader reader, out AtomicWriteFileRequest value)
    {
        value = default;
        if (!reader.TryReadObjectIdentifier(out BacnetObjectIdentifier file) || !BacnetFileData.TryRead(ref reader, out BacnetFileData fileData))
        {
            return false;
        }

        value = new AtomicWriteFileRequest(file, fileData);
        return true;
    }

    void IBacnetService<AtomicWriteFileRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteObjectIdentifier(FileIdentifier);
        Data.Write(ref writer);
    }
}

/// <summary>AtomicWriteFile-ACK (clause 14.2.1.3): where the data was written.</summary>
/// <param name="AccessMethod">fileStartPosition [0] (stream) or fileStartRecord [1] (record).</param>
/// <param name="Start">The position or record.</param>
public readonly record struct AtomicWriteFileAck(BacnetFileAccessMethod AccessMethod, int Start) : IBacnetEncodable, IBacnetService<AtomicWriteFileAck>
{
    /// <summary>Reads an AtomicWriteFile ACK.</summary>
    /// <param name="data">The service ACK octets.</param>
    /// <param name="ack">The ACK.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out AtomicWriteFileAck ack, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out ack, out error);

    /// <summary>Octets this ACK encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the ACK.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<AtomicWriteFileAck>.TryReadFields(scoped ref BacnetTagReader reader, out AtomicWriteFileAck value)
    {
        byte tag = reader.PeekIsContext(1) ? (byte)1 : (byte)0;
        bool valid = reader.TryReadContextSigned(tag, out int start);
        value = new AtomicWriteFileAck((BacnetFileAccessMethod)tag, start);
        return valid;
    }

    void IBacnetService<AtomicWriteFileAck>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteContextSigned((byte)AccessMethod, Start);
    }
}
