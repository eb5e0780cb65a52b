using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>Reads and writes the BACnet network layer PDU (ANSI/ASHRAE 135 clause 6.2).</summary>
public static class Npdu
{
    /// <summary>The only protocol version (clause 6.2.1).</summary>
    public const byte ProtocolVersion = 0x01;

    /// <summary>
    /// Reads the NPDU that fills <paramref name="npdu"/> (its end is the end of the BVLC message or data link frame):
    /// the header is validated, and so is the content of the standard network layer messages.
    /// </summary>
    /// <param name="npdu">The whole NPDU.</param>
    /// <param name="frame">The NPDU on success; default otherwise.</param>
    /// <param name="error">Why the NPDU is invalid (offset relative to its first octet).</param>
    /// <returns>True when the NPDU is valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> npdu, out NpduFrame frame, out ProtocolError error)
    {
        frame = default;
        error = default;

        // 6.2.1 and 6.2.2: version and control octets.
        if (npdu.Length < 2)
        {
            error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU is shorter than its version and control octets", npdu.Length);
            return false;
        }

        if (npdu[0] != ProtocolVersion)
        {
            error = BacnetErrors.Create(BacnetError.NpduVersionInvalid, "NPDU protocol version is not 1", 0);
            return false;
        }

        byte control = npdu[1];
        int offset = 2;
        ushort dnet = 0, snet = 0;
        byte hopCount = 0, messageType = 0;
        ushort vendorId = 0;
        ReadOnlySpan<byte> dadr = [], sadr = [];

        // 6.2.2: DNET (2), DLEN (1), DADR (DLEN octets) when bit 5 is set.
        if ((control & NpduFrame.DestinationFlag) != 0)
        {
            if (npdu.Length - offset < 3)
            {
                error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends inside DNET/DLEN", offset);
                return false;
            }

            dnet = BinaryPrimitives.ReadUInt16BigEndian(npdu[offset..]);
            int dlen = npdu[offset + 2];
            offset += 3;
            if (npdu.Length - offset < dlen)
            {
                error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends inside DADR", offset - 1);
                return false;
            }

            dadr = npdu.Slice(offset, dlen);
            offset += dlen;
        }

        // 6.2.2: SNET (2), SLEN (1), SADR (SLEN octets) when bit 3 is set; SLEN 0 and SNET 0xFFFF are invalid.
        if ((control & NpduFrame.SourceFlag) != 0)
        {
            if (npdu.Length - offset < 3)
            {
                error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends inside SNET/SLEN", offset);
                return false;
            }

            snet = BinaryPrimitives.ReadUInt16BigEndian(npdu[offset..]);
            int slen = npdu[offset + 2];
            if (snet == 0xFFFF)
            {
                error = BacnetErrors.Create(BacnetError.NpduSourceInvalid, "SNET 0xFFFF (global broadcast) is not a valid source network", offset);
                return false;
            }

            if (slen == 0)
            {
                error = BacnetErrors.Create(BacnetError.NpduSourceInvalid, "SLEN 0 is not a valid source address length", offset + 2);
                return false;
            }

            offset += 3;
            if (npdu.Length - offset < slen)
            {
                error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends inside SADR", offset - 1);
                return false;
            }

            sadr = npdu.Slice(offset, slen);
            offset += slen;
        }

        // 6.2.3: hop count follows the source specifier when a destination is present.
        if ((control & NpduFrame.DestinationFlag) != 0)
        {
            if (npdu.Length - offset < 1)
            {
                error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends before the hop count", offset);
                return false;
            }

            hopCount = npdu[offset++];
        }

        if ((control & NpduFrame.NetworkMessageFlag) != 0)
        {
            // 6.2.4: message type, and a vendor id for proprietary types 0x80..0xFF.
            if (npdu.Length - offset < 1)
            {
                error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends before the network message type", offset);
                return false;
            }

            messageType = npdu[offset++];
            if (messageType >= 0x80)
            {
                if (npdu.Length - offset < 2)
                {
                    error = BacnetErrors.Create(BacnetError.NpduTruncated, "NPDU ends inside the vendor id of a proprietary network message", offset);
                    return false;
                }

                vendorId = BinaryPrimitives.ReadUInt16BigEndian(npdu[offset..]);
                offset += 2;
            }

            if (!NetworkMessages.TryValidate(messageType, npdu[offset..], out error))
            {
                error = BacnetErrors.Shift(error, offset);
                return false;
            }
        }
        else if (offset >= npdu.Length)
        {
            error = BacnetErrors.Create(BacnetError.NpduApduMissing, "NPDU carries neither a network message nor an APDU", offset);
            return false;
        }

        frame = new NpduFrame(control, dnet, dadr, hopCount, snet, sadr, messageType, vendorId, npdu[offset..]);
        return true;
    }

