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
    /// <remarks>
    /// Each step carries what its organisation would record for the FDA's Food Traceability Rule: harvests name the
    /// field (a GLN extension on the read point) and the harvest or production order; every shipment names the
    /// buyer's purchase order and the shipper's despatch advice (a bill of lading from the factory, an invoice to the
    /// shops), and every receipt the documents it answers; production runs name their work order. Quantities keep
    /// one unit per lot from production to the shop (kilograms for ingredients, packs for noodles), except the
    /// factory's weighbridge, which weighs the rice in tonnes.
    /// </remarks>
    public static IEnumerable<(string Writer, JsonObject[] Events)> Steps(Func<string, string> gln)
    {
        var factory = gln("noodle-factory");
        var packer = gln("packer");
        var distributor = gln("distributor");
        yield return ("rice-farm", [Commission(Rice, RiceLot, 800, "2026-11-02T07:30:00+08:00", gln("rice-farm"), "P-07", Doc("prodorder", gln("rice-farm"), "HO-2611-02"))]);
        yield return ("bamboo", [Commission(Bamboo, BambooLot, 300, "2026-11-07T09:00:00+08:00", gln("bamboo"), null, Doc("prodorder", gln("bamboo"), "SB-WO-1107"))]);
        yield return ("vegetables",
        [
            Commission(Cowpeas, CleanCowpeas, 150, "2026-11-08T08:00:00+08:00", gln("vegetables"), "F-03", Doc("prodorder", gln("vegetables"), "HV-1108-A")),
            Commission(Cowpeas, BadCowpeas, 150, "2026-11-08T10:00:00+08:00", gln("vegetables"), "F-05", Doc("prodorder", gln("vegetables"), "HV-1108-B")),
        ]);
        var ricePo = Doc("po", factory, "PO-LSF-2611-01");
        var bambooPo = Doc("po", factory, "PO-LSF-2611-02");
        var cowpeasPo = Doc("po", factory, "PO-LSF-2611-03");
        var riceDa = Doc("desadv", gln("rice-farm"), "DA-R-1110");
        var bambooDa = Doc("desadv", gln("bamboo"), "DA-B-1110");
        var cleanDa = Doc("desadv", gln("vegetables"), "DA-V-1110-1");
        var badDa = Doc("desadv", gln("vegetables"), "DA-V-1110-2");
        yield return ("rice-farm", [Ship(Rice, RiceLot, 800, "KGM", "2026-11-10T08:00:00+08:00", gln("rice-farm"), factory, ricePo, riceDa)]);
        yield return ("bamboo", [Ship(Bamboo, BambooLot, 300, "KGM", "2026-11-10T10:00:00+08:00", gln("bamboo"), factory, bambooPo, bambooDa)]);
        yield return ("vegetables",
        [
            Ship(Cowpeas, CleanCowpeas, 150, "KGM", "2026-11-10T11:00:00+08:00", gln("vegetables"), factory, cowpeasPo, cleanDa),
            Ship(Cowpeas, BadCowpeas, 150, "KGM", "2026-11-10T11:00:01+08:00", gln("vegetables"), factory, cowpeasPo, badDa),
        ]);
        var goodDa = Doc("desadv", factory, "DA-LSF-1113-1");
        var goodBol = Doc("bol", factory, "BOL-LZ-1113-01");
        var recalledDa = Doc("desadv", factory, "DA-LSF-1113-2");
        var recalledBol = Doc("bol", factory, "BOL-LZ-1113-02");
        yield return ("noodle-factory",
        [
            Receive(Rice, RiceLot, 0.8, "TNE", "2026-11-10T15:00:00+08:00", factory, ricePo, riceDa),
            Receive(Bamboo, BambooLot, 300, "KGM", "2026-11-10T16:00:00+08:00", factory, bambooPo, bambooDa),
            Receive(Cowpeas, CleanCowpeas, 150, "KGM", "2026-11-10T16:30:00+08:00", factory, cowpeasPo, cleanDa),
            Receive(Cowpeas, BadCowpeas, 150, "KGM", "2026-11-10T16:30:01+08:00", factory, cowpeasPo, badDa),
            Transform("2026-11-12T09:00:00+08:00", factory,
                [(Rice, RiceLot, 400), (Bamboo, BambooLot, 150), (Cowpeas, CleanCowpeas, 150)], (Noodles, GoodNoodles, 4000), "2027-05-12",
                Doc("prodorder", factory, "WO-20261112")),
            Transform("2026-11-13T09:00:00+08:00", factory,
                [(Rice, RiceLot, 400), (Bamboo, BambooLot, 150), (Cowpeas, BadCowpeas, 150)], (Noodles, RecalledNoodles, 4000), "2027-05-13",
                Doc("prodorder", factory, "WO-20261113")),
            Ship(Noodles, GoodNoodles, 4000, "EA", "2026-11-13T08:00:00+08:00", factory, packer, goodDa, goodBol),
            Ship(Noodles, RecalledNoodles, 4000, "EA", "2026-11-13T17:00:00+08:00", factory, packer, recalledDa, recalledBol),
        ]);
        var distributorPo = Doc("po", distributor, "PO-GZ-2611-088");
        var packerDa = new Dictionary<string, JsonObject>
        {
            [PalletWuyi] = Doc("desadv", packer, "DA-PC-1113-01"),
            [PalletYufeng] = Doc("desadv", packer, "DA-PC-1113-02"),
            [PalletLiunan] = Doc("desadv", packer, "DA-PC-1113-03"),
        };
        yield return ("packer",
        [
            Receive(Noodles, GoodNoodles, 4000, "EA", "2026-11-13T11:00:00+08:00", packer, goodDa, goodBol),
            Receive(Noodles, RecalledNoodles, 4000, "EA", "2026-11-13T19:00:00+08:00", packer, recalledDa, recalledBol),
            Pack(PalletWuyi, Noodles, GoodNoodles, 1200, "2026-11-13T13:00:00+08:00", packer),
            Pack(PalletYufeng, Noodles, RecalledNoodles, 960, "2026-11-13T20:00:00+08:00", packer),
            Pack(PalletLiunan, Noodles, RecalledNoodles, 960, "2026-11-13T20:30:00+08:00", packer),
            ShipPallet(PalletWuyi, "2026-11-13T15:00:00+08:00", packer, distributor, distributorPo, packerDa[PalletWuyi]),
            ShipPallet(PalletYufeng, "2026-11-13T21:00:00+08:00", packer, distributor, distributorPo, packerDa[PalletYufeng]),
            ShipPallet(PalletLiunan, "2026-11-13T21:00:01+08:00", packer, distributor, distributorPo, packerDa[PalletLiunan]),
        ]);
        var shops = new (string Key, string Pallet, string Number)[] { ("shop-wuyi", PalletWuyi, "01"), ("shop-yufeng", PalletYufeng, "02"), ("shop-liunan", PalletLiunan, "03") };
        var shopPo = shops.ToDictionary(s => s.Key, s => Doc("po", gln(s.Key), $"PO-{s.Key[5..].ToUpperInvariant()}-1114"));
        var shopDa = shops.ToDictionary(s => s.Key, s => Doc("desadv", distributor, $"DA-GZ-1114-{s.Number}"));
        var shopInvoice = shops.ToDictionary(s => s.Key, s => Doc("inv", distributor, $"INV-GZ-1114-{s.Number}"));
        yield return ("distributor",
        [
            ReceivePallet(PalletWuyi, "2026-11-13T18:00:00+08:00", distributor, distributorPo, packerDa[PalletWuyi]),
            ReceivePallet(PalletYufeng, "2026-11-14T01:00:00+08:00", distributor, distributorPo, packerDa[PalletYufeng]),
            ReceivePallet(PalletLiunan, "2026-11-14T01:00:01+08:00", distributor, distributorPo, packerDa[PalletLiunan]),
            ShipPallet(PalletWuyi, "2026-11-14T06:00:00+08:00", distributor, gln("shop-wuyi"), shopPo["shop-wuyi"], shopDa["shop-wuyi"], shopInvoice["shop-wuyi"]),
            ShipPallet(PalletYufeng, "2026-11-14T06:30:00+08:00", distributor, gln("shop-yufeng"), shopPo["shop-yufeng"], shopDa["shop-yufeng"], shopInvoice["shop-yufeng"]),
            ShipPallet(PalletLiunan, "2026-11-14T07:00:00+08:00", distributor, gln("shop-liunan"), shopPo["shop-liunan"], shopDa["shop-liunan"], shopInvoice["shop-liunan"]),
        ]);
        yield return ("shop-wuyi", [ReceivePallet(PalletWuyi, "2026-11-14T09:30:00+08:00", gln("shop-wuyi"), shopPo["shop-wuyi"], shopDa["shop-wuyi"])]);
        yield return ("shop-yufeng", [ReceivePallet(PalletYufeng, "2026-11-14T10:00:00+08:00", gln("shop-yufeng"), shopPo["shop-yufeng"], shopDa["shop-yufeng"])]);
        yield return ("shop-liunan", [ReceivePallet(PalletLiunan, "2026-11-14T10:30:00+08:00", gln("shop-liunan"), shopPo["shop-liunan"], shopDa["shop-liunan"])]);
    }

    /// <summary>A business document reference: CBV type and the issuer's private transaction id (urn:epcglobal:cbv:bt:{GLN}:{number}).</summary>
    private static JsonObject Doc(string type, string issuerGln, string number) =>
        new() { ["type"] = type, ["bizTransaction"] = $"urn:epcglobal:cbv:bt:{issuerGln}:{number}" };

    private static JsonArray Docs(JsonObject[] documents) => new(documents.Select(d => (JsonNode)d.DeepClone()).ToArray());

    private static JsonObject Base(string type, string time, string? action, string bizStep, string locationGln, string? subLocation = null)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["eventTime"] = time,
            ["eventTimeZoneOffset"] = "+08:00",
        };
        if (action is not null) e["action"] = action;
        e["bizStep"] = bizStep;
        // The read point may be more precise than the business location: the field a crop was harvested from.
        e["readPoint"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{locationGln}" + (subLocation is null ? "" : $"/254/{subLocation}") };
        e["bizLocation"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{locationGln}" };
        return e;
    }

    private static JsonArray Quantity(string gtin, string lot, double amount, string unit) =>
        new(new JsonObject { ["epcClass"] = $"https://id.gs1.org/01/{gtin}/10/{lot}", ["quantity"] = amount, ["uom"] = unit });

    private static JsonObject Commission(string gtin, string lot, double kg, string time, string at, string? field, JsonObject order)
    {
        var e = Base("ObjectEvent", time, "ADD", "commissioning", at, field);
        e["disposition"] = "active";
        e["quantityList"] = Quantity(gtin, lot, kg, "KGM");
        e["bizTransactionList"] = Docs([order]);
        return e;
    }

    private static JsonObject Ship(string gtin, string lot, double amount, string unit, string time, string from, string to, params JsonObject[] documents)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "shipping", from);
        e["disposition"] = "in_transit";
        e["quantityList"] = Quantity(gtin, lot, amount, unit);
        e["bizTransactionList"] = Docs(documents);
        e["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = $"https://id.gs1.org/417/{from}" });
        e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{to}" });
        return e;
    }

    private static JsonObject Receive(string gtin, string lot, double amount, string unit, string time, string at, params JsonObject[] documents)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "receiving", at);
        e["disposition"] = "in_progress";
        e["quantityList"] = Quantity(gtin, lot, amount, unit);
        e["bizTransactionList"] = Docs(documents);
        return e;
    }

    private static JsonObject Transform(
        string time, string at, (string Gtin, string Lot, double Kg)[] inputs, (string Gtin, string Lot, double Packs) output, string bestBefore,
        JsonObject workOrder)
    {
        var e = Base("TransformationEvent", time, null, "commissioning", at);
        e["@context"] = new JsonArray(new JsonObject { ["cbvmda"] = "urn:epcglobal:cbv:mda:" });
        e["inputQuantityList"] = new JsonArray(inputs.Select(i => (JsonNode)Quantity(i.Gtin, i.Lot, i.Kg, "KGM")[0]!.DeepClone()).ToArray());
        e["outputQuantityList"] = Quantity(output.Gtin, output.Lot, output.Packs, "EA");
        e["bizTransactionList"] = Docs([workOrder]);
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

    private static JsonObject ShipPallet(string sscc, string time, string from, string to, params JsonObject[] documents)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "shipping", from);
        e["disposition"] = "in_transit";
        e["epcList"] = new JsonArray($"https://id.gs1.org/00/{sscc}");
        e["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = $"https://id.gs1.org/417/{from}" });
        e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{to}" });
        e["bizTransactionList"] = Docs(documents);
        return e;
    }

    private static JsonObject ReceivePallet(string sscc, string time, string at, params JsonObject[] documents)
    {
        var e = Base("ObjectEvent", time, "OBSERVE", "receiving", at);
        e["disposition"] = "in_progress";
        e["epcList"] = new JsonArray($"https://id.gs1.org/00/{sscc}");
        e["bizTransactionList"] = Docs(documents);
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
