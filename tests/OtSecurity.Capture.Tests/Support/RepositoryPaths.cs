namespace OtSecurity.Capture.Tests.Support;

/// <summary>Finds the repository root (the folder holding OtSecurity.Sdk.sln) and the shared data folder beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared data folder: <c>../shared</c> from the repository root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The shared captures folder.</summary>
    public static string Captures => Path.Combine(Shared, "captures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OtSecurity.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OtSecurity.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
