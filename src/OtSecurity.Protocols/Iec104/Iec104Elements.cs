using System.Buffers.Binary;

namespace OtSecurity.Protocols.Iec104;

/// <summary>Quality bits of SIQ, DIQ and QDS (IEC 60870-5-101 §7.2.6.1–7.2.6.3).</summary>
[Flags]
public enum Iec104Quality : byte
{
    /// <summary>Good quality.</summary>
    None = 0,

    /// <summary>OV: overflow (QDS only).</summary>
    Overflow = 0x01,

    /// <summary>EI: elapsed time invalid (protection events only).</summary>
    ElapsedTimeInvalid = 0x08,

    /// <summary>BL: blocked.</summary>
    Blocked = 0x10,

    /// <summary>SB: substituted.</summary>
    Substituted = 0x20,

    /// <summary>NT: not topical.</summary>
    NotTopical = 0x40,

    /// <summary>IV: invalid.</summary>
    Invalid = 0x80,
}

/// <summary>Double-point state DPI (IEC 60870-5-101 §7.2.6.2).</summary>
public enum Iec104DoublePointState : byte
{
    /// <summary>Indeterminate or intermediate state.</summary>
    Intermediate = 0,

    /// <summary>Determined state OFF.</summary>
    Off = 1,

    /// <summary>Determined state ON.</summary>
    On = 2,

    /// <summary>Indeterminate state.</summary>
    Indeterminate = 3,
}

/// <summary>Double command state DCS (IEC 60870-5-101 §7.2.6.16).</summary>
public enum Iec104DoubleCommandState : byte
{
    /// <summary>Not permitted (0).</summary>
    NotPermitted0 = 0,

    /// <summary>OFF.</summary>
    Off = 1,

    /// <summary>ON.</summary>
    On = 2,

    /// <summary>Not permitted (3).</summary>
    NotPermitted3 = 3,
}

/// <summary>Regulating step command state RCS (IEC 60870-5-101 §7.2.6.17).</summary>
public enum Iec104StepCommandState : byte
{
    /// <summary>Not permitted (0).</summary>
    NotPermitted0 = 0,

    /// <summary>Next step lower.</summary>
    Lower = 1,

    /// <summary>Next step higher.</summary>
    Higher = 2,

    /// <summary>Not permitted (3).</summary>
    NotPermitted3 = 3,
}

/// <summary>Single-point information with quality, SIQ (M_SP_*).</summary>
/// <param name="IsOn">SPI.</param>
/// <param name="Quality">BL, SB, NT, IV.</param>
public readonly record struct Iec104SinglePoint(bool IsOn, Iec104Quality Quality)
{
    /// <summary>Encodes the SIQ octet.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)((IsOn ? 1 : 0) | ((byte)Quality & 0xF0));
}

/// <summary>Double-point information with quality, DIQ (M_DP_*).</summary>
/// <param name="State">DPI.</param>
/// <param name="Quality">BL, SB, NT, IV.</param>
public readonly record struct Iec104DoublePoint(Iec104DoublePointState State, Iec104Quality Quality)
{
    /// <summary>Encodes the DIQ octet.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)(((byte)State & 0x03) | ((byte)Quality & 0xF0));
}

/// <summary>Step position VTI with quality QDS (M_ST_*).</summary>
/// <param name="Value">−64..63.</param>
/// <param name="IsTransient">T: the equipment is in transient state.</param>
/// <param name="Quality">QDS.</param>
public readonly record struct Iec104StepPosition(sbyte Value, bool IsTransient, Iec104Quality Quality)
{
    /// <summary>Encodes VTI and QDS (2 octets).</summary>
    /// <param name="destination">At least 2 octets.</param>
    public void Write(Span<byte> destination)
    {
        destination[0] = (byte)((Value & 0x7F) | (IsTransient ? 0x80 : 0));
        destination[1] = (byte)Quality;
    }
}

/// <summary>Bitstring of 32 bits BSI, with quality QDS in the monitor direction (M_BO_*, C_BO_*).</summary>
/// <param name="Value">The bits.</param>
/// <param name="Quality">QDS (None for commands).</param>
public readonly record struct Iec104Bitstring(uint Value, Iec104Quality Quality)
{
    /// <summary>Encodes BSI and QDS (5 octets).</summary>
    /// <param name="destination">At least 5 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Value);
        destination[4] = (byte)Quality;
    }
}

