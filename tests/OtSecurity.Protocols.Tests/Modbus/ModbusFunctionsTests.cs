using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

public class ModbusFunctionsTests
{
    [Theory]
    [InlineData(1, OperationClass.Read)]
    [InlineData(2, OperationClass.Read)]
    [InlineData(3, OperationClass.Read)]
    [InlineData(4, OperationClass.Read)]
    [InlineData(5, OperationClass.Write)]
    [InlineData(6, OperationClass.Write)]
    [InlineData(7, OperationClass.Diagnostic)]
    [InlineData(8, OperationClass.Diagnostic)]
    [InlineData(11, OperationClass.Diagnostic)]
    [InlineData(12, OperationClass.Diagnostic)]
    [InlineData(15, OperationClass.Write)]
    [InlineData(16, OperationClass.Write)]
    [InlineData(17, OperationClass.Identification)]
    [InlineData(20, OperationClass.FileTransfer)]
    [InlineData(21, OperationClass.FileTransfer)]
    [InlineData(22, OperationClass.Write)]
    [InlineData(23, OperationClass.Write)]
    [InlineData(24, OperationClass.Read)]
    [InlineData(43, OperationClass.Identification)]
    [InlineData(0x83, OperationClass.Read)]
    [InlineData(65, OperationClass.Unknown)]
    [InlineData(100, OperationClass.Unknown)]
    [InlineData(9, OperationClass.Unknown)]
    public void Classify_EveryPublicFunction(byte function, OperationClass expected)
    {
        Assert.Equal(expected, ModbusFunctions.Classify(function));
    }

    [Fact]
    public void Classify_Pdu_TellsMeiTypesApart()
    {
        Assert.True(ModbusPdu.TryRead(Hex.Parse("2B 0E 01 00"), ModbusDirection.Request, out ModbusPdu id));
        Assert.Equal(OperationClass.Identification, ModbusFunctions.Classify(id));
        Assert.True(ModbusPdu.TryRead(Hex.Parse("2B 0D 00"), ModbusDirection.Request, out ModbusPdu canOpen));
        Assert.Equal(OperationClass.Unknown, ModbusFunctions.Classify(canOpen));
        Assert.True(ModbusPdu.TryRead(Hex.Parse("AB 01"), ModbusDirection.Response, out ModbusPdu exception));
        Assert.Equal(OperationClass.Identification, ModbusFunctions.Classify(exception));
    }

    [Theory]
    [InlineData(ModbusDiagnosticSubFunction.ReturnQueryData, false)]
    [InlineData(ModbusDiagnosticSubFunction.RestartCommunicationsOption, true)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnDiagnosticRegister, false)]
    [InlineData(ModbusDiagnosticSubFunction.ChangeAsciiInputDelimiter, true)]
    [InlineData(ModbusDiagnosticSubFunction.ForceListenOnlyMode, true)]
    [InlineData(ModbusDiagnosticSubFunction.ClearCountersAndDiagnosticRegister, true)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnBusMessageCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnBusCommunicationErrorCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnBusExceptionErrorCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnServerMessageCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnServerNoResponseCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnServerNakCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnServerBusyCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ReturnBusCharacterOverrunCount, false)]
    [InlineData(ModbusDiagnosticSubFunction.ClearOverrunCounterAndFlag, true)]
    [InlineData((ModbusDiagnosticSubFunction)5, true)]
    [InlineData((ModbusDiagnosticSubFunction)19, true)]
    public void ChangesState_DiagnosticSubFunctions(ModbusDiagnosticSubFunction subFunction, bool expected)
    {
        Assert.Equal(expected, ModbusFunctions.ChangesState(subFunction));
        byte[] pdu = [0x08, (byte)((ushort)subFunction >> 8), (byte)subFunction, 0x00, 0x00];
        Assert.True(ModbusPdu.TryRead(pdu, ModbusDirection.Request, out ModbusPdu read));
        Assert.Equal(expected, ModbusFunctions.ChangesState(read));
        Assert.Equal(OperationClass.Diagnostic, ModbusFunctions.Classify(read));
    }

    [Fact]
    public void ChangesState_OnlyReadOnlyFunctionsAreFalse()
    {
        ModbusFunctionCode[] readOnly =
        [
            ModbusFunctionCode.ReadCoils, ModbusFunctionCode.ReadDiscreteInputs, ModbusFunctionCode.ReadHoldingRegisters,
            ModbusFunctionCode.ReadInputRegisters, ModbusFunctionCode.ReadExceptionStatus, ModbusFunctionCode.GetCommEventCounter,
            ModbusFunctionCode.GetCommEventLog, ModbusFunctionCode.ReportServerId, ModbusFunctionCode.ReadFileRecord,
            ModbusFunctionCode.ReadFifoQueue,
        ];
        for (int f = 0; f < 128; f++)
        {
            Assert.Equal(!readOnly.Contains((ModbusFunctionCode)f), ModbusFunctions.ChangesState((ModbusFunctionCode)f));
        }

        Assert.True(ModbusPdu.TryRead(Hex.Parse("2B 0E 01 00"), ModbusDirection.Request, out ModbusPdu id));
        Assert.False(ModbusFunctions.ChangesState(id));
        Assert.True(ModbusPdu.TryRead(Hex.Parse("2B 0D 00"), ModbusDirection.Request, out ModbusPdu canOpen));
        Assert.True(ModbusFunctions.ChangesState(canOpen));
    }

    [Fact]
    public void Names_EveryPublicFunctionAndSubFunction()
    {
        foreach (ModbusFunctionCode code in Enum.GetValues<ModbusFunctionCode>())
        {
            Assert.Equal(code.ToString(), ModbusFunctions.GetName((byte)code));
            Assert.Equal(code.ToString(), ModbusFunctions.GetName((byte)((byte)code | 0x80)));
            Assert.True(ModbusFunctions.IsPublic((byte)code));
        }

        foreach (ModbusDiagnosticSubFunction sub in Enum.GetValues<ModbusDiagnosticSubFunction>())
        {
            Assert.Equal(sub.ToString(), ModbusFunctions.GetName(sub));
        }

        Assert.Null(ModbusFunctions.GetName(65));
        Assert.Null(ModbusFunctions.GetName((ModbusDiagnosticSubFunction)19));
        Assert.Equal(19, Enumerable.Range(0, 128).Count(f => ModbusFunctions.IsPublic((byte)f)));
        Assert.Equal(19, Enumerable.Range(0, 128).Count(f => ModbusFunctions.IsUserDefined((byte)f)));
    }

    [Fact]
    public void GetName_EveryExceptionCode_AndNullForUndefinedCodes()
    {
        foreach (ModbusExceptionCode code in Enum.GetValues<ModbusExceptionCode>())
        {
            Assert.Equal(code.ToString(), ModbusFunctions.GetName(code));
        }

        Assert.Equal(10, Enum.GetValues<ModbusExceptionCode>().Length);
        Assert.Null(ModbusFunctions.GetName((ModbusExceptionCode)0));
        Assert.Null(ModbusFunctions.GetName((ModbusExceptionCode)9));
        Assert.Null(ModbusFunctions.GetName((ModbusExceptionCode)0x0C));
    }
}
