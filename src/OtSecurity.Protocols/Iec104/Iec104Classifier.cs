namespace OtSecurity.Protocols.Iec104;

/// <summary>Maps IEC 60870-5-104 APDUs to <see cref="OperationClass"/> values.</summary>
public static class Iec104Classifier
{
    /// <summary>Classifies an ASDU by its type and cause of transmission.</summary>
    /// <param name="typeId">The type.</param>
    /// <param name="cause">The cause of transmission.</param>
    /// <returns>
    /// Process commands (45–64) → Control; C_IC, C_CI, C_RD → Read; C_CS and C_CD → TimeSync; C_RP → DeviceState;
    /// C_TS → Diagnostic; parameters (110–113) → Write; file transfer (120–127) → FileTransfer; security types → Security;
    /// M_EI → Event; monitor data (1–41) → Event when spontaneous or periodic, Read otherwise (interrogated, requested).
    /// </returns>
    public static OperationClass Classify(Iec104TypeId typeId, Iec104Cause cause) => (byte)typeId switch
    {
        >= 45 and <= 64 => OperationClass.Control,
        100 or 101 or 102 => OperationClass.Read,
        103 or 106 => OperationClass.TimeSync,
        105 => OperationClass.DeviceState,
        104 or 107 => OperationClass.Diagnostic,
        >= 110 and <= 113 => OperationClass.Write,
        >= 120 and <= 127 => OperationClass.FileTransfer,
        (>= 81 and <= 87) or (>= 90 and <= 95) => OperationClass.Security,
        70 => OperationClass.Event,
        >= 1 and <= 41 => cause is Iec104Cause.Spontaneous or Iec104Cause.Periodic or Iec104Cause.Background ? OperationClass.Event : OperationClass.Read,
        _ => OperationClass.Unknown,
    };

    /// <summary>Classifies an APDU: S- and U-format → Session; I-format by its ASDU.</summary>
    /// <param name="apdu">The APDU.</param>
    /// <returns>The class.</returns>
    public static OperationClass Classify(in Iec104Apdu apdu) => apdu.Format == Iec104FrameFormat.I
        ? Classify(apdu.Asdu.Header.TypeId, apdu.Asdu.Header.Cause)
        : OperationClass.Session;
}