/// <summary>Normalized value NVA (fixed point, −1 .. 1 − 2⁻¹⁵), with QDS in the monitor direction.</summary>
/// <param name="Raw">The 16-bit two's complement value.</param>
/// <param name="Quality">QDS (None where the type has none).</param>
public readonly record struct Iec104NormalizedValue(short Raw, Iec104Quality Quality)
{
    /// <summary>The value as a fraction: <see cref="Raw"/> / 32768.</summary>
    public double Value => Raw / 32768.0;

    /// <summary>Encodes NVA and QDS (3 octets).</summary>
    /// <param name="destination">At least 3 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt16LittleEndian(destination, Raw);
        destination[2] = (byte)Quality;
    }
}

/// <summary>Scaled value SVA, with QDS in the monitor direction.</summary>
/// <param name="Value">The 16-bit value.</param>
/// <param name="Quality">QDS (None where the type has none).</param>
public readonly record struct Iec104ScaledValue(short Value, Iec104Quality Quality)
{
    /// <summary>Encodes SVA and QDS (3 octets).</summary>
    /// <param name="destination">At least 3 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt16LittleEndian(destination, Value);
        destination[2] = (byte)Quality;
    }
}

/// <summary>Short floating point value (IEEE 754 single), with QDS in the monitor direction.</summary>
/// <param name="Value">The value.</param>
/// <param name="Quality">QDS (None where the type has none).</param>
public readonly record struct Iec104ShortFloat(float Value, Iec104Quality Quality)
{
    /// <summary>Encodes the float and QDS (5 octets).</summary>
    /// <param name="destination">At least 5 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteSingleLittleEndian(destination, Value);
        destination[4] = (byte)Quality;
    }
}

/// <summary>Binary counter reading BCR (M_IT_*).</summary>
/// <param name="Value">The counter.</param>
/// <param name="SequenceNumber">SQ, 0..31.</param>
/// <param name="Carry">CY: the counter overflowed.</param>
/// <param name="Adjusted">CA: the counter was adjusted.</param>
/// <param name="IsInvalid">IV.</param>
public readonly record struct Iec104CounterReading(int Value, byte SequenceNumber, bool Carry, bool Adjusted, bool IsInvalid)
{
    /// <summary>Encodes BCR (5 octets).</summary>
    /// <param name="destination">At least 5 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, Value);
        destination[4] = (byte)((SequenceNumber & 0x1F) | (Carry ? 0x20 : 0) | (Adjusted ? 0x40 : 0) | (IsInvalid ? 0x80 : 0));
    }
}

/// <summary>Single command SCO (C_SC_*).</summary>
/// <param name="IsOn">SCS.</param>
/// <param name="Qualifier">QU, 0..31 (0 no additional definition, 1 short pulse, 2 long pulse, 3 persistent).</param>
/// <param name="IsSelect">S/E: select (true) or execute.</param>
public readonly record struct Iec104SingleCommand(bool IsOn, byte Qualifier, bool IsSelect)
{
    /// <summary>Encodes SCO.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)((IsOn ? 1 : 0) | ((Qualifier & 0x1F) << 2) | (IsSelect ? 0x80 : 0));
}

/// <summary>Double command DCO (C_DC_*).</summary>
/// <param name="State">DCS.</param>
/// <param name="Qualifier">QU, 0..31.</param>
/// <param name="IsSelect">S/E.</param>
public readonly record struct Iec104DoubleCommand(Iec104DoubleCommandState State, byte Qualifier, bool IsSelect)
{
    /// <summary>Encodes DCO.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)(((byte)State & 0x03) | ((Qualifier & 0x1F) << 2) | (IsSelect ? 0x80 : 0));
}

/// <summary>Regulating step command RCO (C_RC_*).</summary>
/// <param name="State">RCS.</param>
/// <param name="Qualifier">QU, 0..31.</param>
/// <param name="IsSelect">S/E.</param>
public readonly record struct Iec104RegulatingStepCommand(Iec104StepCommandState State, byte Qualifier, bool IsSelect)
{
    /// <summary>Encodes RCO.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)(((byte)State & 0x03) | ((Qualifier & 0x1F) << 2) | (IsSelect ? 0x80 : 0));
}

/// <summary>Qualifier of set-point command QOS (C_SE_*).</summary>
/// <param name="Qualifier">QL, 0..127.</param>
/// <param name="IsSelect">S/E.</param>
public readonly record struct Iec104SetpointQualifier(byte Qualifier, bool IsSelect)
{
    /// <summary>Encodes QOS.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)((Qualifier & 0x7F) | (IsSelect ? 0x80 : 0));
}

