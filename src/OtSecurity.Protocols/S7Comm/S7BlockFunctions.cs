using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>A block file name as block transfer and PI services carry it: "_0A00001P" (DB 1, passive file system).</summary>
public readonly ref struct S7BlockFileName
{
    internal S7BlockFileName(ReadOnlySpan<byte> text) => Text = text;

    /// <summary>The raw characters.</summary>
    public ReadOnlySpan<byte> Text { get; }

    /// <summary>Decodes a name: optional "_" prefix, two characters of block type, five digits of number, one file-system character.</summary>
    /// <param name="blockType">Block type.</param>
    /// <param name="blockNumber">Block number.</param>
    /// <param name="fileSystem">'P' passive, 'A' active, 'B' both.</param>
    /// <returns>False when the name does not have that shape.</returns>
    public bool TryDecode(out S7BlockType blockType, out int blockNumber, out char fileSystem)
    {
        blockType = default;
        blockNumber = 0;
        fileSystem = default;
        ReadOnlySpan<byte> t = Text;
        if (!t.IsEmpty && t[0] == (byte)'_')
        {
            t = t.Slice(1);
        }

        if (t.Length < 8)
        {
            return false;
        }

        for (int i = 2; i < 7; i++)
        {
            if ((uint)(t[i] - '0') > 9)
            {
                return false;
            }

            blockNumber = (blockNumber * 10) + (t[i] - '0');
        }

        blockType = (S7BlockType)BinaryPrimitives.ReadUInt16BigEndian(t);
        fileSystem = (char)t[7];
        return true;
    }
}

