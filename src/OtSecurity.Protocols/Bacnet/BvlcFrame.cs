using System.Buffers.Binary;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// A view over one validated BVLC message of BACnet/IP (ANSI/ASHRAE 135 Annex J.2). No bytes are copied;
/// the accessors that do not apply to <see cref="Function"/> return defaults.
/// </summary>
public readonly ref struct BvlcFrame
{
    internal BvlcFrame(BvlcFunction function, ReadOnlySpan<byte> body)
    {
        Function = function;
        Body = body;
    }

    /// <summary>The BVLC function.</summary>
    public BvlcFunction Function { get; }

    /// <summary>The BVLC length field: the whole message including the 4-octet header.</summary>
    public int Length => Body.Length + Bvlc.HeaderLength;

    /// <summary>Everything after the 4-octet header (function-specific fields and NPDU).</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>True when the function carries an NPDU (Forwarded-NPDU, Distribute-Broadcast-To-Network, Original-Unicast/Broadcast-NPDU).</summary>
    public bool HasNpdu => Bvlc.CarriesNpdu(Function);

    /// <summary>The NPDU carried by the message, or empty.</summary>
    public ReadOnlySpan<byte> Npdu => Function switch
    {
        BvlcFunction.ForwardedNpdu => Body[BacnetIpEndpoint.EncodedLength..],
        BvlcFunction.DistributeBroadcastToNetwork or BvlcFunction.OriginalUnicastNpdu or BvlcFunction.OriginalBroadcastNpdu => Body,
        _ => [],
    };

    /// <summary>Offset of <see cref="Npdu"/> from the start of the BVLC message.</summary>
    public int NpduOffset => Function == BvlcFunction.ForwardedNpdu ? Bvlc.HeaderLength + BacnetIpEndpoint.EncodedLength : Bvlc.HeaderLength;

    /// <summary>Forwarded-NPDU: the B/IP address of the device that originated the NPDU (J.2.5).</summary>
    public BacnetIpEndpoint OriginatingAddress => Function == BvlcFunction.ForwardedNpdu ? BacnetIpEndpoint.Read(Body) : default;

    /// <summary>BVLC-Result: the result code (J.2.1).</summary>
    public BvlcResultCode ResultCode => Function == BvlcFunction.BvlcResult ? (BvlcResultCode)BinaryPrimitives.ReadUInt16BigEndian(Body) : default;

    /// <summary>Register-Foreign-Device: the time-to-live in seconds (J.2.6).</summary>
    public ushort TimeToLive => Function == BvlcFunction.RegisterForeignDevice ? BinaryPrimitives.ReadUInt16BigEndian(Body) : default;

    /// <summary>Delete-Foreign-Device-Table-Entry: the B/IP address of the entry to delete (J.2.9).</summary>
    public BacnetIpEndpoint DeleteEntryAddress => Function == BvlcFunction.DeleteForeignDeviceTableEntry ? BacnetIpEndpoint.Read(Body) : default;

    /// <summary>Number of broadcast distribution table entries (Write-BDT, Read-BDT-Ack) or foreign device table entries (Read-FDT-Ack).</summary>
    public int TableEntryCount => Function is BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck or BvlcFunction.ReadForeignDeviceTableAck
        ? Body.Length / BdtEntry.EncodedLength
        : 0;

    /// <summary>Write-BDT and Read-BDT-Ack: the broadcast distribution table entry at <paramref name="index"/>.</summary>
    /// <param name="index">0-based, less than <see cref="TableEntryCount"/>.</param>
    /// <returns>The entry.</returns>
    public BdtEntry GetBdtEntry(int index)
    {
        if (Function is not (BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck))
        {
            throw new InvalidOperationException("This BVLC message carries no broadcast distribution table.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TableEntryCount);
        return BdtEntry.Read(Body.Slice(index * BdtEntry.EncodedLength, BdtEntry.EncodedLength));
    }

    /// <summary>Read-FDT-Ack: the foreign device table entry at <paramref name="index"/>.</summary>
    /// <param name="index">0-based, less than <see cref="TableEntryCount"/>.</param>
    /// <returns>The entry.</returns>
    public FdtEntry GetFdtEntry(int index)
    {
        if (Function != BvlcFunction.ReadForeignDeviceTableAck)
        {
            throw new InvalidOperationException("This BVLC message carries no foreign device table.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TableEntryCount);
        return FdtEntry.Read(Body.Slice(index * FdtEntry.EncodedLength, FdtEntry.EncodedLength));
    }

    /// <summary>Secure-BVLL: the security wrapper (J.2.13), opaque here.</summary>
    public ReadOnlySpan<byte> SecurityWrapper => Function == BvlcFunction.SecureBvll ? Body : [];
}
