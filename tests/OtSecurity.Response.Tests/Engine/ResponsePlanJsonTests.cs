using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Tests.Engine;

/// <summary>Reading an audit plan back never throws and says what is wrong and where.</summary>
public class ResponsePlanJsonTests
{
    [Fact]
    public void TryParse_MalformedJson_FailsWithTheLine()
    {
        Assert.False(ResponsePlanJson.TryParse("{\n  \"id\": \"plan-1\",\n  \"steps\": [\n}", out ResponsePlan? plan, out string? error));

        Assert.Null(plan);
        Assert.StartsWith("line 4, byte ", error, StringComparison.Ordinal);
        Assert.Contains("The JSON is malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WrongType_SaysWhatWasExpectedAndWhere()
    {
        Assert.False(ResponsePlanJson.TryParse("{ \"id\": 42 }", out _, out string? error));

        Assert.Contains("$.id: ", error, StringComparison.Ordinal);
        Assert.Contains("Expected a string", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_IsRefused()
    {
        Assert.False(ResponsePlanJson.TryParse("null", out _, out string? error));
        Assert.Equal("The JSON holds null, not a response plan.", error);
    }
}
