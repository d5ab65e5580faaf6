using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

/// <summary>Locates the shared, read-only test data (…/shared/data) without copying it into the project.</summary>
internal static class ValidationData
{
    private static readonly Lazy<string> Root = new(FindDataDirectory);

    /// <summary>A path under shared/data, e.g. Path("epcis-capture", "valid", "ObjectEvent.json").</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static JsonNode Load(params string[] parts) =>
        JsonNode.Parse(File.ReadAllText(Path(parts))) ?? throw new InvalidDataException($"{Path(parts)} holds JSON null");

    /// <summary>File names (not paths) in a data folder such as "epcis-capture/valid", sorted.</summary>
    public static IReadOnlyList<string> FileNames(string folder, string searchPattern) =>
        Directory.EnumerateFiles(Path(folder.Split('/')), searchPattern)
            .Select(file => System.IO.Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToArray();

    // Builds may go to an artifacts directory outside the repository (e.g. /tmp), so the source
    // location is the fallback starting point.
    private static string FindDataDirectory() =>
        FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(SourceDirectory())
        ?? throw new DirectoryNotFoundException("no shared/data directory above the test binaries or sources");

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string SourceDirectory([CallerFilePath] string sourceFile = "") =>
        System.IO.Path.GetDirectoryName(sourceFile) ?? ".";
}
