namespace OtSecurity.Cli.Tests;

/// <summary>Runs otsec in-process through the root command, capturing standard output and error.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = OtsecApp.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static string TempFile(string contents, string extension = ".site.json")
    {
        string path = Path.Combine(Path.GetTempPath(), $"otsec-cli-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, contents);
        return path;
    }
}