/// <summary>
/// The parameter of the block transfer functions (request download 0x1A, download block 0x1B, download ended
/// 0x1C, start upload 0x1D, upload 0x1E, end upload 0x1F), job or ack-data.
/// </summary>
public readonly ref struct S7BlockTransferParameter
{
    private S7BlockTransferParameter(S7Function function, byte status, ushort errorCode, uint uploadId, ReadOnlySpan<byte> fileName, ReadOnlySpan<byte> lengthPart)
    {
        Function = function;
        Status = status;
        ErrorCode = errorCode;
        UploadId = uploadId;
        FileName = new S7BlockFileName(fileName);
        LengthPart = lengthPart;
    }

    /// <summary>The function.</summary>
    public S7Function Function { get; }

    /// <summary>Function status byte (bit 0: more data follows).</summary>
    public byte Status { get; }

    /// <summary>Job: end upload's error code; for the other functions the reserved word at the same place, as sent.</summary>
    public ushort ErrorCode { get; }

    /// <summary>Upload id (start upload, upload, end upload).</summary>
    public uint UploadId { get; }

    /// <summary>The block file name, when the parameter carries one.</summary>
    public S7BlockFileName FileName { get; }

    /// <summary>Request download: the length part ("1", load memory length, MC7 length as digits); start upload ack: the block length digits.</summary>
    public ReadOnlySpan<byte> LengthPart { get; }

    /// <summary>Reads a block transfer parameter.</summary>
    /// <param name="parameter">The parameter part.</param>
    /// <param name="rosctr">Job or ack-data.</param>
    /// <param name="value">The parameter.</param>
    /// <returns>False when too short for its function.</returns>
    public static bool TryRead(ReadOnlySpan<byte> parameter, S7Rosctr rosctr, out S7BlockTransferParameter value)
    {
        value = default;
        if (parameter.IsEmpty)
        {
            return false;
        }

        var function = (S7Function)parameter[0];
        if (function is < S7Function.RequestDownload or > S7Function.EndUpload)
        {
            return false;
        }

        if (rosctr == S7Rosctr.Job)
        {
            if (parameter.Length < 8)
            {
                return false;
            }

            byte status = parameter[1];
            uint id = BinaryPrimitives.ReadUInt32BigEndian(parameter.Slice(4));
            ushort err = BinaryPrimitives.ReadUInt16BigEndian(parameter.Slice(2));
            if (function is S7Function.Upload or S7Function.EndUpload)
            {
                value = new S7BlockTransferParameter(function, status, err, id, default, default);
                return true;
            }

            if (parameter.Length < 9 || parameter.Length < 9 + parameter[8])
            {
                return false;
            }

            ReadOnlySpan<byte> name = parameter.Slice(9, parameter[8]);
            ReadOnlySpan<byte> lengthPart = default;
            int next = 9 + parameter[8];
            if (function == S7Function.RequestDownload && parameter.Length > next)
            {
                if (parameter.Length < next + 1 + parameter[next])
                {
                    return false;
                }

                lengthPart = parameter.Slice(next + 1, parameter[next]);
            }

            value = new S7BlockTransferParameter(function, status, err, id, name, lengthPart);
            return true;
        }

        // Ack-data: function only (0x1A, 0x1C, 0x1F), function + status (0x1B, 0x1E), or the start-upload answer.
        byte ackStatus = parameter.Length > 1 ? parameter[1] : (byte)0;
        if (function == S7Function.StartUpload && parameter.Length >= 8)
        {
            uint id = BinaryPrimitives.ReadUInt32BigEndian(parameter.Slice(4));
            ReadOnlySpan<byte> digits = default;
            if (parameter.Length > 8)
            {
                if (parameter.Length < 9 + parameter[8])
                {
                    return false;
                }

                digits = parameter.Slice(9, parameter[8]);
            }

            value = new S7BlockTransferParameter(function, ackStatus, 0, id, default, digits);
            return true;
        }

        value = new S7BlockTransferParameter(function, ackStatus, 0, 0, default, default);
        return true;
    }

    /// <summary>Writes a job parameter of a block transfer function.</summary>
    /// <param name="function">The function (0x1A..0x1F).</param>
    /// <param name="status">Function status.</param>
    /// <param name="errorCode">End upload: the error code; otherwise the reserved word (0x0001 in request download as STEP 7 sends it).</param>
    /// <param name="uploadId">Upload id (upload, end upload); 0 otherwise.</param>
    /// <param name="fileName">Block file name (0x1A..0x1D).</param>
    /// <param name="lengthPart">Request download length part.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteJob(S7Function function, byte status, ushort errorCode, uint uploadId, ReadOnlySpan<byte> fileName, ReadOnlySpan<byte> lengthPart, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetJobEncodedLength(function, fileName.Length, lengthPart.Length);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination.Slice(0, length).Clear();
        destination[0] = (byte)function;
        destination[1] = status;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), errorCode);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), uploadId);
        if (function is not (S7Function.Upload or S7Function.EndUpload))
        {
            destination[8] = (byte)fileName.Length;
            fileName.CopyTo(destination.Slice(9));
            if (function == S7Function.RequestDownload && !lengthPart.IsEmpty)
            {
                destination[9 + fileName.Length] = (byte)lengthPart.Length;
                lengthPart.CopyTo(destination.Slice(10 + fileName.Length));
            }
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of an ack-data parameter.</summary>
    /// <param name="function">The function.</param>
    /// <param name="lengthPartLength">Start upload: the block length digits.</param>
    /// <returns>The length: 1 (0x1A, 0x1C, 0x1F), 2 (0x1B, 0x1E) or 9 + digits (0x1D).</returns>
    public static int GetAckDataEncodedLength(S7Function function, int lengthPartLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lengthPartLength, 255);
        return function switch
        {
            S7Function.RequestDownload or S7Function.DownloadEnded or S7Function.EndUpload => 1,
            S7Function.DownloadBlock or S7Function.Upload => 2,
            S7Function.StartUpload => 9 + lengthPartLength,
            _ => throw new ArgumentOutOfRangeException(nameof(function), "Not a block transfer function."),
        };
    }

    /// <summary>Writes an ack-data parameter of a block transfer function.</summary>
    /// <param name="function">The function.</param>
    /// <param name="status">Function status (0x1B, 0x1D, 0x1E; bit 0: more data follows).</param>
    /// <param name="uploadId">Start upload: the upload id.</param>
    /// <param name="lengthPart">Start upload: the block length digits.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteAckData(S7Function function, byte status, uint uploadId, ReadOnlySpan<byte> lengthPart, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetAckDataEncodedLength(function, lengthPart.Length);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination.Slice(0, length).Clear();
        destination[0] = (byte)function;
        if (length > 1)
        {
            destination[1] = status;
        }

        if (function == S7Function.StartUpload)
        {
            destination[2] = 0x01;
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), uploadId);
            destination[8] = (byte)lengthPart.Length;
            lengthPart.CopyTo(destination.Slice(9));
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a job parameter.</summary>
    /// <param name="function">The function.</param>
    /// <param name="fileNameLength">File name length.</param>
    /// <param name="lengthPartLength">Request download length part length (0 for none).</param>
    /// <returns>The length.</returns>
    public static int GetJobEncodedLength(S7Function function, int fileNameLength, int lengthPartLength)
    {
        if (function is < S7Function.RequestDownload or > S7Function.EndUpload)
        {
            throw new ArgumentOutOfRangeException(nameof(function), "Not a block transfer function.");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(fileNameLength, 255);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lengthPartLength, 255);
        if (function is S7Function.Upload or S7Function.EndUpload)
        {
            return 8;
        }

        return 9 + fileNameLength + (function == S7Function.RequestDownload && lengthPartLength > 0 ? 1 + lengthPartLength : 0);
    }
}

