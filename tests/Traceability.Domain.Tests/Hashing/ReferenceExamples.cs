using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>The published examples of the reference implementation: each .jsonld with its .hashes and .prehashes.</summary>
public class ReferenceExamples
{
    private static string ExampleDirectory => SharedData.Path("epcis-event-hash");

    // These .prehashes lines are damaged upstream (the second line of CustomSchema repeats the first event's fields;
    // DefaultSchema's is cut off mid-value); their .hashes lines are right, and the hash test checks those.
    private static readonly HashSet<(string Example, int Line)> DamagedPreHashLines =
    [
        ("epcisDocWithCustomSchemaInContext", 1),
        ("epcisDocWithDefaultSchemaInContext", 1),
    ];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExampleDirectory, "*.jsonld").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    public static TheoryData<string> ExamplesWithPreHashes()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExampleDirectory, "*.prehashes").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void HashesMatchTheListedHashes(string example)
    {
        var expected = ReadLines(example + ".hashes");

        var actual = Events(example).Select(e => EventHash.ComputeId(e.Event, e.Document)).ToList();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ExamplesWithPreHashes))]
    public void PreHashesMatchTheListedPreHashes(string example)
    {
        var expected = ReadLines(example + ".prehashes");

        var actual = Events(example).Select(e => EventHash.PreHash(e.Event, e.Document)).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (!DamagedPreHashLines.Contains((example, i)))
                Assert.Equal(expected[i], actual[i]);
        }
    }

    private static IReadOnlyList<DocumentEvent> Events(string example) =>
        EpcisEvents.Read(JsonNode.Parse(File.ReadAllText(Path.Combine(ExampleDirectory, example + ".jsonld"))));

    private static List<string> ReadLines(string fileName) =>
        File.ReadAllLines(Path.Combine(ExampleDirectory, fileName)).Where(line => line.Length > 0).ToList();
}
