using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Protocols.Tests.Dnp3;

public class Dnp3ClassifierTests
{
    [Theory]
    [InlineData(Dnp3FunctionCode.Confirm, OperationClass.Session)]
    [InlineData(Dnp3FunctionCode.Read, OperationClass.Read)]
    [InlineData(Dnp3FunctionCode.Write, OperationClass.Write)]
    [InlineData(Dnp3FunctionCode.Select, OperationClass.Control)]
    [InlineData(Dnp3FunctionCode.Operate, OperationClass.Control)]
    [InlineData(Dnp3FunctionCode.DirectOperate, OperationClass.Control)]
    [InlineData(Dnp3FunctionCode.DirectOperateNoResponse, OperationClass.Control)]
    [InlineData(Dnp3FunctionCode.ImmediateFreeze, OperationClass.Control)]
    [InlineData(Dnp3FunctionCode.FreezeAtTimeNoResponse, OperationClass.Control)]
    [InlineData(Dnp3FunctionCode.ColdRestart, OperationClass.DeviceState)]
    [InlineData(Dnp3FunctionCode.WarmRestart, OperationClass.DeviceState)]
    [InlineData(Dnp3FunctionCode.InitializeData, OperationClass.DeviceState)]
    [InlineData(Dnp3FunctionCode.InitializeApplication, OperationClass.DeviceState)]
    [InlineData(Dnp3FunctionCode.StartApplication, OperationClass.DeviceState)]
    [InlineData(Dnp3FunctionCode.StopApplication, OperationClass.DeviceState)]
    [InlineData(Dnp3FunctionCode.SaveConfiguration, OperationClass.Program)]
    [InlineData(Dnp3FunctionCode.EnableUnsolicited, OperationClass.Event)]
    [InlineData(Dnp3FunctionCode.DisableUnsolicited, OperationClass.Event)]
    [InlineData(Dnp3FunctionCode.AssignClass, OperationClass.Event)]
    [InlineData(Dnp3FunctionCode.DelayMeasure, OperationClass.TimeSync)]
    [InlineData(Dnp3FunctionCode.RecordCurrentTime, OperationClass.TimeSync)]
    [InlineData(Dnp3FunctionCode.OpenFile, OperationClass.FileTransfer)]
    [InlineData(Dnp3FunctionCode.CloseFile, OperationClass.FileTransfer)]
    [InlineData(Dnp3FunctionCode.DeleteFile, OperationClass.FileTransfer)]
    [InlineData(Dnp3FunctionCode.GetFileInformation, OperationClass.FileTransfer)]
    [InlineData(Dnp3FunctionCode.AuthenticateFile, OperationClass.FileTransfer)]
    [InlineData(Dnp3FunctionCode.AbortFile, OperationClass.FileTransfer)]
    [InlineData(Dnp3FunctionCode.ActivateConfiguration, OperationClass.Program)]
    [InlineData(Dnp3FunctionCode.AuthenticateRequest, OperationClass.Security)]
    [InlineData(Dnp3FunctionCode.AuthenticateRequestNoAcknowledgement, OperationClass.Security)]
    [InlineData(Dnp3FunctionCode.Response, OperationClass.Read)]
    [InlineData(Dnp3FunctionCode.UnsolicitedResponse, OperationClass.Event)]
    [InlineData(Dnp3FunctionCode.AuthenticateResponse, OperationClass.Security)]
    public void Classify_Function_ReturnsClass(Dnp3FunctionCode function, OperationClass expected)
    {
        Assert.Equal(expected, Dnp3Classifier.Classify(function));
    }

    [Fact]
    public void Classify_EveryDefinedFunction_IsClassified()
    {
        foreach (Dnp3FunctionCode function in Enum.GetValues<Dnp3FunctionCode>())
        {
            Assert.NotEqual(OperationClass.Unknown, Dnp3Classifier.Classify(function));
        }
    }

    [Fact]
    public void Classify_WriteOfInternalIndications_IsWrite()
    {
        // WRITE g80v1 index 7 = 0: clear IIN1.7 DEVICE_RESTART.
        byte[] bytes = Dnp3Hex.Bytes("C3 02 50 01 00 07 07 00");
        Assert.Equal(System.Buffers.OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Assert.Equal(OperationClass.Write, Dnp3Classifier.Classify(fragment));
    }

    [Fact]
    public void ClassifyLinkFrame_IsSession()
    {
        Assert.Equal(OperationClass.Session, Dnp3Classifier.ClassifyLinkFrame(new Dnp3LinkHeader(5, 0xC9, 1, 2)));
    }

    [Fact]
    public void ExpectsNoResponse_NoResponseFunctions()
    {
        Assert.True(Dnp3FunctionCodes.ExpectsNoResponse(Dnp3FunctionCode.DirectOperateNoResponse));
        Assert.True(Dnp3FunctionCodes.ExpectsNoResponse(Dnp3FunctionCode.Confirm));
        Assert.False(Dnp3FunctionCodes.ExpectsNoResponse(Dnp3FunctionCode.Read));
        Assert.True(Dnp3FunctionCodes.HeaderCarriesData(Dnp3FunctionCode.FreezeAtTime, 50, 2));
        Assert.False(Dnp3FunctionCodes.HeaderCarriesData(Dnp3FunctionCode.FreezeAtTime, 20, 0));
        Assert.False(Dnp3FunctionCodes.HeaderCarriesData(Dnp3FunctionCode.Write, 30, 0));
    }
}
