namespace OtSecurity.Cli.Tests.Commands;

public class PlaybookCommandTests
{
    [Fact]
    public void Playbook_DemoPlantToStandardOutput_IsMarkdownWithEverySection()
    {
        CliRunner.Result result = CliRunner.Run("playbook");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        string md = result.Output;
        string[] sections = ["# OT incident response playbook — Riverside Bottling Plant", "## Whom to call", "## Recovery order", "1. **Safety first", "## Zones", "### zone-safety", "## Techniques (MITRE ATT&CK for ICS)", "### T0843 Program Download"];
        int last = -1;
        foreach (string section in sections)
        {
            int at = md.IndexOf(section, last + 1, StringComparison.Ordinal);
            Assert.True(at > last, $"'{section}' missing or out of order");
            last = at;
        }

        Assert.Contains("SafeLogic Systems 24/7 line, +1 555 0100", md, StringComparison.Ordinal);
        Assert.Contains("> **Safety zone.**", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Playbook_Out_WritesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"otsec-playbook-{Guid.NewGuid():N}.md");
        try
        {
            CliRunner.Result result = CliRunner.Run("playbook", "--out", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(string.Empty, result.Output);
            Assert.Contains($"written to {path}", result.Error, StringComparison.Ordinal);
            Assert.StartsWith("# OT incident response playbook", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Playbook_ExplicitSite_IsThePlaybookOfThatSite()
    {
        string demo = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.site.json"));
        string site = CliRunner.TempFile(demo.Replace("\"Riverside Bottling Plant\"", "\"Lakeside Test Plant\"", StringComparison.Ordinal));
        string path = Path.Combine(Path.GetTempPath(), $"otsec-playbook-{Guid.NewGuid():N}.md");
        try
        {
            CliRunner.Result result = CliRunner.Run("playbook", "--site", site, "--out", path);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("# OT incident response playbook — Lakeside Test Plant", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(site);
            File.Delete(path);
        }
    }

    [Fact]
    public void Playbook_UnwritableOut_Exit2()
    {
        CliRunner.Result result = CliRunner.Run("playbook", "--out", "/nonexistent-dir/playbook.md");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot write the playbook to '/nonexistent-dir/playbook.md'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Playbook_UnreadableSite_Exit2()
    {
        string path = CliRunner.TempFile("{ not json");
        try
        {
            CliRunner.Result result = CliRunner.Run("playbook", "--site", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("cannot read the site model", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
