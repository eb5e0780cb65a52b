using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>Reads and writes the fixed part of BACnet APDUs (ANSI/ASHRAE 135 clause 20.1).</summary>
public static class Apdu
{
    /// <summary>
    /// Reads the APDU that fills <paramref name="apdu"/> (its end is the end of the NPDU): the PDU type, its header
    /// fields and the service data that follows. Service data is not decoded here (see the service types).
    /// </summary>
    /// <param name="apdu">The whole APDU.</param>
    /// <param name="frame">The APDU on success; default otherwise.</param>
    /// <param name="error">Why it is invalid (offset relative to the first APDU octet).</param>
    /// <returns>True when the header is valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> apdu, out ApduFrame frame, out ProtocolError error)
    {
        frame = default;
        error = default;
        if (apdu.IsEmpty)
        {
            error = BacnetErrors.Create(BacnetError.ApduTruncated, "APDU is empty", 0);
            return false;
        }

        byte first = apdu[0];
        switch ((BacnetPduType)(first >> 4))
        {
            // 20.1.2: type/flags, max-segments/max-APDU, invoke id, [sequence number, proposed window], service choice.
            case BacnetPduType.ConfirmedRequest:
            {
                bool segmented = (first & ApduFrame.SegmentedFlag) != 0;
                int header = segmented ? 6 : 4;
                if (apdu.Length < header)
                {
                    error = BacnetErrors.Create(BacnetError.ApduTruncated, "confirmed request is shorter than its header", apdu.Length);
                    return false;
                }

                byte window = segmented ? apdu[4] : (byte)0;
                if (segmented && !IsValidWindow(window))
                {
                    error = BacnetErrors.Create(BacnetError.ApduWindowSizeInvalid, "proposed window size is outside 1..127", 4);
                    return false;
                }

                frame = new ApduFrame(first, apdu[1], apdu[2], segmented ? apdu[3] : (byte)0, window, apdu[header - 1], apdu[header..]);
                return true;
            }

            // 20.1.3: type, service choice.
            case BacnetPduType.UnconfirmedRequest:
                if (apdu.Length < 2)
                {
                    error = BacnetErrors.Create(BacnetError.ApduTruncated, "unconfirmed request has no service choice", apdu.Length);
                    return false;
                }

                frame = new ApduFrame(first, 0, 0, 0, 0, apdu[1], apdu[2..]);
                return true;

            // 20.1.4: type, invoke id, service ACK choice: exactly 3 octets.
            case BacnetPduType.SimpleAck:
                if (!Fixed(apdu, 3, "simple ACK", out error))
                {
                    return false;
                }

                frame = new ApduFrame(first, 0, apdu[1], 0, 0, apdu[2], []);
                return true;

            // 20.1.5: type/flags, invoke id, [sequence number, proposed window], service ACK choice.
            case BacnetPduType.ComplexAck:
            {
                bool segmented = (first & ApduFrame.SegmentedFlag) != 0;
                int header = segmented ? 5 : 3;
                if (apdu.Length < header)
                {
                    error = BacnetErrors.Create(BacnetError.ApduTruncated, "complex ACK is shorter than its header", apdu.Length);
                    return false;
                }

                byte window = segmented ? apdu[3] : (byte)0;
                if (segmented && !IsValidWindow(window))
                {
                    error = BacnetErrors.Create(BacnetError.ApduWindowSizeInvalid, "proposed window size is outside 1..127", 3);
                    return false;
                }

                frame = new ApduFrame(first, 0, apdu[1], segmented ? apdu[2] : (byte)0, window, apdu[header - 1], apdu[header..]);
                return true;
            }

            // 20.1.6: type/flags, invoke id, sequence number, actual window size: exactly 4 octets.
            case BacnetPduType.SegmentAck:
                if (!Fixed(apdu, 4, "segment ACK", out error))
                {
                    return false;
                }

                if (!IsValidWindow(apdu[3]))
                {
                    error = BacnetErrors.Create(BacnetError.ApduWindowSizeInvalid, "actual window size is outside 1..127", 3);
                    return false;
                }

                frame = new ApduFrame(first, 0, apdu[1], apdu[2], apdu[3], 0, []);
                return true;

            // 20.1.7: type, invoke id, error choice, error.
            case BacnetPduType.Error:
                if (apdu.Length < 3)
                {
                    error = BacnetErrors.Create(BacnetError.ApduTruncated, "error PDU is shorter than its header", apdu.Length);
                    return false;
                }

                frame = new ApduFrame(first, 0, apdu[1], 0, 0, apdu[2], apdu[3..]);
                return true;

            // 20.1.8 and 20.1.9: type/flags, invoke id, reason: exactly 3 octets.
            case BacnetPduType.Reject:
            case BacnetPduType.Abort:
                if (!Fixed(apdu, 3, (first >> 4) == (int)BacnetPduType.Reject ? "reject" : "abort", out error))
                {
                    return false;
                }

                frame = new ApduFrame(first, 0, apdu[1], 0, 0, apdu[2], []);
                return true;

            default:
                error = BacnetErrors.Create(BacnetError.ApduTypeReserved, "APDU type 8..15 is reserved", 0);
                return false;
        }

        static bool Fixed(ReadOnlySpan<byte> apdu, int length, string kind, out ProtocolError error)
        {
            error = default;
            if (apdu.Length < length)
            {
                error = BacnetErrors.Create(BacnetError.ApduTruncated, kind + " PDU is shorter than its fixed length", apdu.Length);
            }
            else if (apdu.Length > length)
            {
                error = BacnetErrors.Create(BacnetError.ApduLengthInvalid, kind + " PDU is longer than its fixed length", length);
            }

            return !error.IsError;
        }
    }