/// <summary>A PI service job (0x28) or PLC stop job (0x29): the service name and its parameter block.</summary>
public readonly ref struct S7PiServiceParameter
{
    private S7PiServiceParameter(S7Function function, ReadOnlySpan<byte> parameterBlock, ReadOnlySpan<byte> serviceName)
    {
        Function = function;
        ParameterBlock = parameterBlock;
        ServiceName = serviceName;
    }

    /// <summary>PiService or PlcStop.</summary>
    public S7Function Function { get; }

    /// <summary>The parameter block (PI service only): for _INSE/_DELE a block count, a reserved byte and 8-character block names.</summary>
    public ReadOnlySpan<byte> ParameterBlock { get; }

    /// <summary>The service name as sent ("_INSE", "_DELE", "P_PROGRAM", "_MODU", "_GARB", "_N_…").</summary>
    public ReadOnlySpan<byte> ServiceName { get; }

    /// <summary>The service, from its name.</summary>
    public S7PiService Service => Classify(ServiceName);

    /// <summary>_INSE/_DELE: the number of blocks named in the parameter block.</summary>
    public int BlockCount => Service is S7PiService.InsertBlock or S7PiService.DeleteBlock && ParameterBlock.Length >= 2
        ? Math.Min(ParameterBlock[0], (ParameterBlock.Length - 2) / 8)
        : 0;

    /// <summary>_INSE/_DELE: a block named in the parameter block.</summary>
    /// <param name="index">0-based index below <see cref="BlockCount"/>.</param>
    /// <returns>The name ("0A00001P").</returns>
    public S7BlockFileName GetBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, BlockCount);
        return new S7BlockFileName(ParameterBlock.Slice(2 + (index * 8), 8));
    }

    /// <summary>Maps a service name to its kind.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The kind.</returns>
    public static S7PiService Classify(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("_INSE"u8))
        {
            return S7PiService.InsertBlock;
        }

        if (name.SequenceEqual("_DELE"u8))
        {
            return S7PiService.DeleteBlock;
        }

        if (name.SequenceEqual("P_PROGRAM"u8))
        {
            return S7PiService.Program;
        }

        if (name.SequenceEqual("_MODU"u8))
        {
            return S7PiService.CopyRamToRom;
        }

        if (name.SequenceEqual("_GARB"u8))
        {
            return S7PiService.CompressMemory;
        }

        return name.StartsWith("_N_"u8) ? S7PiService.NcService : S7PiService.Unknown;
    }

    /// <summary>Reads a PI service or PLC stop job parameter.</summary>
    /// <param name="parameter">The parameter part.</param>
    /// <param name="value">The parameter.</param>
    /// <returns>False when too short or inconsistent.</returns>
    public static bool TryRead(ReadOnlySpan<byte> parameter, out S7PiServiceParameter value)
    {
        value = default;
        if (parameter.IsEmpty)
        {
            return false;
        }

        if (parameter[0] == (byte)S7Function.PlcStop)
        {
            // Function, 5 reserved octets, name length, name.
            if (parameter.Length < 7 || parameter.Length < 7 + parameter[6])
            {
                return false;
            }

            value = new S7PiServiceParameter(S7Function.PlcStop, default, parameter.Slice(7, parameter[6]));
            return true;
        }

        if (parameter[0] != (byte)S7Function.PiService || parameter.Length < 10)
        {
            return false;
        }

        // Function, 7 reserved octets, parameter block length (2), block, name length, name.
        int blockLength = BinaryPrimitives.ReadUInt16BigEndian(parameter.Slice(8));
        if (parameter.Length < 11 + blockLength)
        {
            return false;
        }

        int nameLength = parameter[10 + blockLength];
        if (parameter.Length < 11 + blockLength + nameLength)
        {
            return false;
        }

        value = new S7PiServiceParameter(S7Function.PiService, parameter.Slice(10, blockLength), parameter.Slice(11 + blockLength, nameLength));
        return true;
    }

    /// <summary>Encoded length of a PI service (or PLC stop) job parameter.</summary>
    /// <param name="function">PiService or PlcStop.</param>
    /// <param name="parameterBlockLength">Parameter block length (PI service).</param>
    /// <param name="serviceNameLength">Service name length.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(S7Function function, int parameterBlockLength, int serviceNameLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serviceNameLength, 255);
        return function switch
        {
            S7Function.PlcStop => 7 + serviceNameLength,
            S7Function.PiService => 11 + parameterBlockLength + serviceNameLength,
            _ => throw new ArgumentOutOfRangeException(nameof(function), "Not PiService or PlcStop."),
        };
    }

    /// <summary>Writes a PI service (or PLC stop) job parameter.</summary>
    /// <param name="function">PiService or PlcStop.</param>
    /// <param name="parameterBlock">Parameter block (PI service).</param>
    /// <param name="serviceName">Service name.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(S7Function function, ReadOnlySpan<byte> parameterBlock, ReadOnlySpan<byte> serviceName, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(function, parameterBlock.Length, serviceName.Length);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination.Slice(0, length).Clear();
        destination[0] = (byte)function;
        if (function == S7Function.PlcStop)
        {
            destination[6] = (byte)serviceName.Length;
            serviceName.CopyTo(destination.Slice(7));
        }
        else
        {
            destination[7] = 0xFD;
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(8), (ushort)parameterBlock.Length);
            parameterBlock.CopyTo(destination.Slice(10));
            destination[10 + parameterBlock.Length] = (byte)serviceName.Length;
            serviceName.CopyTo(destination.Slice(11 + parameterBlock.Length));
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }
}
