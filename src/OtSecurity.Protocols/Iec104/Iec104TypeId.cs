namespace OtSecurity.Protocols.Iec104;

/// <summary>
/// Type identification of an ASDU (IEC 60870-5-101 §7.2.1.1 and IEC 60870-5-104 §8, Table 8; security types from
/// IEC 60870-5-7). Names are the standard's mnemonics.
/// </summary>
public enum Iec104TypeId : byte
{
    /// <summary>Single-point information.</summary>
    M_SP_NA_1 = 1,

    /// <summary>Single-point information with time tag (CP24Time2a; 101 only).</summary>
    M_SP_TA_1 = 2,

    /// <summary>Double-point information.</summary>
    M_DP_NA_1 = 3,

    /// <summary>Double-point information with time tag (CP24Time2a; 101 only).</summary>
    M_DP_TA_1 = 4,

    /// <summary>Step position information.</summary>
    M_ST_NA_1 = 5,

    /// <summary>Step position information with time tag (CP24Time2a; 101 only).</summary>
    M_ST_TA_1 = 6,

    /// <summary>Bitstring of 32 bits.</summary>
    M_BO_NA_1 = 7,

    /// <summary>Bitstring of 32 bits with time tag (CP24Time2a; 101 only).</summary>
    M_BO_TA_1 = 8,

    /// <summary>Measured value, normalized value.</summary>
    M_ME_NA_1 = 9,

    /// <summary>Measured value, normalized value with time tag (CP24Time2a; 101 only).</summary>
    M_ME_TA_1 = 10,

    /// <summary>Measured value, scaled value.</summary>
    M_ME_NB_1 = 11,

    /// <summary>Measured value, scaled value with time tag (CP24Time2a; 101 only).</summary>
    M_ME_TB_1 = 12,

    /// <summary>Measured value, short floating point number.</summary>
    M_ME_NC_1 = 13,

    /// <summary>Measured value, short floating point number with time tag (CP24Time2a; 101 only).</summary>
    M_ME_TC_1 = 14,

    /// <summary>Integrated totals.</summary>
    M_IT_NA_1 = 15,

    /// <summary>Integrated totals with time tag (CP24Time2a; 101 only).</summary>
    M_IT_TA_1 = 16,

    /// <summary>Event of protection equipment with time tag (CP24Time2a; 101 only).</summary>
    M_EP_TA_1 = 17,

    /// <summary>Packed start events of protection equipment with time tag (CP24Time2a; 101 only).</summary>
    M_EP_TB_1 = 18,

    /// <summary>Packed output circuit information of protection equipment with time tag (CP24Time2a; 101 only).</summary>
    M_EP_TC_1 = 19,

    /// <summary>Packed single-point information with status change detection.</summary>
    M_PS_NA_1 = 20,

    /// <summary>Measured value, normalized value without quality descriptor.</summary>
    M_ME_ND_1 = 21,

    /// <summary>Single-point information with time tag CP56Time2a.</summary>
    M_SP_TB_1 = 30,

    /// <summary>Double-point information with time tag CP56Time2a.</summary>
    M_DP_TB_1 = 31,

    /// <summary>Step position information with time tag CP56Time2a.</summary>
    M_ST_TB_1 = 32,

    /// <summary>Bitstring of 32 bits with time tag CP56Time2a.</summary>
    M_BO_TB_1 = 33,

    /// <summary>Measured value, normalized value with time tag CP56Time2a.</summary>
    M_ME_TD_1 = 34,

    /// <summary>Measured value, scaled value with time tag CP56Time2a.</summary>
    M_ME_TE_1 = 35,

    /// <summary>Measured value, short floating point number with time tag CP56Time2a.</summary>
    M_ME_TF_1 = 36,

    /// <summary>Integrated totals with time tag CP56Time2a.</summary>
    M_IT_TB_1 = 37,

    /// <summary>Event of protection equipment with time tag CP56Time2a.</summary>
    M_EP_TD_1 = 38,

    /// <summary>Packed start events of protection equipment with time tag CP56Time2a.</summary>
    M_EP_TE_1 = 39,

    /// <summary>Packed output circuit information of protection equipment with time tag CP56Time2a.</summary>
    M_EP_TF_1 = 40,

    /// <summary>Integrated totals containing time-tagged security statistics (IEC 60870-5-7).</summary>
    S_IT_TC_1 = 41,

    /// <summary>Single command.</summary>
    C_SC_NA_1 = 45,