    private static bool IsValidWindow(byte window) => window is >= 1 and <= 127;

    /// <summary>The header length of <paramref name="frame"/> (everything before <see cref="ApduFrame.ServiceData"/>).</summary>
    /// <param name="frame">The APDU.</param>
    /// <returns>The header length.</returns>
    public static int GetHeaderLength(in ApduFrame frame) => frame.PduType switch
    {
        BacnetPduType.ConfirmedRequest => (frame.FirstOctet & ApduFrame.SegmentedFlag) != 0 ? 6 : 4,
        BacnetPduType.UnconfirmedRequest => 2,
        BacnetPduType.ComplexAck => (frame.FirstOctet & ApduFrame.SegmentedFlag) != 0 ? 5 : 3,
        BacnetPduType.SegmentAck => 4,
        _ => 3,
    };

    /// <summary>Octets that <paramref name="frame"/> encodes to.</summary>
    /// <param name="frame">The APDU.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(in ApduFrame frame) => GetHeaderLength(frame) + frame.ServiceData.Length;

    /// <summary>Writes <paramref name="frame"/>.</summary>
    /// <param name="frame">The APDU (built with the <see cref="ApduFrame"/> factories or read).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The PDU type is reserved, a window size is outside 1..127, or a fixed-length PDU carries data.</exception>
    public static OperationStatus TryWrite(in ApduFrame frame, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        BacnetPduType type = frame.PduType;
        if ((byte)type > (byte)BacnetPduType.Abort)
        {
            throw new ArgumentException("APDU types 8..15 are reserved.", nameof(frame));
        }

        bool segmented = type is BacnetPduType.ConfirmedRequest or BacnetPduType.ComplexAck && (frame.FirstOctet & ApduFrame.SegmentedFlag) != 0;
        if ((segmented || type == BacnetPduType.SegmentAck) && !IsValidWindow(frame.WindowSize))
        {
            throw new ArgumentException("Window sizes are 1..127 (clause 20.1.2.9).", nameof(frame));
        }

        if (type is BacnetPduType.SimpleAck or BacnetPduType.SegmentAck or BacnetPduType.Reject or BacnetPduType.Abort && !frame.ServiceData.IsEmpty)
        {
            throw new ArgumentException("Simple-ACK, Segment-ACK, Reject and Abort PDUs carry no data.", nameof(frame));
        }

        int header = GetHeaderLength(frame);
        int length = header + frame.ServiceData.Length;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = frame.FirstOctet;
        switch (type)
        {
            case BacnetPduType.ConfirmedRequest:
                destination[1] = frame.MaxSegmentsAndApdu;
                destination[2] = frame.InvokeId;
                if (segmented)
                {
                    destination[3] = frame.SequenceNumber;
                    destination[4] = frame.WindowSize;
                }

                destination[header - 1] = frame.ServiceOrReason;
                break;
            case BacnetPduType.UnconfirmedRequest:
                destination[1] = frame.ServiceOrReason;
                break;
            case BacnetPduType.ComplexAck:
                destination[1] = frame.InvokeId;
                if (segmented)
                {
                    destination[2] = frame.SequenceNumber;
                    destination[3] = frame.WindowSize;
                }

                destination[header - 1] = frame.ServiceOrReason;
                break;
            case BacnetPduType.SegmentAck:
                destination[1] = frame.InvokeId;
                destination[2] = frame.SequenceNumber;
                destination[3] = frame.WindowSize;
                break;
            default:
                destination[1] = frame.InvokeId;
                destination[2] = frame.ServiceOrReason;
                break;
        }

        frame.ServiceData.CopyTo(destination[header..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
