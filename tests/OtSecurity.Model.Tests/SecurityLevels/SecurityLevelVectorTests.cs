using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Tests.Support;

namespace OtSecurity.Model.Tests.SecurityLevels;

public class SecurityLevelVectorTests
{
    [Fact]
    public void ToString_WritesCanonicalFormInFrOrder()
    {
        var vector = new SecurityLevelVector(SecurityLevel.SL2, SecurityLevel.SL2, SecurityLevel.SL2, SecurityLevel.SL1, SecurityLevel.SL2, SecurityLevel.SL2, SecurityLevel.SL1);
        Assert.Equal("IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1", vector.ToString());
    }

    [Fact]
    public void Parse_AnyOrderLowerCaseAndSpaces_IsAccepted()
    {
        SecurityLevelVector vector = SecurityLevelVector.Parse(" ra:1 , tre:2,RDF:2, dc:1,SI:2,uc:3,IAC:4 ");
        Assert.Equal(SecurityLevel.SL4, vector.Iac);
        Assert.Equal(SecurityLevel.SL3, vector[FoundationalRequirement.UseControl]);
        Assert.Equal(SecurityLevel.SL1, vector.Ra);
        Assert.Equal("IAC:4,UC:3,SI:2,DC:1,RDF:2,TRE:2,RA:1", vector.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2", "no level for RA")]
    [InlineData("IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:5", "the level of RA is '5'")]
    [InlineData("IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:-1", "the level of RA is '-1'")]
    [InlineData("IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,XX:1", "'XX' is not a foundational requirement")]
    [InlineData("IAC:2,IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1", "IAC appears more than once")]
    [InlineData("IAC2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1", "Pair 1 'IAC2' is not ABBR:LEVEL")]
    [InlineData("IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:12", "the level of RA is '12'")]
    [InlineData("SL2", "not ABBR:LEVEL")]
    public void TryParse_Invalid_ReturnsFalseWithClearError(string text, string expected)
    {
        Assert.False(SecurityLevelVector.TryParse(text, out SecurityLevelVector vector, out string? error));
        Assert.Equal(default, vector);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        FormatException ex = Assert.Throws<FormatException>(() => SecurityLevelVector.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(SecurityLevelVector.TryParse(null, out _, out string? error));
        Assert.Contains("required", error, StringComparison.Ordinal);
        Assert.False(SecurityLevelVector.TryParse(null, out _));
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool TextForm_RoundTrips(SecurityLevelVector vector) =>
        SecurityLevelVector.TryParse(vector.ToString(), out SecurityLevelVector parsed, out _) && parsed == vector;

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool TextForm_ShuffledPairs_ParseToTheSameVector(SecurityLevelVector vector, int seed)
    {
        string[] pairs = vector.ToString().Split(',');
        new Random(seed).Shuffle(pairs);
        return SecurityLevelVector.Parse(string.Join(" , ", pairs).ToLowerInvariant()) == vector;
    }

    [Property(MaxTest = 500)]
    public bool TryParse_ArbitraryText_NeverThrows(string? text)
    {
        bool ok = SecurityLevelVector.TryParse(text, out SecurityLevelVector vector, out string? error);
        return ok ? error is null && vector.IsValid : error is { Length: > 0 } && vector == default;
    }

    [Fact]
    public void FoundationalRequirements_HaveStandardNamesAndAbbreviations()
    {
        string[] expected =
        [
            "FR 1 IAC Identification and authentication control",
            "FR 2 UC Use control",
            "FR 3 SI System integrity",
            "FR 4 DC Data confidentiality",
            "FR 5 RDF Restricted data flow",
            "FR 6 TRE Timely response to events",
            "FR 7 RA Resource availability",
        ];
        Assert.Equal(expected, FoundationalRequirements.All.Select(static fr => $"{fr.GetLabel()} {fr.GetAbbreviation()} {fr.GetFullName()}"));
    }

    [Fact]
    public void CompareWithTarget_ReportsEachShortfallWithItsSize()
    {
        SecurityLevelVector target = SecurityLevelVector.Parse("IAC:3,UC:2,SI:2,DC:1,RDF:3,TRE:2,RA:1");
        SecurityLevelVector achieved = SecurityLevelVector.Parse("IAC:1,UC:2,SI:3,DC:1,RDF:2,TRE:2,RA:0");

        SecurityLevelComparison comparison = achieved.CompareWithTarget(target);

        Assert.False(comparison.MeetsTarget);
        Assert.Equal(
            [(FoundationalRequirement.IdentificationAndAuthenticationControl, 2), (FoundationalRequirement.RestrictedDataFlow, 1), (FoundationalRequirement.ResourceAvailability, 1)],
            comparison.Shortfalls.Select(static g => (g.Requirement, g.Shortfall)));
        Assert.Equal(2, comparison.LargestShortfall);
        Assert.Equal(4, comparison.TotalShortfall);
        Assert.Equal(0, comparison.Requirements[2].Shortfall);
        Assert.Equal(7, comparison.Requirements.Count);
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool CompareWithTarget_MeetsTargetExactlyWhenEveryLevelIsAtLeastTheTarget(SecurityLevelVector target, SecurityLevelVector actual) =>
        actual.CompareWithTarget(target).MeetsTarget == FoundationalRequirements.All.All(fr => actual[fr] >= target[fr]);

    [Fact]
    public void Uniform_And_With_SetLevels()
    {
        SecurityLevelVector vector = SecurityLevelVector.Uniform(SecurityLevel.SL2).With(FoundationalRequirement.DataConfidentiality, SecurityLevel.SL4);
        Assert.Equal("IAC:2,UC:2,SI:2,DC:4,RDF:2,TRE:2,RA:2", vector.ToString());
        Assert.Equal(SecurityLevel.SL4, vector.Max);
    }
}
