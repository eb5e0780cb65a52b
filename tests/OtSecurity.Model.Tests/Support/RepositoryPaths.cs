namespace OtSecurity.Model.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoPlant => Path.Combine(Root, "samples", "data", "demo-plant.site.json");

    public static string Schema => Path.Combine(Root, "docs", "schema", "site-model.schema.json");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OtSecurity.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OtSecurity.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
