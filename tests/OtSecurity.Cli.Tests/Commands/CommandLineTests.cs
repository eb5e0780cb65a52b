namespace OtSecurity.Cli.Tests.Commands;

public class CommandLineTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("audit")]
    public void UnknownFormat_Exits2_NamingTheAllowedValues(string command)
    {
        CliRunner.Result result = CliRunner.Run(command, "--format", "xml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("'xml'", result.Error, StringComparison.Ordinal);
        Assert.Contains("table", result.Error, StringComparison.Ordinal);
        Assert.Contains("json", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Run 'otsec {command} --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_Exits2()
    {
        CliRunner.Result result = CliRunner.Run("validate", "--colour");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_Exits2()
    {
        CliRunner.Result result = CliRunner.Run("frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'otsec --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommand_Exits2_AskingForOne()
    {
        CliRunner.Result result = CliRunner.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("command", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TooManyArguments_Exits2()
    {
        CliRunner.Result result = CliRunner.Run("validate", "a.json", "b.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("b.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommands_AndExits0()
    {
        CliRunner.Result result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("audit", result.Output, StringComparison.Ordinal);
        Assert.Contains("validate", result.Output, StringComparison.Ordinal);

        CliRunner.Result validateHelp = CliRunner.Run("validate", "--help");
        Assert.Equal(0, validateHelp.ExitCode);
        Assert.Contains("--format", validateHelp.Output, StringComparison.Ordinal);
        Assert.Contains("SITE.json", validateHelp.Output, StringComparison.Ordinal);
    }
}
