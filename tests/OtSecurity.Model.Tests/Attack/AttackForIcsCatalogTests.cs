using OtSecurity.Model.Attack;

namespace OtSecurity.Model.Tests.Attack;

public class AttackForIcsCatalogTests
{
    [Theory]
    [InlineData("T0801", "Monitor Process State", AttackTactic.Collection)]
    [InlineData("T0806", "Brute Force I/O", AttackTactic.ImpairProcessControl)]
    [InlineData("T0814", "Denial of Service", AttackTactic.InhibitResponseFunction)]
    [InlineData("T0816", "Device Restart/Shutdown", AttackTactic.InhibitResponseFunction)]
    [InlineData("T0836", "Modify Parameter", AttackTactic.ImpairProcessControl)]
    [InlineData("T0843", "Program Download", AttackTactic.LateralMovement)]
    [InlineData("T0845", "Program Upload", AttackTactic.Collection)]
    [InlineData("T0846", "Remote System Discovery", AttackTactic.Discovery)]
    [InlineData("T0848", "Rogue Master", AttackTactic.InitialAccess)]
    [InlineData("T0855", "Unauthorized Command Message", AttackTactic.ImpairProcessControl)]
    [InlineData("T0858", "Change Operating Mode", AttackTactic.Execution)]
    [InlineData("T0861", "Point & Tag Identification", AttackTactic.Collection)]
    [InlineData("T0866", "Exploitation of Remote Services", AttackTactic.InitialAccess)]
    [InlineData("T0868", "Detect Operating Mode", AttackTactic.Collection)]
    [InlineData("T0869", "Standard Application Layer Protocol", AttackTactic.CommandAndControl)]
    [InlineData("T0878", "Alarm Suppression", AttackTactic.InhibitResponseFunction)]
    [InlineData("T0881", "Service Stop", AttackTactic.InhibitResponseFunction)]
    [InlineData("T0883", "Internet Accessible Device", AttackTactic.InitialAccess)]
    [InlineData("T0886", "Remote Services", AttackTactic.InitialAccess)]
    [InlineData("T0888", "Remote System Information Discovery", AttackTactic.Discovery)]
    [InlineData("T0889", "Modify Program", AttackTactic.Persistence)]
    public void Catalog_HoldsTheTechniquesTheSdkUses(string id, string name, AttackTactic firstTactic)
    {
        Assert.True(AttackForIcsCatalog.TryGet(id, out AttackTechnique? technique));
        Assert.Equal(name, technique.Name);
        Assert.Equal(firstTactic, technique.Tactics[0]);
        Assert.Same(technique, AttackForIcsCatalog.Get(id.ToLowerInvariant()));
        Assert.Equal($"https://attack.mitre.org/techniques/{id}/", technique.Url.ToString());
    }

    [Fact]
    public void Catalog_IdsAreUniqueAndWellFormed_AndEveryTechniqueHasATactic()
    {
        Assert.Equal(AttackForIcsCatalog.All.Count, AttackForIcsCatalog.All.Select(static t => t.Id).Distinct().Count());
        Assert.All(AttackForIcsCatalog.All, static t =>
        {
            Assert.Matches("^T08[0-9]{2}$", t.Id);
            Assert.False(t.Tactics.IsEmpty);
            Assert.False(string.IsNullOrWhiteSpace(t.Name));
        });
    }

    [Fact]
    public void Techniques_WithSeveralTactics_ListThemAll()
    {
        Assert.Equal([AttackTactic.Execution, AttackTactic.Evasion], AttackForIcsCatalog.Get("T0858").Tactics);
        Assert.Equal([AttackTactic.InitialAccess, AttackTactic.LateralMovement], AttackForIcsCatalog.Get("T0886").Tactics);
        Assert.Contains(AttackForIcsCatalog.Get("T0866"), AttackForIcsCatalog.ForTactic(AttackTactic.LateralMovement));
    }

    [Fact]
    public void UnknownTechnique_IsNotFound()
    {
        Assert.False(AttackForIcsCatalog.TryGet("T9999", out _));
        Assert.False(AttackForIcsCatalog.TryGet(null, out _));
        Assert.Throws<KeyNotFoundException>(() => AttackForIcsCatalog.Get("T9999"));
    }

    [Fact]
    public void Tactics_HaveMitreIdsAndNames()
    {
        Assert.Equal("TA0106", AttackTactic.ImpairProcessControl.GetId());
        Assert.Equal("Inhibit Response Function", AttackTactic.InhibitResponseFunction.GetName());
        Assert.Equal(12, Enum.GetValues<AttackTactic>().Select(static t => t.GetId()).Distinct().Count());
    }
}