    /// <summary>Double command.</summary>
    C_DC_NA_1 = 46,

    /// <summary>Regulating step command.</summary>
    C_RC_NA_1 = 47,

    /// <summary>Set point command, normalized value.</summary>
    C_SE_NA_1 = 48,

    /// <summary>Set point command, scaled value.</summary>
    C_SE_NB_1 = 49,

    /// <summary>Set point command, short floating point number.</summary>
    C_SE_NC_1 = 50,

    /// <summary>Bitstring of 32 bits command.</summary>
    C_BO_NA_1 = 51,

    /// <summary>Single command with time tag CP56Time2a.</summary>
    C_SC_TA_1 = 58,

    /// <summary>Double command with time tag CP56Time2a.</summary>
    C_DC_TA_1 = 59,

    /// <summary>Regulating step command with time tag CP56Time2a.</summary>
    C_RC_TA_1 = 60,

    /// <summary>Set point command, normalized value with time tag CP56Time2a.</summary>
    C_SE_TA_1 = 61,

    /// <summary>Set point command, scaled value with time tag CP56Time2a.</summary>
    C_SE_TB_1 = 62,

    /// <summary>Set point command, short floating point number with time tag CP56Time2a.</summary>
    C_SE_TC_1 = 63,

    /// <summary>Bitstring of 32 bits command with time tag CP56Time2a.</summary>
    C_BO_TA_1 = 64,

    /// <summary>End of initialization.</summary>
    M_EI_NA_1 = 70,

    /// <summary>Authentication challenge (IEC 60870-5-7).</summary>
    S_CH_NA_1 = 81,

    /// <summary>Authentication reply (IEC 60870-5-7).</summary>
    S_RP_NA_1 = 82,

    /// <summary>Aggressive mode authentication request (IEC 60870-5-7).</summary>
    S_AR_NA_1 = 83,

    /// <summary>Session key status request (IEC 60870-5-7).</summary>
    S_KR_NA_1 = 84,

    /// <summary>Session key status (IEC 60870-5-7).</summary>
    S_KS_NA_1 = 85,

    /// <summary>Session key change (IEC 60870-5-7).</summary>
    S_KC_NA_1 = 86,

    /// <summary>Authentication error (IEC 60870-5-7).</summary>
    S_ER_NA_1 = 87,

    /// <summary>User status change (IEC 60870-5-7).</summary>
    S_US_NA_1 = 90,

    /// <summary>Update key change request (IEC 60870-5-7).</summary>
    S_UQ_NA_1 = 91,

    /// <summary>Update key change reply (IEC 60870-5-7).</summary>
    S_UR_NA_1 = 92,

    /// <summary>Update key change, symmetric (IEC 60870-5-7).</summary>
    S_UK_NA_1 = 93,

    /// <summary>Update key change, asymmetric (IEC 60870-5-7).</summary>
    S_UA_NA_1 = 94,

    /// <summary>Update key change confirmation (IEC 60870-5-7).</summary>
    S_UC_NA_1 = 95,

    /// <summary>(General) interrogation command.</summary>
    C_IC_NA_1 = 100,

    /// <summary>Counter interrogation command.</summary>
    C_CI_NA_1 = 101,

    /// <summary>Read command.</summary>
    C_RD_NA_1 = 102,

    /// <summary>Clock synchronization command.</summary>
    C_CS_NA_1 = 103,

    /// <summary>Test command (101 only).</summary>
    C_TS_NA_1 = 104,

    /// <summary>Reset process command.</summary>
    C_RP_NA_1 = 105,

    /// <summary>Delay acquisition command (101 only).</summary>
    C_CD_NA_1 = 106,

    /// <summary>Test command with time tag CP56Time2a.</summary>
    C_TS_TA_1 = 107,

    /// <summary>Parameter of measured value, normalized value.</summary>
    P_ME_NA_1 = 110,

    /// <summary>Parameter of measured value, scaled value.</summary>
    P_ME_NB_1 = 111,

    /// <summary>Parameter of measured value, short floating point number.</summary>
    P_ME_NC_1 = 112,

    /// <summary>Parameter activation.</summary>
    P_AC_NA_1 = 113,

    /// <summary>File ready.</summary>
    F_FR_NA_1 = 120,

    /// <summary>Section ready.</summary>
    F_SR_NA_1 = 121,

    /// <summary>Call directory, select file, call file, call section.</summary>
    F_SC_NA_1 = 122,

    /// <summary>Last section, last segment.</summary>
    F_LS_NA_1 = 123,

