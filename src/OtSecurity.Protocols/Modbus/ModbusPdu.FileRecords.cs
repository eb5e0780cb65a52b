using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

public readonly ref partial struct ModbusPdu
{
    /// <summary>The request of function 20 (§6.14).</summary>
    /// <param name="message">The sub-requests.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadFileRecordRequest"/>.</returns>
    public bool TryGetReadFileRecordRequest(out ModbusReadFileRecordRequest message)
    {
        if (Kind != ModbusMessageKind.ReadFileRecordRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusReadFileRecordRequest(Span[2..]);
        return true;
    }

    /// <summary>The response of function 20 (§6.14).</summary>
    /// <param name="message">The sub-responses.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadFileRecordResponse"/>.</returns>
    public bool TryGetReadFileRecordResponse(out ModbusReadFileRecordResponse message)
    {
        if (Kind != ModbusMessageKind.ReadFileRecordResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReadFileRecordResponse(Span[2..]);
        return true;
    }

    /// <summary>The request, or its echo, of function 21 (§6.15).</summary>
    /// <param name="message">The sub-requests with their data.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.WriteFileRecord"/>.</returns>
    public bool TryGetWriteFileRecord(out ModbusWriteFileRecord message)
    {
        if (Kind != ModbusMessageKind.WriteFileRecord)
        {
            message = default;
            return false;
        }

        message = new ModbusWriteFileRecord(Span[2..]);
        return true;
    }
}

/// <summary>One sub-request of Read File Record (§6.14); the reference type is always 6.</summary>
/// <param name="FileNumber">File number, 1..65535.</param>
/// <param name="RecordNumber">Starting record number, 0..9999.</param>
/// <param name="RecordLength">Number of 16-bit registers to read, at least 1.</param>
public readonly record struct ModbusFileRecordReference(ushort FileNumber, ushort RecordNumber, ushort RecordLength);

/// <summary>The request of function 20 (§6.14): a list of 7-byte sub-requests.</summary>
public readonly ref struct ModbusReadFileRecordRequest
{
    /// <summary>Creates the view over encoded sub-requests.</summary>
    /// <param name="encodedSubRequests">The bytes after the byte count: 7 bytes per sub-request.</param>
    public ModbusReadFileRecordRequest(ReadOnlySpan<byte> encodedSubRequests) => EncodedSubRequests = encodedSubRequests;

    /// <summary>The encoded sub-requests (the byte count is its length).</summary>
    public ReadOnlySpan<byte> EncodedSubRequests { get; }

    /// <summary>Number of sub-requests.</summary>
    public int Count => EncodedSubRequests.Length / ModbusPduValidator.FileSubRequestLength;

    /// <summary>Sub-request <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="Count"/> − 1.</param>
    /// <returns>The sub-request.</returns>
    public ModbusFileRecordReference this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            ReadOnlySpan<byte> s = EncodedSubRequests.Slice(index * ModbusPduValidator.FileSubRequestLength, ModbusPduValidator.FileSubRequestLength);
            return new ModbusFileRecordReference(
                BinaryPrimitives.ReadUInt16BigEndian(s[1..]),
                BinaryPrimitives.ReadUInt16BigEndian(s[3..]),
                BinaryPrimitives.ReadUInt16BigEndian(s[5..]));
        }
    }
}

/// <summary>One sub-response of Read File Record (§6.14): the registers of one sub-request.</summary>
public readonly ref struct ModbusFileRecordData
{
    /// <summary>Creates the sub-response.</summary>
    /// <param name="registerBytes">Big-endian register values, 2 × N bytes, N ≥ 1.</param>
    public ModbusFileRecordData(ReadOnlySpan<byte> registerBytes) => RegisterBytes = registerBytes;

    /// <summary>The register values as sent.</summary>
    public ReadOnlySpan<byte> RegisterBytes { get; }

    /// <summary>Number of registers.</summary>
    public int RegisterCount => RegisterBytes.Length / 2;

    /// <summary>Register <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="RegisterCount"/> − 1.</param>
    /// <returns>The value.</returns>
    public ushort GetRegister(int index) => RegisterReader.Get(RegisterBytes, index);
}

