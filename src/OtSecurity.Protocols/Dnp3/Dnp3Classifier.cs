namespace OtSecurity.Protocols.Dnp3;

/// <summary>Maps DNP3 functions to <see cref="OperationClass"/> values.</summary>
public static class Dnp3Classifier
{
    /// <summary>Classifies an application function without looking at its objects.</summary>
    /// <param name="function">The function.</param>
    /// <returns>
    /// READ → Read; WRITE → Write; SELECT, OPERATE, DIRECT_OPERATE(_NR) and the freeze functions → Control;
    /// restarts, INITIALIZE_*, START/STOP_APPL → DeviceState; SAVE_CONFIG and ACTIVATE_CONFIG → Program;
    /// file functions (25–30) → FileTransfer; DELAY_MEASURE and RECORD_CURRENT_TIME → TimeSync;
    /// unsolicited responses, ENABLE/DISABLE_UNSOLICITED and ASSIGN_CLASS → Event; Secure Authentication → Security;
    /// CONFIRM → Session; RESPONSE → Read (the dissector refines it with the matched request).
    /// </returns>
    public static OperationClass Classify(Dnp3FunctionCode function) => function switch
    {
        Dnp3FunctionCode.Confirm => OperationClass.Session,
        Dnp3FunctionCode.Read => OperationClass.Read,
        Dnp3FunctionCode.Write => OperationClass.Write,
        Dnp3FunctionCode.Select or Dnp3FunctionCode.Operate or Dnp3FunctionCode.DirectOperate or Dnp3FunctionCode.DirectOperateNoResponse
            or Dnp3FunctionCode.ImmediateFreeze or Dnp3FunctionCode.ImmediateFreezeNoResponse or Dnp3FunctionCode.FreezeClear
            or Dnp3FunctionCode.FreezeClearNoResponse or Dnp3FunctionCode.FreezeAtTime or Dnp3FunctionCode.FreezeAtTimeNoResponse => OperationClass.Control,
        Dnp3FunctionCode.ColdRestart or Dnp3FunctionCode.WarmRestart or Dnp3FunctionCode.InitializeData or Dnp3FunctionCode.InitializeApplication
            or Dnp3FunctionCode.StartApplication or Dnp3FunctionCode.StopApplication => OperationClass.DeviceState,
        Dnp3FunctionCode.SaveConfiguration or Dnp3FunctionCode.ActivateConfiguration => OperationClass.Program,
        Dnp3FunctionCode.EnableUnsolicited or Dnp3FunctionCode.DisableUnsolicited or Dnp3FunctionCode.AssignClass
            or Dnp3FunctionCode.UnsolicitedResponse => OperationClass.Event,
        Dnp3FunctionCode.DelayMeasure or Dnp3FunctionCode.RecordCurrentTime => OperationClass.TimeSync,
        Dnp3FunctionCode.OpenFile or Dnp3FunctionCode.CloseFile or Dnp3FunctionCode.DeleteFile or Dnp3FunctionCode.GetFileInformation
            or Dnp3FunctionCode.AuthenticateFile or Dnp3FunctionCode.AbortFile => OperationClass.FileTransfer,
        Dnp3FunctionCode.AuthenticateRequest or Dnp3FunctionCode.AuthenticateRequestNoAcknowledgement
            or Dnp3FunctionCode.AuthenticateResponse => OperationClass.Security,
        Dnp3FunctionCode.Response => OperationClass.Read,
        _ => OperationClass.Unknown,
    };

    /// <summary>Classifies a fragment: as <see cref="Classify(Dnp3FunctionCode)"/>, except that a WRITE of group 50 (time and date) is TimeSync.</summary>
    /// <param name="fragment">The fragment.</param>
    /// <returns>The class.</returns>
    public static OperationClass Classify(in Dnp3ApplicationFragment fragment)
    {
        if (fragment.Function == Dnp3FunctionCode.Write)
        {
            Dnp3ObjectReader reader = fragment.GetObjects();
            while (reader.TryReadNext(out Dnp3ObjectBlock block))
            {
                if (block.Header.Group == (byte)Dnp3ObjectGroup.TimeAndDate)
                {
                    return OperationClass.TimeSync;
                }
            }
        }

        return Classify(fragment.Function);
    }

    /// <summary>Classifies a link frame that carries no application data (link resets, tests, status, acknowledgements): Session.</summary>
    /// <param name="header">The link header.</param>
    /// <returns><see cref="OperationClass.Session"/>.</returns>
    public static OperationClass ClassifyLinkFrame(in Dnp3LinkHeader header) => OperationClass.Session;
}
