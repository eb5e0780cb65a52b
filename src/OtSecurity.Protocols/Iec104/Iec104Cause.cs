namespace OtSecurity.Protocols.Iec104;

/// <summary>Cause of transmission (IEC 60870-5-101 §7.2.3, 6 bits; causes 14–16 from IEC 60870-5-7).</summary>
public enum Iec104Cause : byte
{
    /// <summary>Periodic, cyclic (per/cyc).</summary>
    Periodic = 1,

    /// <summary>Background scan (back).</summary>
    Background = 2,

    /// <summary>Spontaneous (spont).</summary>
    Spontaneous = 3,

    /// <summary>Initialized (init).</summary>
    Initialized = 4,

    /// <summary>Request or requested (req).</summary>
    Request = 5,

    /// <summary>Activation (act).</summary>
    Activation = 6,

    /// <summary>Activation confirmation (actcon).</summary>
    ActivationConfirmation = 7,

    /// <summary>Deactivation (deact).</summary>
    Deactivation = 8,

    /// <summary>Deactivation confirmation (deactcon).</summary>
    DeactivationConfirmation = 9,

    /// <summary>Activation termination (actterm).</summary>
    ActivationTermination = 10,

    /// <summary>Return information caused by a remote command (retrem).</summary>
    ReturnRemote = 11,

    /// <summary>Return information caused by a local command (retloc).</summary>
    ReturnLocal = 12,

    /// <summary>File transfer (file).</summary>
    FileTransfer = 13,

    /// <summary>Authentication (auth, IEC 60870-5-7).</summary>
    Authentication = 14,

    /// <summary>Maintenance of authentication session key (seskey, IEC 60870-5-7).</summary>
    SessionKey = 15,

    /// <summary>Maintenance of user role and update key (usrkey, IEC 60870-5-7).</summary>
    UserKey = 16,

    /// <summary>Interrogated by station interrogation (inrogen).</summary>
    InterrogatedByStation = 20,

    /// <summary>Interrogated by group 1 interrogation.</summary>
    InterrogatedByGroup1 = 21,

    /// <summary>Interrogated by group 2 interrogation.</summary>
    InterrogatedByGroup2 = 22,

    /// <summary>Interrogated by group 3 interrogation.</summary>
    InterrogatedByGroup3 = 23,

    /// <summary>Interrogated by group 4 interrogation.</summary>
    InterrogatedByGroup4 = 24,

    /// <summary>Interrogated by group 5 interrogation.</summary>
    InterrogatedByGroup5 = 25,

    /// <summary>Interrogated by group 6 interrogation.</summary>
    InterrogatedByGroup6 = 26,

    /// <summary>Interrogated by group 7 interrogation.</summary>
    InterrogatedByGroup7 = 27,

    /// <summary>Interrogated by group 8 interrogation.</summary>
    InterrogatedByGroup8 = 28,

    /// <summary>Interrogated by group 9 interrogation.</summary>
    InterrogatedByGroup9 = 29,

    /// <summary>Interrogated by group 10 interrogation.</summary>
    InterrogatedByGroup10 = 30,

    /// <summary>Interrogated by group 11 interrogation.</summary>
    InterrogatedByGroup11 = 31,

    /// <summary>Interrogated by group 12 interrogation.</summary>
    InterrogatedByGroup12 = 32,

    /// <summary>Interrogated by group 13 interrogation.</summary>
    InterrogatedByGroup13 = 33,

    /// <summary>Interrogated by group 14 interrogation.</summary>
    InterrogatedByGroup14 = 34,

    /// <summary>Interrogated by group 15 interrogation.</summary>
    InterrogatedByGroup15 = 35,

    /// <summary>Interrogated by group 16 interrogation.</summary>
    InterrogatedByGroup16 = 36,

    /// <summary>Requested by general counter request (reqcogen).</summary>
    RequestedByGeneralCounter = 37,

    /// <summary>Requested by group 1 counter request.</summary>
    RequestedByGroup1Counter = 38,

    /// <summary>Requested by group 2 counter request.</summary>
    RequestedByGroup2Counter = 39,

    /// <summary>Requested by group 3 counter request.</summary>
    RequestedByGroup3Counter = 40,

    /// <summary>Requested by group 4 counter request.</summary>
    RequestedByGroup4Counter = 41,

    /// <summary>Unknown type identification.</summary>
    UnknownTypeId = 44,

    /// <summary>Unknown cause of transmission.</summary>
    UnknownCause = 45,

    /// <summary>Unknown common address of ASDU.</summary>
    UnknownCommonAddress = 46,

    /// <summary>Unknown information object address.</summary>
    UnknownInformationObjectAddress = 47,
}
