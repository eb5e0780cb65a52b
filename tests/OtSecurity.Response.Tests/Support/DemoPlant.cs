using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;

namespace OtSecurity.Response.Tests.Support;

/// <summary>The demo plant and sample alerts from samples/data, found by walking up to the repository root.</summary>
public static class DemoPlant
{
    public static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OtSecurity.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (OtSecurity.Sdk.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "data", name);

    public static SiteModel Site => SiteModelJson.TryLoad(Sample("demo-plant.site.json"), out SiteModel? site, out JsonLoadError? error) ? site : throw new InvalidOperationException(error.ToString());

    public static Alert Alert(string name = "demo-alert.json") =>
        AlertJson.TryLoad(Sample(name), out Alert? alert, out JsonLoadError? error) ? alert : throw new InvalidOperationException(error.ToString());
}
