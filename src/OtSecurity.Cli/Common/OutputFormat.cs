using System.CommandLine;

namespace OtSecurity.Cli.Common;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned text for people.</summary>
    Table,

    /// <summary>One JSON document for programs.</summary>
    Json,
}

/// <summary>The shared <c>--format table|json</c> option.</summary>
internal static class FormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (for people) or json (for programs).",
            DefaultValueFactory = static _ => "table",
            HelpName = "table|json",
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }

    public static OutputFormat Get(ParseResult parse, Option<string> option) =>
        string.Equals(parse.GetValue(option), "json", StringComparison.Ordinal) ? OutputFormat.Json : OutputFormat.Table;
}
