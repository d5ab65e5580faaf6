using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

/// <summary>Locates the peer projects' test data the repository carries in tests/data.</summary>
internal static class ValidationData
{
    /// <summary>A path under tests/data, e.g. Path("epcis-capture", "valid", "ObjectEvent.json").</summary>
    public static string Path(params string[] parts) => Testing.RepositoryPaths.TestData(parts);

    public static JsonNode Load(params string[] parts) =>
        JsonNode.Parse(File.ReadAllText(Path(parts))) ?? throw new InvalidDataException($"{Path(parts)} holds JSON null");

    /// <summary>File names (not paths) in a data folder such as "epcis-capture/valid", sorted.</summary>
    public static IReadOnlyList<string> FileNames(string folder, string searchPattern) =>
        Directory.EnumerateFiles(Path(folder.Split('/')), searchPattern)
            .Select(file => System.IO.Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
