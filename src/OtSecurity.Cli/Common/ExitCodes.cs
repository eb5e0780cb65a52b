namespace OtSecurity.Cli.Common;

/// <summary>The exit codes every otsec command uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran and found nothing of error severity.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found at least one problem of error severity.</summary>
    public const int Findings = 1;

    /// <summary>The input could not be read or the command line is wrong; the reason is on standard error.</summary>
    public const int UsageOrInput = 2;
}
