namespace Traceability.Domain.Tests;

/// <summary>The peer projects' test data the repository carries in tests/data.</summary>
internal static class SharedData
{
    /// <summary>The path of a file or folder under tests/data, e.g. <c>Path("epcis-event-hash", "x.jsonld")</c>.</summary>
    public static string Path(params string[] parts) => Testing.RepositoryPaths.TestData(parts);
}