    /// <summary>Acknowledge file, acknowledge section.</summary>
    F_AF_NA_1 = 124,

    /// <summary>Segment.</summary>
    F_SG_NA_1 = 125,

    /// <summary>Directory.</summary>
    F_DR_TA_1 = 126,

    /// <summary>Query log, request archive file.</summary>
    F_SC_NB_1 = 127,
}

/// <summary>Facts about <see cref="Iec104TypeId"/> values.</summary>
public static class Iec104TypeIds
{
    /// <summary>
    /// The size of one information element (information object without its address) for a type, or −1 when the
    /// type has variable-sized elements (segments, security types) or is not a standard type.
    /// </summary>
    /// <param name="typeId">The type identification octet.</param>
    /// <returns>Octets per element (0 for C_RD_NA_1, which carries only an address), or −1.</returns>
    public static int ElementSize(byte typeId) => typeId switch
    {
        1 or 3 => 1,                // SIQ, DIQ
        2 or 4 => 4,                // + CP24Time2a
        5 => 2,                     // VTI, QDS
        6 => 5,
        7 => 5,                     // BSI, QDS
        8 => 8,
        9 or 11 => 3,               // NVA/SVA, QDS
        10 or 12 => 6,
        13 => 5,                    // IEEE STD 754 float, QDS
        14 => 8,
        15 => 5,                    // BCR
        16 => 8,
        17 => 6,                    // SEP, CP16Time2a, CP24Time2a
        18 or 19 => 7,              // SPE/OCI, QDP, CP16Time2a, CP24Time2a
        20 => 5,                    // SCD, QDS
        21 => 2,                    // NVA
        30 or 31 => 8,              // SIQ/DIQ + CP56Time2a
        32 => 10,                   // VTI, QDS + CP56Time2a
        33 => 12,                   // BSI, QDS + CP56Time2a
        34 or 35 => 10,             // NVA/SVA, QDS + CP56Time2a
        36 => 12,                   // float, QDS + CP56Time2a
        37 => 12,                   // BCR + CP56Time2a
        38 => 10,                   // SEP, CP16Time2a, CP56Time2a
        39 or 40 => 11,             // SPE/OCI, QDP, CP16Time2a, CP56Time2a
        45 or 46 or 47 => 1,        // SCO, DCO, RCO
        48 or 49 => 3,              // NVA/SVA, QOS
        50 => 5,                    // float, QOS
        51 => 4,                    // BSI
        58 or 59 or 60 => 8,        // + CP56Time2a
        61 or 62 => 10,
        63 => 12,
        64 => 11,
        70 => 1,                    // COI
        100 or 101 => 1,            // QOI, QCC
        102 => 0,                   // address only
        103 => 7,                   // CP56Time2a
        104 => 2,                   // FBP
        105 => 1,                   // QRP
        106 => 2,                   // CP16Time2a
        107 => 9,                   // TSC, CP56Time2a
        110 or 111 => 3,            // NVA/SVA, QPM
        112 => 5,                   // float, QPM
        113 => 1,                   // QPA
        120 => 6,                   // NOF, LOF, FRQ
        121 => 7,                   // NOF, NOS, LOF, SRQ
        122 => 4,                   // NOF, NOS, SCQ
        123 => 5,                   // NOF, NOS, LSQ, CHS
        124 => 4,                   // NOF, NOS, AFQ
        126 => 13,                  // NOF, LOF, SOF, CP56Time2a
        127 => 16,                  // NOF, CP56Time2a start, CP56Time2a stop
        _ => -1,
    };

    /// <summary>True when <paramref name="typeId"/> is a standard type of IEC 60870-5-101/104 or IEC 60870-5-7.</summary>
    /// <param name="typeId">The octet.</param>
    /// <returns>Whether the type is named by <see cref="Iec104TypeId"/>.</returns>
    public static bool IsDefined(byte typeId) => typeId is (>= 1 and <= 21) or (>= 30 and <= 41) or (>= 45 and <= 51) or (>= 58 and <= 64)
        or 70 or (>= 81 and <= 87) or (>= 90 and <= 95) or (>= 100 and <= 107) or (>= 110 and <= 113) or (>= 120 and <= 127);

    /// <summary>True for command types in the control direction (45–64).</summary>
    /// <param name="typeId">The type.</param>
    /// <returns>Whether it is a process command.</returns>
    public static bool IsCommand(Iec104TypeId typeId) => (byte)typeId is >= 45 and <= 64;
}
