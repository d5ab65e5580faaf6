using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>The valid EPCIS capture documents of the shared test data: every event hashes, and syntax does not matter.</summary>
public class CaptureDocuments
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedData.Path("epcis-capture", "valid"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryEventHashes(string file)
    {
        var ids = Hashes(Load(file));

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Equal(32, EventHash.Digest(id).Length));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HashesDoNotDependOnMemberOrderArrayOrderOrWhitespace(string file)
    {
        var expected = Hashes(Load(file));

        Gen.Int.Sample(seed =>
        {
            var jumbled = Jumble(Load(file), new Random(seed));
            var reparsed = JsonNode.Parse(jumbled.ToJsonString(new JsonSerializerOptions { WriteIndented = seed % 2 == 0 }))!;
            return Hashes(reparsed).SequenceEqual(expected);
        }, iter: 20);
    }

    [Fact]
    public void JumbledFieldsOrderHashesLikeTheSameDocumentWithSortedMembers()
    {
        var jumbled = Load("JumbledFieldsOrder.json");

        Assert.Equal(Hashes(jumbled), Hashes(SortMembers(jumbled)));
    }

    [Theory]
    [InlineData("ObjectEvent.json", "ObjectEvent_with_comment.json")]
    [InlineData("ObjectEvent.json", "ObjectEvent_with_error_declaration.json")]
    [InlineData("TransformationEvent.json", "TransformationEvent_with_digitalLink.json")]
    public void DocumentsThatDifferOnlyInCommentsCorrectionsOrIdentifierSyntaxHashAlike(string file, string twin) =>
        Assert.Equal(Hashes(Load(file)), Hashes(Load(twin)));

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(SharedData.Path("epcis-capture", "valid", file)))!;

    private static List<string> Hashes(JsonNode document) =>
        EpcisEvents.Read(document).Select(e => EventHash.ComputeId(e.Event, e.Document)).ToList();

    /// <summary>
    /// A copy with members in random order and arrays shuffled, except the event list and @context, whose order
    /// has meaning.
    /// </summary>
    private static JsonNode Jumble(JsonNode node, Random random, bool shuffleArrays = false) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(_ => random.Next())
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Jumble(p.Value, random, p.Key is not ("@context" or "eventList"))))),
        JsonArray array => new JsonArray((shuffleArrays ? array.OrderBy(_ => random.Next()) : array.AsEnumerable())
            .Select(item => item is null ? null : Jumble(item, random, shuffleArrays))
            .ToArray()),
        _ => node.DeepClone(),
    };

    private static JsonNode SortMembers(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : SortMembers(p.Value)))),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : SortMembers(item)).ToArray()),
        _ => node.DeepClone(),
    };
}
