using System.Text.Json.Nodes;
using Traceability.Domain.Consumer;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Tests.Validation;

namespace Traceability.Domain.Tests.Consumer;

public sealed class ConsumerViewsHideConfidentialFields
{
    /// <summary>Every event of every valid shared document, as the API stores it (eventID set, document @context merged).</summary>
    public static TheoryData<string, int> StoredEvents()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in ValidationData.FileNames("epcis-capture/valid", "*.json"))
        {
            var count = EpcisEvents.Read(ValidationData.Load("epcis-capture", "valid", file)).Count;
            for (var i = 0; i < count; i++) data.Add(file, i);
        }
        return data;
    }

    private static JsonObject Stored(string file, int index)
    {
        var e = EpcisEvents.Read(ValidationData.Load("epcis-capture", "valid", file))[index];
        var stored = (JsonObject)e.Event.DeepClone();
        if (stored["@context"] is null && e.Document?["@context"] is { } context) stored["@context"] = context.DeepClone();
        stored["eventID"] = EventHash.ComputeId(e.Event, e.Document);
        return stored;
    }

    [Theory]
    [MemberData(nameof(StoredEvents))]
    public void TheViewIsAValidEventWhoseIdIsItsOwnHash(string file, int index)
    {
        var stored = Stored(file, index);

        var view = ConsumerView.Of(stored);

        Assert.True(EpcisValidator.ValidateEvent(view).IsValid, EpcisValidator.ValidateEvent(view).ToString());
        Assert.Equal(view["eventID"]!.GetValue<string>(), EventHash.ComputeId(view));
        Assert.Equal(stored["eventID"]!.GetValue<string>(), ConsumerView.OriginalOf(view));
        Assert.Equal(view.ToJsonString(), ConsumerView.Of(stored).ToJsonString());
    }

    [Theory]
    [MemberData(nameof(StoredEvents))]
    public void NoQuantityOrderNumberOrReadPointReachesTheView(string file, int index)
    {
        var view = ConsumerView.Of(Stored(file, index));

        foreach (var list in new[] { "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" })
            Assert.All(view[list]?.AsArray() ?? [], q => Assert.Equal(["epcClass"], q!.AsObject().Select(p => p.Key)));
        Assert.Null(view["transformationID"]);
        if (view["epcList"] is JsonArray { Count: > 0 } || view["quantityList"] is JsonArray { Count: > 0 }) Assert.Null(view["readPoint"]);
        Assert.All(view["bizTransactionList"]?.AsArray() ?? [], t => Assert.Equal("urn:traceability:redacted", t!["bizTransaction"]!.GetValue<string>()));
        // Only CBV fields, the lab-result extension and the view's own link may remain: no partner extensions.
        Assert.All(view.Select(p => p.Key).Where(k => k.Contains(':')), k => Assert.True(k.StartsWith("view:", StringComparison.Ordinal), k));
    }

    [Fact]
    public void LabResultsKeepTheResultButNotTheAnalystOrSample()
    {
        var stored = new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", new JsonObject { ["lab"] = ConsumerView.LabNamespace, ["acme"] = "https://acme.example/ns#" }),
            ["type"] = "ObjectEvent",
            ["eventTime"] = "2026-11-20T10:00:00.000+08:00",
            ["eventTimeZoneOffset"] = "+08:00",
            ["action"] = "OBSERVE",
            ["bizStep"] = "inspecting",
            ["disposition"] = "non_conformant",
            ["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = "https://id.gs1.org/01/06901234100013/10/A-1", ["quantity"] = 2, ["uom"] = "KGM" }),
            ["lab:verdict"] = "fail",
            ["lab:method"] = "KJ 201710",
            ["lab:analyst"] = "Zhang Wei",
            ["lab:sampleId"] = "S-1",
            ["acme:price"] = 12.5,
            ["eventID"] = "ni:///sha-256;0000000000000000000000000000000000000000000000000000000000000000?ver=CBV2.0",
        };

        var view = ConsumerView.Of(stored);

        Assert.Equal("fail", view["lab:verdict"]!.GetValue<string>());
        Assert.Equal("KJ 201710", view["lab:method"]!.GetValue<string>());
        Assert.Null(view["lab:analyst"]);
        Assert.Null(view["lab:sampleId"]);
        Assert.Null(view["acme:price"]);
        Assert.Equal("https://id.gs1.org/01/06901234100013/10/A-1", view["quantityList"]![0]!["epcClass"]!.GetValue<string>());
    }
}
