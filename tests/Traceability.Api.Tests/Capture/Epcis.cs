using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Traceability.Api.Tests.Capture;

/// <summary>Small EPCIS 2.0 events for the tests, built as JSON the way partners send them.</summary>
internal static class Epcis
{
    public const string Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    public const string Gtin = "06901234100013";

    public static string LotClass(string lot) => $"https://id.gs1.org/01/{Gtin}/10/{lot}";

    public static JsonObject Event(string type, string bizStep, string? action = "OBSERVE", DateTimeOffset? at = null) => new()
    {
        ["type"] = type,
        ["eventTime"] = (at ?? DateTimeOffset.Parse("2026-11-20T10:00:00+08:00")).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"),
        ["eventTimeZoneOffset"] = "+08:00",
        ["action"] = action,
        ["bizStep"] = bizStep,
    };

    public static JsonObject Commission(string lot, double quantity = 100) => With(Event("ObjectEvent", "commissioning", "ADD"),
        "quantityList", new JsonArray(new JsonObject { ["epcClass"] = LotClass(lot), ["quantity"] = quantity, ["uom"] = "KGM" }));

    public static JsonObject Ship(string lot, string? toGln = null)
    {
        var e = With(Event("ObjectEvent", "shipping"), "quantityList", new JsonArray(new JsonObject { ["epcClass"] = LotClass(lot), ["quantity"] = 10, ["uom"] = "KGM" }));
        if (toGln is not null)
            e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{toGln}" });
        return e;
    }

    public static JsonObject Receive(string lot) =>
        With(Event("ObjectEvent", "receiving"), "quantityList", new JsonArray(new JsonObject { ["epcClass"] = LotClass(lot), ["quantity"] = 10, ["uom"] = "KGM" }));

    public static JsonObject Transform(string input, string output) => new()
    {
        ["type"] = "TransformationEvent",
        ["eventTime"] = "2026-11-20T12:00:00.000+08:00",
        ["eventTimeZoneOffset"] = "+08:00",
        ["bizStep"] = "commissioning",
        ["inputQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = LotClass(input), ["quantity"] = 5, ["uom"] = "KGM" }),
        ["outputQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = LotClass(output), ["quantity"] = 4, ["uom"] = "KGM" }),
    };

    public static JsonObject LabResult(string lot)
    {
        var e = With(Event("ObjectEvent", "inspecting"), "quantityList", new JsonArray(new JsonObject { ["epcClass"] = LotClass(lot), ["quantity"] = 1, ["uom"] = "KGM" }));
        e["@context"] = new JsonArray(Context, new JsonObject { ["lab"] = "https://traceability.example/ns/lab-result/1.0#" });
        e["lab:verdict"] = "pass";
        return e;
    }

    public static JsonObject Single(JsonObject evt)
    {
        if (evt["@context"] is null) evt["@context"] = new JsonArray(Context);
        return evt;
    }

    public static JsonObject Document(params JsonObject[] events) => new()
    {
        ["@context"] = new JsonArray(Context),
        ["type"] = "EPCISDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = "2026-11-20T10:00:00Z",
        ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()) },
    };

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostEvent(this HttpClient client, JsonObject evt) => client.PostAsync("/events", Json(Single(evt)));

    public static Task<HttpResponseMessage> Capture(this HttpClient client, JsonObject doc, string? behaviour = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/capture") { Content = Json(doc) };
        if (behaviour is not null) request.Headers.Add("GS1-Capture-Error-Behaviour", behaviour);
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> Body(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static JsonObject With(JsonObject e, string key, JsonNode value)
    {
        e[key] = value;
        return e;
    }
}
