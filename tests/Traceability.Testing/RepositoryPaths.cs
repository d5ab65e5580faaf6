namespace Traceability.Testing;

/// <summary>Locates the checkout (the folder holding Traceability.sln) and the test data it carries in tests/data.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Peer projects' test data copied into tests/data, each folder with its SOURCE.md and LICENSE.</summary>
    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    /// <summary>A tool installed by `npm ci` into the checkout's node_modules/.bin.</summary>
    public static string NodeTool(string name)
    {
        var path = Combine("node_modules", ".bin", name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{name} is not installed: run scripts/test (it runs npm ci)", path);
        return path;
    }

    private static string FindRoot()
    {
        var built = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Traceability.sln"))) return Path.GetFullPath(built);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Traceability.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no Traceability.sln above {AppContext.BaseDirectory}");
    }
}
