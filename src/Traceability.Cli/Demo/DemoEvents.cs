using System.Text.Json.Nodes;

namespace Traceability.Cli.Demo;

/// <summary>
/// The demo chain's events, in the order they happen: harvests, shipments to the noodle factory,
/// the transformation into 螺蛳粉, and its way through the distributor to a supermarket. Fixed
/// times make every event's CBV hash fixed, so loading twice stores nothing twice.
/// </summary>
internal static class DemoEvents
{
    public const string Rice = "06901234100013";
    public const string Bamboo = "06901234100020";
    public const string Noodles = "06901234100037";

    /// <summary>(member key of the writer, events) in capture order.</summary>
    public static IEnumerable<(string Writer, JsonObject[] Events)> Steps(Func<string, string> gln)
    {
        yield return ("rice-farm", [Commission(Rice, "R2026-11-A", 800, "2026-11-02T07:30:00+08:00", gln("rice-farm"))]);
        yield return ("bamboo", [Commission(Bamboo, "B2026-11-07", 300, "2026-11-07T09:00:00+08:00", gln("bamboo"))]);
        yield return ("rice-farm", [Ship(Rice, "R2026-11-A", 800, "2026-11-10T08:00:00+08:00", gln("rice-farm"), gln("noodle-factory"))]);
        yield return ("bamboo", [Ship(Bamboo, "B2026-11-07", 300, "2026-11-10T10:00:00+08:00", gln("bamboo"), gln("noodle-factory"))]);
        yield return ("noodle-factory",
        [
            Receive(Rice, "R2026-11-A", 800, "2026-11-10T15:00:00+08:00", gln("noodle-factory")),
            Receive(Bamboo, "B2026-11-07", 300, "2026-11-10T16:00:00+08:00", gln("noodle-factory")),
            Transform("2026-11-12T09:00:00+08:00", gln("noodle-factory"),
                [(Rice, "R2026-11-A", 800), (Bamboo, "B2026-11-07", 300)], (Noodles, "LSF-20261112", 4000)),
            Ship(Noodles, "LSF-20261112", 4000, "2026-11-13T08:00:00+08:00", gln("noodle-factory"), gln("distributor")),
        ]);
        yield return ("distributor",
        [
            Receive(Noodles, "LSF-20261112", 4000, "2026-11-13T14:00:00+08:00", gln("distributor")),
            Ship(Noodles, "LSF-20261112", 1200, "2026-11-14T06:00:00+08:00", gln("distributor"), gln("shop-wuyi")),
        ]);
        yield return ("shop-wuyi", [Receive(Noodles, "LSF-20261112", 1200, "2026-11-14T09:30:00+08:00", gln("shop-wuyi"))]);
    }

    private static JsonObject Base(string type, string time, string? action, string bizStep, string locationGln)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["eventTime"] = time,
            ["eventTimeZoneOffset"] = "+08:00",
        };
        if (action is not null) e["action"] = action;
        e["bizStep"] = bizStep;
        e["readPoint"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{locationGln}" };
        e["bizLocation"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{locationGln}" };
        return e;
    }

    private static JsonArray Quantity(string gtin, string lot, double kg, string unit = "KGM") =>
        new(new JsonObject { ["epcClass"] = $"https://id.gs1.org/01/{gtin}/10/{lot}", ["quantity"] = kg, ["uom"] = unit });

    private static JsonObject Commission(string gtin, string lot, double kg, string time, string at)
    {
        var e = Base("ObjectEvent", time, "ADD", "commissioning", at);
        e["disposition"] = "active";
        e["quantityList"] = Quantity(gtin, lot, kg);
        return e;
    }

    private static JsonObject Ship(string gtin, string lot, double kg, string time, string from, string to)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "shipping", from);
        e["disposition"] = "in_transit";
        e["quantityList"] = Quantity(gtin, lot, kg);
        e["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = $"https://id.gs1.org/417/{from}" });
        e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{to}" });
        return e;
    }

    private static JsonObject Receive(string gtin, string lot, double kg, string time, string at)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "receiving", at);
        e["disposition"] = "in_progress";
        e["quantityList"] = Quantity(gtin, lot, kg);
        return e;
    }

    private static JsonObject Transform(string time, string at, (string Gtin, string Lot, double Kg)[] inputs, (string Gtin, string Lot, double Kg) output)
    {
        var e = Base("TransformationEvent", time, null, "commissioning", at);
        e["inputQuantityList"] = new JsonArray(inputs.Select(i => (JsonNode)Quantity(i.Gtin, i.Lot, i.Kg)[0]!.DeepClone()).ToArray());
        e["outputQuantityList"] = Quantity(output.Gtin, output.Lot, output.Kg);
        return e;
    }

    public static JsonObject Document(JsonObject[] events) => new()
    {
        ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
        ["type"] = "EPCISDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = "2026-11-14T10:00:00Z",
        ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()) },
    };
}
