using OtSecurity.Response.Engine;
using OtSecurity.Response.Playbooks;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Playbooks;

public class PlaybookTests
{
    private static readonly Lazy<Playbook> Demo = new(() => new PlaybookGenerator().GenerateAsync(DemoPlant.Site).GetAwaiter().GetResult());

    [Fact]
    public void RecoveryOrder_SafetyFirst_BoundaryLast()
    {
        RecoveryStage[] stages = [.. Demo.Value.RecoveryOrder];

        Assert.StartsWith("Safety first", stages[0].Title, StringComparison.Ordinal);
        Assert.Equal(["sf-switch", "sf-sis", "sf-estop"], stages[0].Assets);
        Assert.Contains("c1-plc", stages[1].Assets);
        Assert.Contains("sup-hmi-1", stages[2].Assets);
        Assert.Contains("ops-ews", stages[3].Assets);
        Assert.Contains("dmz-jump", stages[4].Assets);
        Assert.Contains("cnd-dmz-ops", stages[^1].Assets);
    }

    [Fact]
    public void SafetyZone_EveryOptionThatTouchesItIsDenied()
    {
        ZonePlaybook safety = Demo.Value.Zones.Single(z => z.ZoneId == "zone-safety");

        Assert.True(safety.HoldsSafety);
        Assert.All(safety.Containment.Where(o => o.Radius != "passive: touches nothing"), o => Assert.Equal(ResponseVerdict.Denied, o.Verdict));
        Assert.Contains(safety.Containment, o => o.StepId == "isolate-conduit@conduit:cnd-ops-safety-temp" && o.Constraints.Any(c => c.StartsWith("OTR-SIS-", StringComparison.Ordinal)));
        Assert.Contains(safety.Call, c => c.Contains("SafeLogic Systems 24/7 line", StringComparison.Ordinal));
        Assert.Contains(safety.ManualFallbacks, f => f.Contains("never bypass", StringComparison.Ordinal));
    }

    [Fact]
    public void Cell1_OptionsCarryTheirConstraints_FallbacksAndEvidence()
    {
        ZonePlaybook cell1 = Demo.Value.Zones.Single(z => z.ZoneId == "zone-cell1");

        ContainmentOption safeState = cell1.Containment.Single(o => o.StepId == "request-plc-safe-state@asset:c1-plc");
        Assert.Equal(ResponseVerdict.NeedsApproval, safeState.Verdict);
        Assert.Contains(safeState.Constraints, c => c.StartsWith("OTR-ENG-001", StringComparison.Ordinal));
        Assert.Contains(safeState.Constraints, c => c.Contains("Sun 06:00-14:00", StringComparison.Ordinal));
        ContainmentOption upload = cell1.Containment.Single(o => o.StepId == "snapshot-configuration@asset:c1-plc");
        Assert.Equal(ResponseVerdict.Automatic, upload.Verdict);
        Assert.Contains(cell1.ManualFallbacks, f => f.Contains("c1-panel", StringComparison.Ordinal));
        Assert.Contains(cell1.Evidence, e => e.StartsWith("A program upload of c1-plc", StringComparison.Ordinal));
        Assert.Contains(cell1.Call, c => c.Contains("Acme Automation Services", StringComparison.Ordinal));
    }

    [Fact]
    public void Techniques_ProgramDownload_NamesThePlantsControllersAndWorkstations()
    {
        TechniquePlaybook download = Demo.Value.Techniques.Single(t => t.TechniqueId == "T0843");

        Assert.Equal("Program Download", download.Name);
        Assert.Contains(download.Exposure, e => e.Contains("ops-ews", StringComparison.Ordinal));
        Assert.Contains(download.Exposure, e => e.Contains("c1-plc", StringComparison.Ordinal) && e.Contains("c2-plc", StringComparison.Ordinal));
        Assert.Contains(download.Recovery, r => r.Contains("never automatic", StringComparison.Ordinal));
        Assert.Contains(download.Evidence, e => e.Contains("golden copy", StringComparison.Ordinal));
    }

    [Fact]
    public void Contacts_VendorsAndSupportLines()
    {
        Assert.Contains(Demo.Value.Contacts, c => c.Who == "Acme Automation Services" && c.Contact == "Acme support desk, +1 555 0142");
        Assert.Contains(Demo.Value.Contacts, c => c.Who == "OT engineering on-call, ext. 4711" && c.Assets.Contains("c1-plc"));
    }

    [Fact]
    public async Task Generate_IsDeterministic_AndRendersMarkdown()
    {
        string first = PlaybookMarkdown.Render(await new PlaybookGenerator().GenerateAsync(DemoPlant.Site));
        string second = PlaybookMarkdown.Render(await new PlaybookGenerator().GenerateAsync(DemoPlant.Site));

        Assert.Equal(first, second);
        Assert.StartsWith("# OT incident response playbook — Riverside Bottling Plant", first, StringComparison.Ordinal);
        Assert.Contains("| Option | Verdict | Blast radius | Expected downtime cost | Constraints |", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestorationFirst_IsStated()
    {
        string md = PlaybookMarkdown.Render(await new PlaybookGenerator(new ResponseOptions { RestorationFirst = true }).GenerateAsync(TestPlant.Build()));

        Assert.Contains("declares **restoration first**", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenSite_GapsAreNoted()
    {
        var site = TestPlant.Build();
        site = site with { Assets = [.. site.Assets, site.Assets[0]] };

        Playbook playbook = await new PlaybookGenerator().GenerateAsync(site);

        Assert.Contains(playbook.Notes, n => n.Contains("OTS-ID-002", StringComparison.Ordinal));
        Assert.Contains(playbook.Notes, n => n.Contains("No support contact", StringComparison.Ordinal));
    }
}