    /// <summary>Octets of the header that <paramref name="frame"/> encodes to (everything before the payload).</summary>
    /// <param name="frame">The NPDU.</param>
    /// <returns>The header length.</returns>
    public static int GetHeaderLength(in NpduFrame frame)
    {
        int length = 2;
        if (frame.HasDestination)
        {
            length += 3 + frame.DestinationAddress.Length + 1;
        }

        if (frame.HasSource)
        {
            length += 3 + frame.SourceAddress.Length;
        }

        if (frame.IsNetworkMessage)
        {
            length += frame.MessageTypeValue >= 0x80 ? 3 : 1;
        }

        return length;
    }

    /// <summary>Octets that <paramref name="frame"/> encodes to.</summary>
    /// <param name="frame">The NPDU.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(in NpduFrame frame) => GetHeaderLength(frame) + frame.Payload.Length;

    /// <summary>Writes <paramref name="frame"/>.</summary>
    /// <param name="frame">The NPDU.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">An address is longer than 255 octets, the source is invalid, or an APDU NPDU has no payload.</exception>
    public static OperationStatus TryWrite(in NpduFrame frame, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (frame.DestinationAddress.Length > byte.MaxValue || frame.SourceAddress.Length > byte.MaxValue)
        {
            throw new ArgumentException("DADR and SADR are at most 255 octets (clause 6.2.2).", nameof(frame));
        }

        if (frame.HasSource && (frame.SourceAddress.IsEmpty || frame.SourceNetwork == 0xFFFF))
        {
            throw new ArgumentException("A source specifier needs SLEN > 0 and SNET other than 0xFFFF (clause 6.2.2).", nameof(frame));
        }

        if (!frame.IsNetworkMessage && frame.Payload.IsEmpty)
        {
            throw new ArgumentException("An NPDU that is not a network message must carry an APDU.", nameof(frame));
        }

        if (frame.IsNetworkMessage && !NetworkMessages.TryValidate(frame.MessageTypeValue, frame.Payload, out _))
        {
            throw new ArgumentException("The network message data does not match its message type (clause 6.4).", nameof(frame));
        }

        int length = GetEncodedLength(frame);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = ProtocolVersion;
        destination[1] = frame.Control;
        int offset = 2;
        if (frame.HasDestination)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], frame.DestinationNetwork);
            destination[offset + 2] = (byte)frame.DestinationAddress.Length;
            offset += 3;
            frame.DestinationAddress.CopyTo(destination[offset..]);
            offset += frame.DestinationAddress.Length;
        }

        if (frame.HasSource)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], frame.SourceNetwork);
            destination[offset + 2] = (byte)frame.SourceAddress.Length;
            offset += 3;
            frame.SourceAddress.CopyTo(destination[offset..]);
            offset += frame.SourceAddress.Length;
        }

        if (frame.HasDestination)
        {
            destination[offset++] = frame.HopCount;
        }

        if (frame.IsNetworkMessage)
        {
            destination[offset++] = frame.MessageTypeValue;
            if (frame.MessageTypeValue >= 0x80)
            {
                BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], frame.VendorId);
                offset += 2;
            }
        }

        frame.Payload.CopyTo(destination[offset..]);
        bytesWritten = offset + frame.Payload.Length;
        return OperationStatus.Done;
    }
}
