namespace OtSecurity.Protocols.S7Comm;

/// <summary>Maps S7comm PDUs to <see cref="OperationClass"/> and to the names this SDK reports.</summary>
public static class S7CommClassifier
{
    /// <summary>Classifies a PDU by what it carries alone (a response to a PI service or SZL continuation is best classified from its request).</summary>
    /// <param name="pdu">The PDU.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass Classify(in S7Pdu pdu)
    {
        if (pdu.Rosctr == S7Rosctr.UserData)
        {
            return S7UserDataParameter.TryRead(pdu.Parameter, out var ud) ? ClassifyUserData(ud, pdu.Data) : OperationClass.Unknown;
        }

        if (!pdu.HasFunction)
        {
            return OperationClass.Unknown;
        }

        return pdu.Function switch
        {
            S7Function.SetupCommunication => OperationClass.Session,
            S7Function.ReadVariable => OperationClass.Read,
            S7Function.WriteVariable => OperationClass.Write,
            S7Function.RequestDownload or S7Function.DownloadBlock or S7Function.DownloadEnded
                or S7Function.StartUpload or S7Function.Upload or S7Function.EndUpload => OperationClass.Program,
            S7Function.PiService => S7PiServiceParameter.TryRead(pdu.Parameter, out var pi) ? ClassifyPiService(pi.Service) : OperationClass.Program,
            S7Function.PlcStop => OperationClass.DeviceState,
            S7Function.CpuServices => OperationClass.Diagnostic,
            _ => OperationClass.Unknown,
        };
    }

    /// <summary>Classifies a PI service: P_PROGRAM changes the run state; the block and memory services change the program.</summary>
    /// <param name="service">The service.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyPiService(S7PiService service) => service switch
    {
        S7PiService.Program => OperationClass.DeviceState,
        _ => OperationClass.Program,
    };

    /// <summary>Classifies a userdata PDU by group and subfunction (and, for SZL reads, the SZL id).</summary>
    /// <param name="parameter">The userdata parameter.</param>
    /// <param name="data">The data part.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyUserData(in S7UserDataParameter parameter, ReadOnlySpan<byte> data)
    {
        byte sub = parameter.Subfunction;
        switch (parameter.Group)
        {
            case S7UserDataGroup.ModeTransition:
                return OperationClass.DeviceState;
            case S7UserDataGroup.ProgrammerCommands:
                return (S7ProgrammerSubfunction)sub switch
                {
                    S7ProgrammerSubfunction.ModifyVariable or S7ProgrammerSubfunction.Force or S7ProgrammerSubfunction.ForceSelection => OperationClass.Write,
                    S7ProgrammerSubfunction.MemoryReset or S7ProgrammerSubfunction.ExitHold or S7ProgrammerSubfunction.Breakpoint => OperationClass.DeviceState,
                    _ => OperationClass.Diagnostic,
                };
            case S7UserDataGroup.CyclicData:
                return OperationClass.Event;
            case S7UserDataGroup.BlockFunctions:
                return OperationClass.Read;
            case S7UserDataGroup.CpuFunctions:
                if (sub == (byte)S7CpuSubfunction.ReadSzl)
                {
                    if (S7UserDataData.TryRead(data, out var d) && parameter.DataUnitReference == 0 && S7SzlRequest.TryRead(d.Payload, out var szl))
                    {
                        return szl.ListNumber is 0x11 or 0x1C ? OperationClass.Identification : OperationClass.Diagnostic;
                    }

                    return OperationClass.Diagnostic;
                }

                return sub == (byte)S7CpuSubfunction.DiagnosticMessage ? OperationClass.Diagnostic : OperationClass.Event;
            case S7UserDataGroup.Security:
                return OperationClass.Security;
            case S7UserDataGroup.ProgrammableBlockCommunication:
                return OperationClass.Event;
            case S7UserDataGroup.TimeFunctions:
                return OperationClass.TimeSync;
            case S7UserDataGroup.NcProgramming:
                return OperationClass.Program;
            default:
                return OperationClass.Unknown;
        }
    }

    /// <summary>The name of a job/ack-data function, or null when the value is not a known function.</summary>
    /// <param name="function">The function byte.</param>
    /// <returns>The name.</returns>
    public static string? FunctionName(byte function) => (S7Function)function switch
    {
        S7Function.CpuServices => "CpuServices",
        S7Function.ReadVariable => "ReadVariable",
        S7Function.WriteVariable => "WriteVariable",
        S7Function.RequestDownload => "RequestDownload",
        S7Function.DownloadBlock => "DownloadBlock",
        S7Function.DownloadEnded => "DownloadEnded",
        S7Function.StartUpload => "StartUpload",
        S7Function.Upload => "Upload",
        S7Function.EndUpload => "EndUpload",
        S7Function.PiService => "PiService",
        S7Function.PlcStop => "PlcStop",
        S7Function.SetupCommunication => "SetupCommunication",
        _ => null,
    };

    /// <summary>The name of a userdata subfunction within its group, or null when unknown.</summary>
    /// <param name="group">The function group.</param>
    /// <param name="subfunction">The subfunction.</param>
    /// <returns>The name.</returns>
    public static string? SubfunctionName(S7UserDataGroup group, byte subfunction) => group switch
    {
        S7UserDataGroup.ModeTransition => (S7ModeTransitionSubfunction)subfunction switch
        {
            S7ModeTransitionSubfunction.Stop => "Stop",
            S7ModeTransitionSubfunction.WarmRestart => "WarmRestart",
            S7ModeTransitionSubfunction.Run => "Run",
            S7ModeTransitionSubfunction.HotRestart => "HotRestart",
            S7ModeTransitionSubfunction.Hold => "Hold",
            S7ModeTransitionSubfunction.ColdRestart => "ColdRestart",
            S7ModeTransitionSubfunction.RunRedundant => "RunRedundant",
            S7ModeTransitionSubfunction.LinkUp => "LinkUp",
            S7ModeTransitionSubfunction.Update => "Update",
            _ => null,
        },
        S7UserDataGroup.ProgrammerCommands => Enum.IsDefined((S7ProgrammerSubfunction)subfunction) ? ((S7ProgrammerSubfunction)subfunction).ToString() : null,
        S7UserDataGroup.CyclicData => Enum.IsDefined((S7CyclicSubfunction)subfunction) ? ((S7CyclicSubfunction)subfunction).ToString() : null,
        S7UserDataGroup.BlockFunctions => Enum.IsDefined((S7BlockSubfunction)subfunction) ? ((S7BlockSubfunction)subfunction).ToString() : null,
        S7UserDataGroup.CpuFunctions => Enum.IsDefined((S7CpuSubfunction)subfunction) ? ((S7CpuSubfunction)subfunction).ToString() : null,
        S7UserDataGroup.Security => Enum.IsDefined((S7SecuritySubfunction)subfunction) ? ((S7SecuritySubfunction)subfunction).ToString() : null,
        S7UserDataGroup.TimeFunctions => Enum.IsDefined((S7TimeSubfunction)subfunction) ? ((S7TimeSubfunction)subfunction).ToString() : null,
        S7UserDataGroup.NcProgramming => Enum.IsDefined((S7NcProgrammingSubfunction)subfunction) ? ((S7NcProgrammingSubfunction)subfunction).ToString() : null,
        S7UserDataGroup.ProgrammableBlockCommunication => subfunction == 1 ? "BSendBReceive" : null,
        _ => null,
    };
}
