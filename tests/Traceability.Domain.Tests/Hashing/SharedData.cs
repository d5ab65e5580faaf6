using System.Runtime.CompilerServices;

namespace Traceability.Domain.Tests;

/// <summary>Finds the read-only test data in the shared folder next to the repository (…/shared/data).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> DataRoot = new(() => FindDataRoot());

    /// <summary>The path of a file or folder under shared/data, e.g. <c>Path("epcis-event-hash", "x.jsonld")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([DataRoot.Value, .. parts]);

    // Builds may put binaries outside the tree (--artifacts-path), so also look up from the working directory and
    // from this source file's compile-time location.
    private static string FindDataRoot([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, System.IO.Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts)
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            "No shared/data folder found above " + string.Join(", ", starts) + "; the EPCIS test data lives there");
    }
}
