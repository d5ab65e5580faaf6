using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Testing;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// eventhash.js on the reference implementation's published examples: the listed hashes, and the listed pre-hashes
/// except the two lines that are damaged upstream (the same exceptions as the C# ReferenceExamples tests).
/// </summary>
public sealed class SharedVectorsInJavaScript
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ExampleDirectory => RepositoryPaths.TestData("epcis-event-hash");

    private static readonly HashSet<(string Example, int Line)> DamagedPreHashLines =
    [
        ("epcisDocWithCustomSchemaInContext", 1),
        ("epcisDocWithDefaultSchemaInContext", 1),
    ];

    public static TheoryData<string> Examples() => new(Directory.GetFiles(ExampleDirectory, "*.jsonld")
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> ExamplesWithPreHashes() => new(Directory.GetFiles(ExampleDirectory, "*.prehashes")
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task JavaScriptGivesTheListedHashes(string example)
    {
        var expected = Lines(example + ".hashes");

        var actual = await JsModules.HashAsync(Events(example), Ct);

        Assert.Equal(expected, actual.Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(ExamplesWithPreHashes))]
    public async Task JavaScriptGivesTheListedPreHashesExceptTheDamagedLines(string example)
    {
        var expected = Lines(example + ".prehashes");

        var actual = await JsModules.HashAsync(Events(example), Ct);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (!DamagedPreHashLines.Contains((example, i)))
                Assert.Equal(expected[i], actual[i].PreHash);
        }
    }

    [Fact]
    public async Task TheDamagedPreHashLinesAreStillHashedLikeCSharpDoes()
    {
        foreach (var (example, line) in DamagedPreHashLines)
        {
            var events = Events(example);
            var actual = await JsModules.HashAsync(events, Ct);

            var (@event, document) = events[line];
            Assert.Equal(EventHash.PreHash(@event.AsObject(), document?.AsObject()), actual[line].PreHash);
            Assert.NotEqual(Lines(example + ".prehashes")[line], actual[line].PreHash);
        }
    }

    private static List<(JsonNode Event, JsonNode? Context)> Events(string example) =>
        EpcisEvents.Read(JsonNode.Parse(File.ReadAllText(Path.Combine(ExampleDirectory, example + ".jsonld"))))
            .Select(e => ((JsonNode)e.Event, (JsonNode?)e.Document)).ToList();

    private static List<string> Lines(string fileName) =>
        File.ReadAllLines(Path.Combine(ExampleDirectory, fileName)).Where(line => line.Length > 0).ToList();
}
