namespace OtSecurity.Protocols.Dnp3;

/// <summary>Application layer function codes (IEEE 1815-2012 §4.2.2.5, Table 4-1), every code the standard defines.</summary>
public enum Dnp3FunctionCode : byte
{
    /// <summary>CONFIRM: the master or outstation confirms a fragment.</summary>
    Confirm = 0x00,

    /// <summary>READ: requests objects.</summary>
    Read = 0x01,

    /// <summary>WRITE: stores objects (time, IIN bits, octet strings, ...).</summary>
    Write = 0x02,

    /// <summary>SELECT: first step of select-before-operate.</summary>
    Select = 0x03,

    /// <summary>OPERATE: second step of select-before-operate.</summary>
    Operate = 0x04,

    /// <summary>DIRECT_OPERATE: operates outputs without a prior select.</summary>
    DirectOperate = 0x05,

    /// <summary>DIRECT_OPERATE_NR: direct operate, no response.</summary>
    DirectOperateNoResponse = 0x06,

    /// <summary>IMMED_FREEZE: copies counters to frozen counters.</summary>
    ImmediateFreeze = 0x07,

    /// <summary>IMMED_FREEZE_NR: immediate freeze, no response.</summary>
    ImmediateFreezeNoResponse = 0x08,

    /// <summary>FREEZE_CLEAR: freezes counters, then clears them.</summary>
    FreezeClear = 0x09,

    /// <summary>FREEZE_CLEAR_NR: freeze and clear, no response.</summary>
    FreezeClearNoResponse = 0x0A,

    /// <summary>FREEZE_AT_TIME: freezes at a given time and interval.</summary>
    FreezeAtTime = 0x0B,

    /// <summary>FREEZE_AT_TIME_NR: freeze at time, no response.</summary>
    FreezeAtTimeNoResponse = 0x0C,

    /// <summary>COLD_RESTART: full restart of the outstation.</summary>
    ColdRestart = 0x0D,

    /// <summary>WARM_RESTART: partial restart of the outstation.</summary>
    WarmRestart = 0x0E,

    /// <summary>INITIALIZE_DATA: obsolete; initializes data to initial or default values.</summary>
    InitializeData = 0x0F,

    /// <summary>INITIALIZE_APPL: prepares applications to run.</summary>
    InitializeApplication = 0x10,

    /// <summary>START_APPL: starts applications.</summary>
    StartApplication = 0x11,

    /// <summary>STOP_APPL: stops applications.</summary>
    StopApplication = 0x12,

    /// <summary>SAVE_CONFIG: deprecated; saves the configuration.</summary>
    SaveConfiguration = 0x13,

    /// <summary>ENABLE_UNSOLICITED: enables unsolicited responses for event classes.</summary>
    EnableUnsolicited = 0x14,

    /// <summary>DISABLE_UNSOLICITED: disables unsolicited responses for event classes.</summary>
    DisableUnsolicited = 0x15,

    /// <summary>ASSIGN_CLASS: assigns points to event classes.</summary>
    AssignClass = 0x16,

    /// <summary>DELAY_MEASURE: measures the propagation delay for time synchronization.</summary>
    DelayMeasure = 0x17,

    /// <summary>RECORD_CURRENT_TIME: LAN time synchronization, the outstation records its time of reception.</summary>
    RecordCurrentTime = 0x18,

    /// <summary>OPEN_FILE: opens a file.</summary>
    OpenFile = 0x19,

    /// <summary>CLOSE_FILE: closes a file.</summary>
    CloseFile = 0x1A,

    /// <summary>DELETE_FILE: deletes a file.</summary>
    DeleteFile = 0x1B,

    /// <summary>GET_FILE_INFO: retrieves file information.</summary>
    GetFileInformation = 0x1C,

    /// <summary>AUTHENTICATE_FILE: obtains an authentication key for file operations.</summary>
    AuthenticateFile = 0x1D,

    /// <summary>ABORT_FILE: aborts a file transfer.</summary>
    AbortFile = 0x1E,

    /// <summary>ACTIVATE_CONFIG: activates a configuration (file or string).</summary>
    ActivateConfiguration = 0x1F,

