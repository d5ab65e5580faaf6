using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class GenealogyJsonReading
{
    [Fact]
    public void ReadsWhatTheTypedViewReads() =>
        Gen.Int.Select(seed => RandomEvent(new Random(seed))).Sample(
            json => Same(GenealogyEvent.FromJson(json.ToJsonString()), GenealogyEvent.From(EpcisEvent.FromJson(json))),
            print: json => json.ToJsonString());

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"type\":\"NotAnEvent\"}")]
    [InlineData("{\"action\":\"ADD\"}")]
    [InlineData("{\"type\":\"ObjectEvent\"")]
    public void RejectsWhatIsNotAnEvent(string json) => Assert.Throws<FormatException>(() => GenealogyEvent.FromJson(json));

    [Fact]
    public void ReadsCbvValuesInAnySpellingAsTheBareTerm()
    {
        var json = """{"type":"ObjectEvent","action":"OBSERVE","bizStep":"https://ref.gs1.org/cbv/BizStep-shipping","epcList":[]}""";

        Assert.Equal("shipping", GenealogyEvent.FromJson(json).BizStep);
    }

    private static bool Same(GenealogyEvent a, GenealogyEvent b) =>
        (a.Type, a.Action, a.BizStep, a.BizLocation, a.ParentId, a.HasErrorDeclaration)
            == (b.Type, b.Action, b.BizStep, b.BizLocation, b.ParentId, b.HasErrorDeclaration)
        && a.Objects.SequenceEqual(b.Objects) && a.Children.SequenceEqual(b.Children)
        && a.Inputs.SequenceEqual(b.Inputs) && a.Outputs.SequenceEqual(b.Outputs)
        && a.Sources.SequenceEqual(b.Sources) && a.Destinations.SequenceEqual(b.Destinations);

    /// <summary>An event with a random subset of fields, some entries malformed the ways the typed view skips.</summary>
    private static JsonObject RandomEvent(Random r)
    {
        string[] ids = [Lot("A"), Lot("B"), Container(1), Party(1), Location(1), "urn:epc:id:sgtin:9506000.013435.S1", "urn:example:x"];
        JsonNode? Id() => r.Next(8) switch { 0 => 5, 1 => null, _ => ids[r.Next(ids.Length)] };
        JsonArray Ids() => [.. Enumerable.Range(0, r.Next(4)).Select(_ => Id())];
        JsonArray Quantities() => [.. Enumerable.Range(0, r.Next(3)).Select(_ => (JsonNode)(r.Next(6) == 0
            ? new JsonObject { ["quantity"] = 1 }
            : new JsonObject { ["epcClass"] = Id(), ["quantity"] = 2.5, ["uom"] = "KGM" }))];
        JsonArray Parties(string idName) => [.. Enumerable.Range(0, r.Next(3)).Select(_ => (JsonNode)(r.Next(5) == 0
            ? new JsonObject { [idName] = ids[3] }
            : new JsonObject { ["type"] = r.Next(2) == 0 ? "owning_party" : "cbv:SDT-location", [idName] = Id() }))];

        var evt = new JsonObject
        {
            ["type"] = new[] { "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent" }[r.Next(5)],
            ["eventTime"] = "2026-07-22T06:45:00Z",
            ["ex:extension"] = new JsonObject { ["epcList"] = new JsonArray("not read") },
        };
        void Maybe(string name, Func<JsonNode?> value)
        {
            if (r.Next(2) == 0) evt[name] = value();
        }
        Maybe("action", () => new[] { "ADD", "OBSERVE", "DELETE" }[r.Next(3)]);
        Maybe("bizStep", () => new[] { "shipping", "cbv:BizStep-receiving", "https://ref.gs1.org/cbv/BizStep-packing", "urn:example:step" }[r.Next(4)]);
        Maybe("bizLocation", () => r.Next(4) == 0 ? "not an object" : new JsonObject { ["id"] = Id() });
        Maybe("parentID", Id);
        foreach (var list in new[] { "epcList", "childEPCs", "inputEPCList", "outputEPCList" }) Maybe(list, Ids);
        foreach (var list in new[] { "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" }) Maybe(list, Quantities);
        Maybe("sourceList", () => Parties("source"));
        Maybe("destinationList", () => Parties("destination"));
        Maybe("errorDeclaration", () => r.Next(3) == 0 ? "yes" : new JsonObject { ["declarationTime"] = "2026-07-23T00:00:00Z" });
        return evt;
    }
}