/// <summary>Cause of initialization COI (M_EI_NA_1).</summary>
/// <param name="Cause">0 local power switch on, 1 local manual reset, 2 remote reset, 3..127 reserved/private.</param>
/// <param name="AfterParameterChange">BS1: initialization after a change of local parameters.</param>
public readonly record struct Iec104EndOfInitialization(byte Cause, bool AfterParameterChange)
{
    /// <summary>Encodes COI.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)((Cause & 0x7F) | (AfterParameterChange ? 0x80 : 0));
}

/// <summary>Qualifier of counter interrogation QCC (C_CI_NA_1).</summary>
/// <param name="Request">RQT, 0..63 (5 general counter request, 1..4 groups).</param>
/// <param name="Freeze">FRZ, 0..3 (read, freeze, freeze and reset, reset).</param>
public readonly record struct Iec104CounterInterrogationQualifier(byte Request, byte Freeze)
{
    /// <summary>Encodes QCC.</summary>
    /// <param name="destination">At least 1 octet.</param>
    public void Write(Span<byte> destination) => destination[0] = (byte)((Request & 0x3F) | ((Freeze & 0x03) << 6));
}

/// <summary>Typed access to the information element of an object.</summary>
public readonly ref partial struct Iec104InformationObject
{
    /// <summary>The SIQ of M_SP_NA_1, M_SP_TA_1 or M_SP_TB_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetSinglePoint(out Iec104SinglePoint value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.M_SP_NA_1 or Iec104TypeId.M_SP_TA_1 or Iec104TypeId.M_SP_TB_1))
        {
            return false;
        }

        value = new Iec104SinglePoint((Element[0] & 0x01) != 0, (Iec104Quality)(Element[0] & 0xF0));
        return true;
    }

    /// <summary>The DIQ of M_DP_NA_1, M_DP_TA_1 or M_DP_TB_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetDoublePoint(out Iec104DoublePoint value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.M_DP_NA_1 or Iec104TypeId.M_DP_TA_1 or Iec104TypeId.M_DP_TB_1))
        {
            return false;
        }

        value = new Iec104DoublePoint((Iec104DoublePointState)(Element[0] & 0x03), (Iec104Quality)(Element[0] & 0xF0));
        return true;
    }

    /// <summary>The VTI and QDS of M_ST_NA_1, M_ST_TA_1 or M_ST_TB_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetStepPosition(out Iec104StepPosition value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.M_ST_NA_1 or Iec104TypeId.M_ST_TA_1 or Iec104TypeId.M_ST_TB_1))
        {
            return false;
        }

        // VTI: a 7-bit two's complement value and the transient bit.
        sbyte step = (sbyte)((sbyte)(Element[0] << 1) >> 1);
        value = new Iec104StepPosition(step, (Element[0] & 0x80) != 0, (Iec104Quality)Element[1]);
        return true;
    }

    /// <summary>The BSI (and QDS in the monitor direction) of M_BO_* or C_BO_*.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetBitstring(out Iec104Bitstring value)
    {
        value = default;
        switch (TypeId)
        {
            case Iec104TypeId.M_BO_NA_1 or Iec104TypeId.M_BO_TA_1 or Iec104TypeId.M_BO_TB_1:
                value = new Iec104Bitstring(BinaryPrimitives.ReadUInt32LittleEndian(Element), (Iec104Quality)Element[4]);
                return true;
            case Iec104TypeId.C_BO_NA_1 or Iec104TypeId.C_BO_TA_1:
                value = new Iec104Bitstring(BinaryPrimitives.ReadUInt32LittleEndian(Element), Iec104Quality.None);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The NVA of M_ME_NA_1, M_ME_TA_1, M_ME_TD_1 (with QDS), M_ME_ND_1, C_SE_NA_1, C_SE_TA_1 or P_ME_NA_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetNormalizedValue(out Iec104NormalizedValue value)
    {
        value = default;
        switch (TypeId)
        {
            case Iec104TypeId.M_ME_NA_1 or Iec104TypeId.M_ME_TA_1 or Iec104TypeId.M_ME_TD_1:
                value = new Iec104NormalizedValue(BinaryPrimitives.ReadInt16LittleEndian(Element), (Iec104Quality)Element[2]);
                return true;
            case Iec104TypeId.M_ME_ND_1 or Iec104TypeId.C_SE_NA_1 or Iec104TypeId.C_SE_TA_1 or Iec104TypeId.P_ME_NA_1:
                value = new Iec104NormalizedValue(BinaryPrimitives.ReadInt16LittleEndian(Element), Iec104Quality.None);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The SVA of M_ME_NB_1, M_ME_TB_1, M_ME_TE_1 (with QDS), C_SE_NB_1, C_SE_TB_1 or P_ME_NB_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetScaledValue(out Iec104ScaledValue value)
    {
        value = default;
        switch (TypeId)
        {
            case Iec104TypeId.M_ME_NB_1 or Iec104TypeId.M_ME_TB_1 or Iec104TypeId.M_ME_TE_1:
                value = new Iec104ScaledValue(BinaryPrimitives.ReadInt16LittleEndian(Element), (Iec104Quality)Element[2]);
                return true;
            case Iec104TypeId.C_SE_NB_1 or Iec104TypeId.C_SE_TB_1 or Iec104TypeId.P_ME_NB_1:
                value = new Iec104ScaledValue(BinaryPrimitives.ReadInt16LittleEndian(Element), Iec104Quality.None);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The float of M_ME_NC_1, M_ME_TC_1, M_ME_TF_1 (with QDS), C_SE_NC_1, C_SE_TC_1 or P_ME_NC_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetShortFloat(out Iec104ShortFloat value)
    {
        value = default;
        switch (TypeId)
        {
            case Iec104TypeId.M_ME_NC_1 or Iec104TypeId.M_ME_TC_1 or Iec104TypeId.M_ME_TF_1:
                value = new Iec104ShortFloat(BinaryPrimitives.ReadSingleLittleEndian(Element), (Iec104Quality)Element[4]);
                return true;
            case Iec104TypeId.C_SE_NC_1 or Iec104TypeId.C_SE_TC_1 or Iec104TypeId.P_ME_NC_1:
                value = new Iec104ShortFloat(BinaryPrimitives.ReadSingleLittleEndian(Element), Iec104Quality.None);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The BCR of M_IT_NA_1, M_IT_TA_1 or M_IT_TB_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetCounterReading(out Iec104CounterReading value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.M_IT_NA_1 or Iec104TypeId.M_IT_TA_1 or Iec104TypeId.M_IT_TB_1))
        {
            return false;
        }

        byte flags = Element[4];
        value = new Iec104CounterReading(BinaryPrimitives.ReadInt32LittleEndian(Element), (byte)(flags & 0x1F), (flags & 0x20) != 0, (flags & 0x40) != 0, (flags & 0x80) != 0);
        return true;
    }

    /// <summary>The SCO of C_SC_NA_1 or C_SC_TA_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetSingleCommand(out Iec104SingleCommand value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.C_SC_NA_1 or Iec104TypeId.C_SC_TA_1))
        {
            return false;
        }

        value = new Iec104SingleCommand((Element[0] & 0x01) != 0, (byte)((Element[0] >> 2) & 0x1F), (Element[0] & 0x80) != 0);
        return true;
    }

    /// <summary>The DCO of C_DC_NA_1 or C_DC_TA_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetDoubleCommand(out Iec104DoubleCommand value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.C_DC_NA_1 or Iec104TypeId.C_DC_TA_1))
        {
            return false;
        }

        value = new Iec104DoubleCommand((Iec104DoubleCommandState)(Element[0] & 0x03), (byte)((Element[0] >> 2) & 0x1F), (Element[0] & 0x80) != 0);
        return true;
    }

    /// <summary>The RCO of C_RC_NA_1 or C_RC_TA_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetRegulatingStepCommand(out Iec104RegulatingStepCommand value)
    {
        value = default;
        if (TypeId is not (Iec104TypeId.C_RC_NA_1 or Iec104TypeId.C_RC_TA_1))
        {
            return false;
        }

        value = new Iec104RegulatingStepCommand((Iec104StepCommandState)(Element[0] & 0x03), (byte)((Element[0] >> 2) & 0x1F), (Element[0] & 0x80) != 0);
        return true;
    }

    /// <summary>The QOS of C_SE_NA/NB/NC_1 and C_SE_TA/TB/TC_1.</summary>
    /// <param name="value">The qualifier.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetSetpointQualifier(out Iec104SetpointQualifier value)
    {
        value = default;
        int offset = TypeId switch
        {
            Iec104TypeId.C_SE_NA_1 or Iec104TypeId.C_SE_NB_1 or Iec104TypeId.C_SE_TA_1 or Iec104TypeId.C_SE_TB_1 => 2,
            Iec104TypeId.C_SE_NC_1 or Iec104TypeId.C_SE_TC_1 => 4,
            _ => -1,
        };
        if (offset < 0)
        {
            return false;
        }

        value = new Iec104SetpointQualifier((byte)(Element[offset] & 0x7F), (Element[offset] & 0x80) != 0);
        return true;
    }

    /// <summary>The COI of M_EI_NA_1.</summary>
    /// <param name="value">The element.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetEndOfInitialization(out Iec104EndOfInitialization value)
    {
        value = default;
        if (TypeId != Iec104TypeId.M_EI_NA_1)
        {
            return false;
        }

        value = new Iec104EndOfInitialization((byte)(Element[0] & 0x7F), (Element[0] & 0x80) != 0);
        return true;
    }

    /// <summary>The QOI of C_IC_NA_1 (20 station interrogation, 21..36 groups 1..16).</summary>
    /// <param name="qualifier">The qualifier.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetInterrogationQualifier(out byte qualifier) => TryGetSingleOctet(Iec104TypeId.C_IC_NA_1, out qualifier);

    /// <summary>The QCC of C_CI_NA_1.</summary>
    /// <param name="value">The qualifier.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetCounterInterrogationQualifier(out Iec104CounterInterrogationQualifier value)
    {
        value = default;
        if (TypeId != Iec104TypeId.C_CI_NA_1)
        {
            return false;
        }

        value = new Iec104CounterInterrogationQualifier((byte)(Element[0] & 0x3F), (byte)(Element[0] >> 6));
        return true;
    }

    /// <summary>The QRP of C_RP_NA_1 (1 general reset, 2 reset of pending time-tagged information).</summary>
    /// <param name="qualifier">The qualifier.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetResetProcessQualifier(out byte qualifier) => TryGetSingleOctet(Iec104TypeId.C_RP_NA_1, out qualifier);

    /// <summary>The fixed test bit pattern FBP of C_TS_NA_1 (0x55AA).</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetFixedTestPattern(out ushort pattern) => TryGetUInt16(Iec104TypeId.C_TS_NA_1, out pattern);

    /// <summary>The test sequence counter TSC of C_TS_TA_1.</summary>
    /// <param name="counter">The counter.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetTestSequenceCounter(out ushort counter) => TryGetUInt16(Iec104TypeId.C_TS_TA_1, out counter);

    /// <summary>The CP16Time2a delay of C_CD_NA_1, in milliseconds.</summary>
    /// <param name="milliseconds">The delay.</param>
    /// <returns>False for other types.</returns>
    public bool TryGetDelay(out ushort milliseconds) => TryGetUInt16(Iec104TypeId.C_CD_NA_1, out milliseconds);

    /// <summary>The CP56Time2a time tag of types 30–40, 58–64, C_CS_NA_1 and C_TS_TA_1 (the last 7 octets of the element).</summary>
    /// <param name="time">The time tag.</param>
    /// <returns>False for types without a CP56Time2a time tag.</returns>
    public bool TryGetTime(out Cp56Time2a time)
    {
        time = default;
        if ((byte)TypeId is not ((>= 30 and <= 40) or (>= 58 and <= 64) or 103 or 107))
        {
            return false;
        }

        time = Cp56Time2a.Read(Element[^Cp56Time2a.Length..]);
        return true;
    }

    /// <summary>The CP24Time2a time tag of the IEC 60870-5-101 types 2–19 that have one (the last 3 octets).</summary>
    /// <param name="time">The time tag.</param>
    /// <returns>False for types without a CP24Time2a time tag.</returns>
    public bool TryGetShortTime(out Cp24Time2a time)
    {
        time = default;
        if ((byte)TypeId is not (2 or 4 or 6 or 8 or 10 or 12 or 14 or 16 or 17 or 18 or 19))
        {
            return false;
        }

        time = Cp24Time2a.Read(Element[^Cp24Time2a.Length..]);
        return true;
    }

    private bool TryGetSingleOctet(Iec104TypeId type, out byte value)
    {
        value = 0;
        if (TypeId != type)
        {
            return false;
        }

        value = Element[0];
        return true;
    }

    private bool TryGetUInt16(Iec104TypeId type, out ushort value)
    {
        value = 0;
        if (TypeId != type)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16LittleEndian(Element);
        return true;
    }
}
