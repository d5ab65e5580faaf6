using System.Text.Json.Nodes;

namespace Traceability.Cli.Demo;

/// <summary>
/// The demo chain's events, in the order they happen: harvests of rice, pickled bamboo shoots and pickled
/// cowpeas; shipments to the noodle factory; two production runs of 螺蛳粉 (the second with the cowpea lot a lab
/// later finds over the chlorpyrifos limit); packing onto pallets; the distributor; three supermarkets. Fixed
/// times make every event's CBV hash fixed, so loading twice stores nothing twice.
/// </summary>
internal static class DemoEvents
{
    public const string Rice = "06901234100013";
    public const string Bamboo = "06901234100020";
    public const string Noodles = "06901234100037";
    public const string Cowpeas = "06901234100044";

    public const string RiceLot = "R2026-11-A", BambooLot = "B2026-11-07", CleanCowpeas = "V2026-11-08A", BadCowpeas = "V2026-11-08B";
    public const string GoodNoodles = "LSF-20261112", RecalledNoodles = "LSF-20261113";
    public const string PalletWuyi = "069012340000000016", PalletYufeng = "069012340000000023", PalletLiunan = "069012340000000030";

    /// <summary>(member key of the writer, events) in capture order.</summary>
    public static IEnumerable<(string Writer, JsonObject[] Events)> Steps(Func<string, string> gln)
    {
        yield return ("rice-farm", [Commission(Rice, RiceLot, 800, "2026-11-02T07:30:00+08:00", gln("rice-farm"))]);
        yield return ("bamboo", [Commission(Bamboo, BambooLot, 300, "2026-11-07T09:00:00+08:00", gln("bamboo"))]);
        yield return ("vegetables",
        [
            Commission(Cowpeas, CleanCowpeas, 150, "2026-11-08T08:00:00+08:00", gln("vegetables")),
            Commission(Cowpeas, BadCowpeas, 150, "2026-11-08T10:00:00+08:00", gln("vegetables")),
        ]);
        yield return ("rice-farm", [Ship(Rice, RiceLot, 800, "2026-11-10T08:00:00+08:00", gln("rice-farm"), gln("noodle-factory"))]);
        yield return ("bamboo", [Ship(Bamboo, BambooLot, 300, "2026-11-10T10:00:00+08:00", gln("bamboo"), gln("noodle-factory"))]);
        yield return ("vegetables",
        [
            Ship(Cowpeas, CleanCowpeas, 150, "2026-11-10T11:00:00+08:00", gln("vegetables"), gln("noodle-factory")),
            Ship(Cowpeas, BadCowpeas, 150, "2026-11-10T11:00:01+08:00", gln("vegetables"), gln("noodle-factory")),
        ]);
        yield return ("noodle-factory",
        [
            Receive(Rice, RiceLot, 800, "2026-11-10T15:00:00+08:00", gln("noodle-factory")),
            Receive(Bamboo, BambooLot, 300, "2026-11-10T16:00:00+08:00", gln("noodle-factory")),
            Receive(Cowpeas, CleanCowpeas, 150, "2026-11-10T16:30:00+08:00", gln("noodle-factory")),
            Receive(Cowpeas, BadCowpeas, 150, "2026-11-10T16:30:01+08:00", gln("noodle-factory")),
            Transform("2026-11-12T09:00:00+08:00", gln("noodle-factory"),
                [(Rice, RiceLot, 400), (Bamboo, BambooLot, 150), (Cowpeas, CleanCowpeas, 150)], (Noodles, GoodNoodles, 4000), "2027-05-12"),
            Transform("2026-11-13T09:00:00+08:00", gln("noodle-factory"),
                [(Rice, RiceLot, 400), (Bamboo, BambooLot, 150), (Cowpeas, BadCowpeas, 150)], (Noodles, RecalledNoodles, 4000), "2027-05-13"),
            Ship(Noodles, GoodNoodles, 4000, "2026-11-13T08:00:00+08:00", gln("noodle-factory"), gln("packer")),
            Ship(Noodles, RecalledNoodles, 4000, "2026-11-13T17:00:00+08:00", gln("noodle-factory"), gln("packer")),
        ]);
        yield return ("packer",
        [
            Receive(Noodles, GoodNoodles, 4000, "2026-11-13T11:00:00+08:00", gln("packer")),
            Receive(Noodles, RecalledNoodles, 4000, "2026-11-13T19:00:00+08:00", gln("packer")),
            Pack(PalletWuyi, Noodles, GoodNoodles, 1200, "2026-11-13T13:00:00+08:00", gln("packer")),
            Pack(PalletYufeng, Noodles, RecalledNoodles, 960, "2026-11-13T20:00:00+08:00", gln("packer")),
            Pack(PalletLiunan, Noodles, RecalledNoodles, 960, "2026-11-13T20:30:00+08:00", gln("packer")),
            ShipPallet(PalletWuyi, "2026-11-13T15:00:00+08:00", gln("packer"), gln("distributor")),
            ShipPallet(PalletYufeng, "2026-11-13T21:00:00+08:00", gln("packer"), gln("distributor")),
            ShipPallet(PalletLiunan, "2026-11-13T21:00:01+08:00", gln("packer"), gln("distributor")),
        ]);
        yield return ("distributor",
        [
            ReceivePallet(PalletWuyi, "2026-11-13T18:00:00+08:00", gln("distributor")),
            ReceivePallet(PalletYufeng, "2026-11-14T01:00:00+08:00", gln("distributor")),
            ReceivePallet(PalletLiunan, "2026-11-14T01:00:01+08:00", gln("distributor")),
            ShipPallet(PalletWuyi, "2026-11-14T06:00:00+08:00", gln("distributor"), gln("shop-wuyi")),
            ShipPallet(PalletYufeng, "2026-11-14T06:30:00+08:00", gln("distributor"), gln("shop-yufeng")),
            ShipPallet(PalletLiunan, "2026-11-14T07:00:00+08:00", gln("distributor"), gln("shop-liunan")),
        ]);
        yield return ("shop-wuyi", [ReceivePallet(PalletWuyi, "2026-11-14T09:30:00+08:00", gln("shop-wuyi"))]);
        yield return ("shop-yufeng", [ReceivePallet(PalletYufeng, "2026-11-14T10:00:00+08:00", gln("shop-yufeng"))]);
        yield return ("shop-liunan", [ReceivePallet(PalletLiunan, "2026-11-14T10:30:00+08:00", gln("shop-liunan"))]);
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

    private static JsonObject Transform(
        string time, string at, (string Gtin, string Lot, double Kg)[] inputs, (string Gtin, string Lot, double Packs) output, string bestBefore)
    {
        var e = Base("TransformationEvent", time, null, "commissioning", at);
        e["@context"] = new JsonArray(new JsonObject { ["cbvmda"] = "urn:epcglobal:cbv:mda:" });
        e["inputQuantityList"] = new JsonArray(inputs.Select(i => (JsonNode)Quantity(i.Gtin, i.Lot, i.Kg)[0]!.DeepClone()).ToArray());
        e["outputQuantityList"] = Quantity(output.Gtin, output.Lot, output.Packs, "EA");
        e["ilmd"] = new JsonObject { ["cbvmda:bestBeforeDate"] = bestBefore };
        return e;
    }

    private static JsonObject Pack(string sscc, string gtin, string lot, double packs, string time, string at)
    {
        var e = Base("AggregationEvent", time, "ADD", "packing", at);
        e["parentID"] = $"https://id.gs1.org/00/{sscc}";
        e["childQuantityList"] = Quantity(gtin, lot, packs, "EA");
        return e;
    }

    private static JsonObject ShipPallet(string sscc, string time, string from, string to)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "shipping", from);
        e["disposition"] = "in_transit";
        e["epcList"] = new JsonArray($"https://id.gs1.org/00/{sscc}");
        e["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = $"https://id.gs1.org/417/{from}" });
        e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{to}" });
        e["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "desadv", ["bizTransaction"] = $"urn:epcglobal:cbv:bt:{from}:DESADV-{sscc[^6..]}" });
        return e;
    }

    private static JsonObject ReceivePallet(string sscc, string time, string at)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "receiving", at);
        e["disposition"] = "in_progress";
        e["epcList"] = new JsonArray($"https://id.gs1.org/00/{sscc}");
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
