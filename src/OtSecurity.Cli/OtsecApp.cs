using System.CommandLine;
using System.CommandLine.Invocation;
using OtSecurity.Cli.Commands;
using OtSecurity.Cli.Common;

namespace OtSecurity.Cli;

/// <summary>The <c>otsec</c> root command: registers every command and runs a command line.</summary>
internal static class OtsecApp
{
    /// <summary>Builds the root command with every command registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("otsec: OT/ICS security in the field — audit IEC 62443 site models, validate them, probe Modbus devices safely, and more as the SDK grows.");

        // One line per command; each lives in Commands/<Name>Command.cs and exposes a static Create().
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(DissectCommand.Create());
        root.Subcommands.Add(RiskCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(RespondCommand.Create());
        root.Subcommands.Add(PlaybookCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>, writing to the given writers. A command line that cannot be
    /// parsed (unknown command or option, bad option value) prints the reason to <paramref name="error"/> and
    /// returns <see cref="ExitCodes.UsageOrInput"/>.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parse = CreateRootCommand().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parse.Errors.Count > 0 && parse.Action is not CommandLineAction { ClearsParseErrors: true })
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parse.Errors)
            {
                error.WriteLine($"otsec: {parseError.Message}");
            }

            string command = string.Join(' ', CommandPath(parse.CommandResult.Command));
            error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        return parse.Invoke(configuration);
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        // The root command's name is the executable's; show the tool's name instead.
        return command is RootCommand ? ["otsec"] : ["otsec", command.Name];
    }
}
