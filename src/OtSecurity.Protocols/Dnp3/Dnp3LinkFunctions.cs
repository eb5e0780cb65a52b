namespace OtSecurity.Protocols.Dnp3;

/// <summary>Link layer function codes of frames sent by the primary station, PRM = 1 (IEEE 1815-2012 §9.2.4.1.3, Table 9-1).</summary>
public enum Dnp3PrimaryFunction : byte
{
    /// <summary>RESET_LINK_STATES: resets the secondary's link state (expects ACK).</summary>
    ResetLinkStates = 0,

    /// <summary>RESET_USER_PROCESS: obsolete since IEEE 1815-2010; kept for recognition.</summary>
    ResetUserProcess = 1,

    /// <summary>TEST_LINK_STATES: tests the link with the FCB (expects ACK).</summary>
    TestLinkStates = 2,

    /// <summary>CONFIRMED_USER_DATA: user data that the secondary acknowledges at link level.</summary>
    ConfirmedUserData = 3,

    /// <summary>UNCONFIRMED_USER_DATA: user data without link-level acknowledgement.</summary>
    UnconfirmedUserData = 4,

    /// <summary>REQUEST_LINK_STATUS: asks the secondary for LINK_STATUS (keep-alive).</summary>
    RequestLinkStatus = 9,
}

/// <summary>Link layer function codes of frames sent by the secondary station, PRM = 0 (IEEE 1815-2012 §9.2.4.1.3, Table 9-2).</summary>
public enum Dnp3SecondaryFunction : byte
{
    /// <summary>ACK: positive acknowledgement.</summary>
    Ack = 0,

    /// <summary>NACK: negative acknowledgement (message not accepted, link reset needed or buffer full).</summary>
    Nack = 1,

    /// <summary>LINK_STATUS: answer to REQUEST_LINK_STATUS.</summary>
    LinkStatus = 11,

    /// <summary>LINK_SERVICE_NOT_FUNCTIONING: obsolete since IEEE 1815-2010; kept for recognition.</summary>
    LinkServiceNotFunctioning = 14,

    /// <summary>NOT_SUPPORTED: the requested link service is not implemented.</summary>
    NotSupported = 15,
}
