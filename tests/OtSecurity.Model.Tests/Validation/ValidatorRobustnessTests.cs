using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Tests.Support;
using OtSecurity.Model.Validation;

namespace OtSecurity.Model.Tests.Validation;

public class ValidatorRobustnessTests
{
    public static class MessyArbitraries
    {
        public static Arbitrary<SiteModel> SiteModel() => ModelGenerators.MessySite.ToArbitrary();
    }

    [Property(Arbitrary = [typeof(MessyArbitraries)], MaxTest = 300)]
    public bool Validate_MessyModel_NeverThrows_AndEveryFindingIsWellFormed(SiteModel model)
    {
        ValidationReport report = SiteModelValidator.Validate(model);
        return report.Findings.All(static f =>
            ValidationRules.Find(f.RuleId) is { } rule
            && rule.Severity == f.Severity
            && !string.IsNullOrWhiteSpace(f.Path)
            && !string.IsNullOrWhiteSpace(f.Message));
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Validate_IsDeterministic(SiteModel model) =>
        SiteModelValidator.Validate(model) == SiteModelValidator.Validate(model);

    [Fact]
    public void DemoPlant_ReportsItsDeliberateWeaknesses()
    {
        Assert.True(SiteModelJson.TryLoad(RepositoryPaths.DemoPlant, out SiteModel? site, out _));
        ValidationReport report = SiteModelValidator.Validate(site);
        string[] expected =
        [
            "OTS-SF-001 zones[zone-safety]",
            "OTS-CD-003 conduits[cnd-ent-bms]",
            "OTS-CD-004 conduits[cnd-ent-bms]",
            "OTS-AG-004 conduits[cnd-ops-safety-temp]",
            "OTS-AG-003 conduits[cnd-ops-safety-usb]",
            "OTS-AS-001 assets[sup-hmi-2]",
            "OTS-VD-001 vendors[vnd-acme].credentials.sharedAccount",
            "OTS-VD-003 vendors[vnd-acme].accessWindows",
            "OTS-VD-004 vendors[vnd-acme].credentials.lastRotated",
            "OTS-VD-002 vendors[vnd-northwind].credentials.lastRotated",
            "OTS-SL-002 zones[zone-cell1].capabilityLevel",
            "OTS-SL-004 zones[zone-bms]",
        ];
        string[] actual = [.. report.Findings.Select(static f => $"{f.RuleId} {f.Path}")];
        Assert.All(expected, e => Assert.Contains(e, actual));
        Assert.Equal(8, report.ForRule("OTS-SL-001").Count());
        Assert.Equal(4, report.Count(FindingSeverity.Error));
        Assert.DoesNotContain(actual, static a => a.StartsWith("OTS-ID-", StringComparison.Ordinal) || a.StartsWith("OTS-ZN-", StringComparison.Ordinal));
    }
}
