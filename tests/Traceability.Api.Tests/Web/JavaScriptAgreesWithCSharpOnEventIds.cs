using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Testing;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// eventhash.js and EventHash.ComputeId give the same id and pre-hash: for every event of the shared EPCIS documents
/// (as sent, and reformatted) and for large batches of generated, deliberately messy events.
/// </summary>
public sealed class JavaScriptAgreesWithCSharpOnEventIds
{
    private const int BatchSize = 400;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> SharedDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.TestData("epcis-capture", "valid"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.Combine("epcis-capture", "valid", Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(RepositoryPaths.TestData("epcis-event-hash"), "*.jsonld").Order(StringComparer.Ordinal))
            data.Add(Path.Combine("epcis-event-hash", Path.GetFileName(file)));
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedDocuments))]
    public async Task EveryEventOfASharedDocumentHashesAlike(string file)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.TestData(file.Split(Path.DirectorySeparatorChar)), Ct);
        var events = EpcisEvents.Read(JsonNode.Parse(text)).Select(e => ((JsonNode)e.Event, (JsonNode?)e.Document)).ToList();

        await AssertSameAsync(events, asText: false);
        await AssertSameAsync(events, asText: true);
    }

    [Theory]
    [MemberData(nameof(SharedDocuments))]
    public async Task AReformattedSharedDocumentHashesAlike(string file)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.TestData(file.Split(Path.DirectorySeparatorChar)), Ct);
        var compact = JsonNode.Parse(text)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        var events = EpcisEvents.Read(JsonNode.Parse(compact)).Select(e => ((JsonNode)e.Event, (JsonNode?)e.Document)).ToList();

        await AssertSameAsync(events, asText: true);
    }

    [Fact]
    public async Task GeneratedEventsHashAlike() =>
        await Gen.Int.SampleAsync(async seed =>
        {
            var random = new RandomEvents(seed);
            var events = Enumerable.Range(0, BatchSize).Select(_ => random.Next()).Select(e => ((JsonNode)e.Event, e.Context)).ToList();
            await AssertSameAsync(events, asText: true, $"seed {seed}");
        }, iter: 5, threads: 1);

    [Fact]
    public async Task IdentifiersAtTheLimitsOfEveryKeyHashAlike()
    {
        var identifiers = IdentifierLimits.All().ToList();
        var events = identifiers.Select(id => ((JsonNode)new JsonObject
        {
            ["type"] = "ObjectEvent",
            ["eventTime"] = "2026-11-12T08:00:00+08:00",
            ["epcList"] = new JsonArray(id),
            ["bizLocation"] = new JsonObject { ["id"] = id },
            ["example:ref"] = id,
        }, (JsonNode?)null)).ToList();

        await AssertSameAsync(events, asText: true);
        Assert.True(identifiers.Count > 300, $"only {identifiers.Count} identifiers");
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59.9994Z")]
    [InlineData("9999-12-31T23:59:59.9995Z")]
    [InlineData("9999-12-31T23:59:59.999-00:01")]
    [InlineData("0001-01-01T00:00:00+00:01")]
    [InlineData("0001-01-01T00:00:00-00:01")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2024-02-29T12:00:00Z")]
    [InlineData("2023-02-29T12:00:00Z")]
    [InlineData("2100-02-29T12:00:00Z")]
    [InlineData("2000-02-29T12:00:00Z")]
    [InlineData("2026-11-12T08:00:00+14:00")]
    [InlineData("2026-11-12T08:00:00-14:01")]
    [InlineData("2026-11-12T08:00:00+1400")]
    [InlineData("2026-11-12T08:00:00+15")]
    [InlineData("2026-11-12 08:00:00,9999999")]
    [InlineData("2026-11-12t23:59:59.9999+08")]
    [InlineData("2026-11-12T08:00:00.Z")]
    [InlineData("2026-11-12T08:00")]
    [InlineData("1969-12-31T23:59:59.9995Z")]
    public async Task TimestampsAtTheirLimitsHashAlike(string eventTime)
    {
        var @event = new JsonObject { ["type"] = "ObjectEvent", ["eventTime"] = eventTime, ["example:at"] = eventTime };
        var sensor = JsonNode.Parse($$"""{"type": "ObjectEvent", "sensorElementList": [{"sensorMetadata": {"time": "{{eventTime}}"}, "sensorReport": [{"time": "{{eventTime}}"}]}]}""")!;

        await AssertSameAsync([(@event, null), (sensor, null)], asText: true);
    }

    [Fact]
    public async Task GeneratedEventsCoverTheNormalisationRules()
    {
        var random = new RandomEvents(20261112);
        var preHashes = Enumerable.Range(0, BatchSize).Select(_ => random.Next())
            .Select(e => EventHash.PreHash(Reparsed(e.Event).AsObject(), e.Context is null ? null : Reparsed(e.Context).AsObject())).ToList();
        var all = string.Concat(preHashes);

        // The batch reaches each rule the port mirrors, so agreement on it means something.
        Assert.Contains("epc=https://id.gs1.org/01/", all);
        Assert.Contains("https://id.gs1.org/8003/", all);
        Assert.Contains("https://id.gs1.org/414/", all);
        Assert.Contains("=https://ref.gs1.org/cbv/BizStep-", all);
        Assert.Contains("=https://ref.gs1.org/cbv/Disp-", all);
        Assert.Contains("{https://ns.example.com/epcis/}", all);
        Assert.Contains("{https://vocab.example.org/}", all);
        Assert.Contains(".000Z", all);
        Assert.Contains("e-", all);
        Assert.Contains("sensorReport", all);
        Assert.Contains("quantityElement", all);
    }

    private static JsonNode Reparsed(JsonNode node) => JsonNode.Parse(node.ToJsonString())!;

    /// <summary>Hashes each event in C# (from its JSON text, as the JS side gets it) and in JS, and compares.</summary>
    private static async Task AssertSameAsync(List<(JsonNode Event, JsonNode? Context)> events, bool asText, string? label = null)
    {
        var reparsed = events.Select(e => (Reparsed(e.Event), e.Context is null ? null : Reparsed(e.Context))).ToList();
        var js = await JsModules.HashAsync(reparsed, Ct, asText);

        Assert.Equal(events.Count, js.Count);
        for (var i = 0; i < reparsed.Count; i++)
        {
            var (@event, context) = reparsed[i];
            var preHash = EventHash.PreHash(@event.AsObject(), context?.AsObject());
            var id = EventHash.ComputeId(@event.AsObject(), context?.AsObject());
            if (preHash != js[i].PreHash || id != js[i].Id)
            {
                Assert.Fail($"{label} event {i} ({(asText ? "as text" : "parsed")}) hashes differently.\n"
                    + $"event:   {@event.ToJsonString()}\ncontext: {context?.ToJsonString()}\nC#: {preHash}\nJS: {js[i].PreHash}");
            }
        }
    }
}
