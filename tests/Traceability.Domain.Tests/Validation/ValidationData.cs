using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

/// <summary>Locates the shared, read-only test data (…/shared/data) without copying it into the project.</summary>
internal static class ValidationData
{
    /// <summary>A path under shared/data, e.g. Path("epcis-capture", "valid", "ObjectEvent.json").</summary>
    public static string Path(params string[] parts) => Testing.RepositoryPaths.SharedData(parts);

    public static JsonNode Load(params string[] parts) =>
        JsonNode.Parse(File.ReadAllText(Path(parts))) ?? throw new InvalidDataException($"{Path(parts)} holds JSON null");

    /// <summary>File names (not paths) in a data folder such as "epcis-capture/valid", sorted.</summary>
    public static IReadOnlyList<string> FileNames(string folder, string searchPattern) =>
        Directory.EnumerateFiles(Path(folder.Split('/')), searchPattern)
            .Select(file => System.IO.Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
