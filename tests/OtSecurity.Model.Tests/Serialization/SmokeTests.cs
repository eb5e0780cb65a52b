using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using Xunit.Abstractions;

namespace OtSecurity.Model.Tests.Serialization;

public class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Smoke()
    {
        string json = """
        {
          "name": "x",
          "environment": "productionLine",
          "evaluationDate": "2026-11-01",
          "zones": [ { "id": "z1", "name": "Z", "purdueLevel": "dmz", "targetLevel": "IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1", "assetIds": ["a"] } ],
          "assets": [ { "id": "a", "name": "A", "kind": "plc", "interfaces": [ { "ipAddress": "10.10.1.2", "macAddress": "00:1b:1b:00:00:01", "vlan": 3 } ] } ]
        }
        """;
        Assert.True(SiteModelJson.TryParse(json, out SiteModel? m, out JsonLoadError? e), e?.ToString());
        string back = SiteModelJson.Serialize(m);
        output.WriteLine(back);
        Assert.True(SiteModelJson.TryParse(back, out SiteModel? m2, out e), e?.ToString());
        Assert.Equal(m, m2);
        foreach (string bad in new[] {
            json.Replace("\"plc\"", "\"plcx\""),
            json.Replace("\"vlan\": 3", "\"vlan\": \"3\""),
            json.Replace("\"name\": \"A\", ", ""),
            json.Replace("\"name\": \"A\", ", "\"name\": \"A\", \"foo\": 1, "),
            json.Replace("\"name\": \"A\", ", "\"name\": null, "),
            json.Replace("\"name\": \"A\", ", "\"name\": \"A\" "),
            json.Replace("RA:1", "RA:7"),
            json.Replace("\"name\": \"A\", ", "\"name\": \"A\", \"name\": \"B\", "),
            json.Replace("[\"a\"]", "null"),
            json.Replace("10.10.1.2", "10.10"),
            "null", "", "[]" })
        {
            Assert.False(SiteModelJson.TryParse(bad, out _, out e));
            output.WriteLine(e.Kind + " | " + e);
        }
    }
}