/// <summary>The response of function 20 (§6.14): enumerate it with <c>foreach</c>.</summary>
public readonly ref struct ModbusReadFileRecordResponse
{
    /// <summary>Creates the view over encoded sub-responses.</summary>
    /// <param name="encodedSubResponses">The bytes after the response data length.</param>
    public ModbusReadFileRecordResponse(ReadOnlySpan<byte> encodedSubResponses) => EncodedSubResponses = encodedSubResponses;

    /// <summary>The encoded sub-responses (the response data length is its length).</summary>
    public ReadOnlySpan<byte> EncodedSubResponses { get; }

    /// <summary>An enumerator over the sub-responses (no allocation).</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(EncodedSubResponses);

    /// <summary>Enumerates the sub-responses of a validated response.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _next;

        internal Enumerator(ReadOnlySpan<byte> data)
        {
            _data = data;
            _next = 0;
            Current = default;
        }

        /// <summary>The current sub-response.</summary>
        public ModbusFileRecordData Current { get; private set; }

        /// <summary>Moves to the next sub-response.</summary>
        /// <returns>False at the end (or at bytes that do not form a sub-response).</returns>
        public bool MoveNext()
        {
            if (_next + 2 > _data.Length)
            {
                return false;
            }

            int length = _data[_next];
            if (length < 1 || _next + 1 + length > _data.Length)
            {
                return false;
            }

            Current = new ModbusFileRecordData(_data.Slice(_next + 2, length - 1));
            _next += 1 + length;
            return true;
        }
    }
}

/// <summary>One sub-request of Write File Record (§6.15), with its data.</summary>
public readonly ref struct ModbusFileRecordWrite
{
    /// <summary>Creates the sub-request.</summary>
    /// <param name="fileNumber">File number, 1..65535.</param>
    /// <param name="recordNumber">Starting record number, 0..9999.</param>
    /// <param name="registerBytes">Big-endian values, 2 × N bytes, N ≥ 1 (the record length is N).</param>
    public ModbusFileRecordWrite(ushort fileNumber, ushort recordNumber, ReadOnlySpan<byte> registerBytes)
    {
        FileNumber = fileNumber;
        RecordNumber = recordNumber;
        RegisterBytes = registerBytes;
    }

    /// <summary>File number.</summary>
    public ushort FileNumber { get; }

    /// <summary>Starting record number.</summary>
    public ushort RecordNumber { get; }

    /// <summary>The values as sent.</summary>
    public ReadOnlySpan<byte> RegisterBytes { get; }

    /// <summary>Record length: number of registers.</summary>
    public int RecordLength => RegisterBytes.Length / 2;

    /// <summary>Register <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="RecordLength"/> − 1.</param>
    /// <returns>The value.</returns>
    public ushort GetRegister(int index) => RegisterReader.Get(RegisterBytes, index);
}

/// <summary>The request of function 21, and its echo (§6.15): enumerate it with <c>foreach</c>.</summary>
public readonly ref struct ModbusWriteFileRecord
{
    /// <summary>Creates the view over encoded sub-requests.</summary>
    /// <param name="encodedSubRequests">The bytes after the request data length.</param>
    public ModbusWriteFileRecord(ReadOnlySpan<byte> encodedSubRequests) => EncodedSubRequests = encodedSubRequests;

    /// <summary>The encoded sub-requests (the request data length is its length).</summary>
    public ReadOnlySpan<byte> EncodedSubRequests { get; }

    /// <summary>An enumerator over the sub-requests (no allocation).</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(EncodedSubRequests);

    /// <summary>Enumerates the sub-requests of a validated request.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _next;

        internal Enumerator(ReadOnlySpan<byte> data)
        {
            _data = data;
            _next = 0;
            Current = default;
        }

        /// <summary>The current sub-request.</summary>
        public ModbusFileRecordWrite Current { get; private set; }

        /// <summary>Moves to the next sub-request.</summary>
        /// <returns>False at the end (or at bytes that do not form a sub-request).</returns>
        public bool MoveNext()
        {
            if (_next + ModbusPduValidator.FileSubRequestLength > _data.Length)
            {
                return false;
            }

            ReadOnlySpan<byte> s = _data[_next..];
            int bytes = 2 * BinaryPrimitives.ReadUInt16BigEndian(s[5..]);
            if (ModbusPduValidator.FileSubRequestLength + bytes > s.Length)
            {
                return false;
            }

            Current = new ModbusFileRecordWrite(
                BinaryPrimitives.ReadUInt16BigEndian(s[1..]),
                BinaryPrimitives.ReadUInt16BigEndian(s[3..]),
                s.Slice(ModbusPduValidator.FileSubRequestLength, bytes));
            _next += ModbusPduValidator.FileSubRequestLength + bytes;
            return true;
        }
    }
}