    /// <summary>AUTHENTICATE_REQ: Secure Authentication request (group 120 objects).</summary>
    AuthenticateRequest = 0x20,

    /// <summary>AUTH_REQ_NO_ACK: Secure Authentication request needing no application confirm.</summary>
    AuthenticateRequestNoAcknowledgement = 0x21,

    /// <summary>RESPONSE: the outstation's answer to a request.</summary>
    Response = 0x81,

    /// <summary>UNSOLICITED_RESPONSE: data the outstation sends without a request.</summary>
    UnsolicitedResponse = 0x82,

    /// <summary>AUTHENTICATE_RESP: Secure Authentication response (challenge, error, ...).</summary>
    AuthenticateResponse = 0x83,
}

/// <summary>Facts about <see cref="Dnp3FunctionCode"/> values.</summary>
public static class Dnp3FunctionCodes
{
    /// <summary>True when IEEE 1815-2012 defines <paramref name="code"/>.</summary>
    /// <param name="code">The octet.</param>
    /// <returns>Whether it names a function.</returns>
    public static bool IsDefined(byte code) => code <= 0x21 || (code >= 0x81 && code <= 0x83);

    /// <summary>True for the codes only an outstation sends (RESPONSE, UNSOLICITED_RESPONSE, AUTHENTICATE_RESP), which carry internal indications.</summary>
    /// <param name="code">The function.</param>
    /// <returns>Whether the fragment has the 4-octet response header.</returns>
    public static bool IsResponse(Dnp3FunctionCode code) => (byte)code >= 0x81;

    /// <summary>True for requests whose object headers carry no object data (READ, freezes, unsolicited control, ASSIGN_CLASS).</summary>
    /// <param name="code">The function.</param>
    /// <returns>Whether headers are bare (except group 50 with FREEZE_AT_TIME, see <see cref="HeaderCarriesData"/>).</returns>
    public static bool HasBareObjectHeaders(Dnp3FunctionCode code) => code is Dnp3FunctionCode.Read
        or Dnp3FunctionCode.ImmediateFreeze or Dnp3FunctionCode.ImmediateFreezeNoResponse
        or Dnp3FunctionCode.FreezeClear or Dnp3FunctionCode.FreezeClearNoResponse
        or Dnp3FunctionCode.FreezeAtTime or Dnp3FunctionCode.FreezeAtTimeNoResponse
        or Dnp3FunctionCode.EnableUnsolicited or Dnp3FunctionCode.DisableUnsolicited
        or Dnp3FunctionCode.AssignClass or Dnp3FunctionCode.InitializeData;

    /// <summary>True when an object header with this group and variation carries object data in a fragment with this function.</summary>
    /// <param name="code">The fragment's function.</param>
    /// <param name="group">The object group.</param>
    /// <param name="variation">The variation (0 means "any variation" and never carries data).</param>
    /// <returns>Whether data follows the header.</returns>
    public static bool HeaderCarriesData(Dnp3FunctionCode code, byte group, byte variation)
    {
        if (variation == 0 && group != 0)
        {
            return false;
        }

        if (code is Dnp3FunctionCode.FreezeAtTime or Dnp3FunctionCode.FreezeAtTimeNoResponse)
        {
            // §4.4.8: the freeze time and interval travel as a group 50 variation 2 object.
            return group == 50;
        }

        return !HasBareObjectHeaders(code);
    }

    /// <summary>True when the outstation does not answer this request (CONFIRM and the *_NR functions).</summary>
    /// <param name="code">The function.</param>
    /// <returns>Whether no response is expected.</returns>
    public static bool ExpectsNoResponse(Dnp3FunctionCode code) => code is Dnp3FunctionCode.Confirm
        or Dnp3FunctionCode.DirectOperateNoResponse or Dnp3FunctionCode.ImmediateFreezeNoResponse
        or Dnp3FunctionCode.FreezeClearNoResponse or Dnp3FunctionCode.FreezeAtTimeNoResponse
        or Dnp3FunctionCode.AuthenticateRequestNoAcknowledgement
        or Dnp3FunctionCode.Response or Dnp3FunctionCode.UnsolicitedResponse or Dnp3FunctionCode.AuthenticateResponse;
}
