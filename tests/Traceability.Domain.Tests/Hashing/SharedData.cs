namespace Traceability.Domain.Tests;

/// <summary>The read-only test data in the shared folder next to the repository (…/shared/data).</summary>
internal static class SharedData
{
    /// <summary>The path of a file or folder under shared/data, e.g. <c>Path("epcis-event-hash", "x.jsonld")</c>.</summary>
    public static string Path(params string[] parts) => Testing.RepositoryPaths.SharedData(parts);
}
