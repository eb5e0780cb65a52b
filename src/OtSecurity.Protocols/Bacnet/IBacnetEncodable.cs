using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>A BACnet production that can be written: service requests, ACKs and errors.</summary>
public interface IBacnetEncodable
{
    /// <summary>Octets this value encodes to.</summary>
    /// <returns>The length.</returns>
    int GetEncodedLength();

    /// <summary>Writes the value.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written, 0 unless <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    OperationStatus TryWrite(Span<byte> destination, out int bytesWritten);
}
