using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>Setup communication (function 0xF0): the negotiated PDU size and the parallel-job limits (AmQ).</summary>
/// <param name="MaxAmqCalling">Maximum parallel jobs from the calling side.</param>
/// <param name="MaxAmqCalled">Maximum parallel jobs to the called side.</param>
/// <param name="PduLength">Proposed (job) or negotiated (ack-data) PDU size.</param>
public readonly record struct S7SetupCommunication(ushort MaxAmqCalling, ushort MaxAmqCalled, ushort PduLength)
{
    /// <summary>Parameter length: function, reserved, three 16-bit values.</summary>
    public const int EncodedLength = 8;

    /// <summary>Reads the parameter part of a setup communication job or ack-data.</summary>
    /// <param name="parameter">The parameter part.</param>
    /// <param name="value">The values.</param>
    /// <returns>False when the part is not a setup communication of 8 octets.</returns>
    public static bool TryRead(ReadOnlySpan<byte> parameter, out S7SetupCommunication value)
    {
        value = default;
        if (parameter.Length < EncodedLength || parameter[0] != (byte)S7Function.SetupCommunication)
        {
            return false;
        }

        value = new S7SetupCommunication(
            BinaryPrimitives.ReadUInt16BigEndian(parameter.Slice(2)),
            BinaryPrimitives.ReadUInt16BigEndian(parameter.Slice(4)),
            BinaryPrimitives.ReadUInt16BigEndian(parameter.Slice(6)));
        return true;
    }

    /// <summary>Writes the parameter part.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">8 on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < EncodedLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)S7Function.SetupCommunication;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), MaxAmqCalling);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4), MaxAmqCalled);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(6), PduLength);
        bytesWritten = EncodedLength;
        return OperationStatus.Done;
    }
}
