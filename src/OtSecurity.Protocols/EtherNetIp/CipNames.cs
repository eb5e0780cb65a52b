using System.Globalization;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>Names and operation classes of encapsulation commands and CIP services.</summary>
public static class CipNames
{
    /// <summary>The name of an encapsulation command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The name (legacy and reserved values are named by number).</returns>
    public static string GetCommandName(ushort command) => Encapsulation.IsDefined(command)
        ? Enum.GetName((EncapsulationCommand)command)!
        : string.Create(CultureInfo.InvariantCulture, $"Command0x{command:X4}");

    /// <summary>What an encapsulation command does (SendRRData and SendUnitData are classified by their CIP service).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyCommand(ushort command) => (EncapsulationCommand)command switch
    {
        EncapsulationCommand.ListIdentity or EncapsulationCommand.ListServices or EncapsulationCommand.ListInterfaces => OperationClass.Discovery,
        EncapsulationCommand.RegisterSession or EncapsulationCommand.UnRegisterSession or EncapsulationCommand.Nop => OperationClass.Session,
        EncapsulationCommand.StartDtls => OperationClass.Security,
        _ => OperationClass.Unknown,
    };

    /// <summary>
    /// The name of a CIP service. Codes 0x4B..0x63 are object specific, so the class (or a symbolic path, which
    /// addresses a Logix tag) decides their name.
    /// </summary>
    /// <param name="service">The service code (without the response bit).</param>
    /// <param name="classId">The class of the request path, when known.</param>
    /// <param name="symbolic">True when the request path addresses a tag by name.</param>
    /// <returns>The name.</returns>
    public static string GetServiceName(byte service, uint? classId, bool symbolic)
    {
        service &= 0x7F;
        if (service < 0x4B)
        {
            return Enum.GetName((CipService)service) ?? string.Create(CultureInfo.InvariantCulture, $"Service0x{service:X2}");
        }

        string? name = (classId, symbolic) switch
        {
            (Cip.ConnectionManagerClass, _) => service switch
            {
                0x4E => "ForwardClose",
                0x52 => "UnconnectedSend",
                0x54 => "ForwardOpen",
                0x56 => "GetConnectionData",
                0x57 => "SearchConnectionData",
                0x5A => "GetConnectionOwner",
                0x5B => "LargeForwardOpen",
                _ => null,
            },
            (Cip.SymbolClass, _) or (null, true) => service switch
            {
                0x4C => "ReadTag",
                0x4D => "WriteTag",
                0x4E => "ReadModifyWriteTag",
                0x52 => "ReadTagFragmented",
                0x53 => "WriteTagFragmented",
                0x55 => "GetInstanceAttributeList",
                _ => null,
            },
            (Cip.TemplateClass, _) => service == 0x4C ? "ReadTemplate" : null,
            (Cip.PcccClass, _) => service switch
            {
                0x4B => "ExecutePccc",
                0x4C => "ExecuteDhPlus",
                0x4D => "ExecuteLocalPccc",
                _ => null,
            },
            (Cip.FileClass, _) => service switch
            {
                0x4B => "InitiateUpload",
                0x4C => "InitiateDownload",
                0x4D => "InitiatePartialRead",
                0x4E => "InitiatePartialWrite",
                0x4F => "UploadTransfer",
                0x50 => "DownloadTransfer",
                0x51 => "ClearFile",
                _ => null,
            },
            _ => null,
        };
        return name ?? string.Create(CultureInfo.InvariantCulture, $"Service0x{service:X2}");
    }

    /// <summary>What a CIP service does.</summary>
    /// <param name="service">The service code (without the response bit).</param>
    /// <param name="classId">The class of the request path, when known.</param>
    /// <param name="symbolic">True when the request path addresses a tag by name.</param>
    /// <returns>The operation class.</returns>
    public static OperationClass ClassifyService(byte service, uint? classId, bool symbolic)
    {
        service &= 0x7F;
        if (service < 0x4B)
        {
            return (CipService)service switch
            {
                CipService.GetAttributesAll or CipService.GetAttributeList or CipService.GetAttributeSingle
                    when classId == Cip.IdentityClass => OperationClass.Identification,
                CipService.GetAttributesAll or CipService.GetAttributeList or CipService.GetAttributeSingle or CipService.GetMember
                    or CipService.FindNextObjectInstance or CipService.GetConnectionPointMemberList => OperationClass.Read,
                CipService.SetAttributesAll or CipService.SetAttributeList or CipService.SetAttributeSingle or CipService.SetMember
                    or CipService.InsertMember or CipService.RemoveMember or CipService.Create or CipService.Delete
                    or CipService.ApplyAttributes or CipService.Save or CipService.Restore => OperationClass.Write,
                CipService.Reset or CipService.Start or CipService.Stop => OperationClass.DeviceState,
                CipService.NoOperation => OperationClass.Diagnostic,
                _ => OperationClass.Unknown,
            };
        }

        if (classId == Cip.ConnectionManagerClass)
        {
            return service switch
            {
                0x4E or 0x54 or 0x5B => OperationClass.Session,
                0x56 or 0x57 or 0x5A => OperationClass.Read,
                _ => OperationClass.Unknown,
            };
        }

        if (classId == Cip.SymbolClass || (classId is null && symbolic))
        {
            return service switch
            {
                0x4C or 0x52 or 0x55 => OperationClass.Read,
                0x4D or 0x4E or 0x53 => OperationClass.Write,
                _ => OperationClass.Unknown,
            };
        }

        if (classId == Cip.TemplateClass)
        {
            return service == 0x4C ? OperationClass.Read : OperationClass.Unknown;
        }

        if (classId == Cip.FileClass)
        {
            return service is >= 0x4B and <= 0x51 ? OperationClass.FileTransfer : OperationClass.Unknown;
        }

        return OperationClass.Unknown;
    }
}
