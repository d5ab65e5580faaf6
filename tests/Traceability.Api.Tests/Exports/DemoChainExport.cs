using Microsoft.Extensions.DependencyInjection;
using Traceability.Storage;

namespace Traceability.Api.Tests.Exports;

/// <summary>
/// Every critical tracking event of the demo chain, from each ingredient's harvest to each shop's receipt, has its
/// row in the FSMA 204 export with every key data element the rule names, as a table.
/// </summary>
[Collection(DemoExportCollection.Name)]
public sealed class DemoChainExport(DemoExportFixture demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Po = "Purchase Order", Da = "Despatch Advice (Advance Ship Notice)", Inv = "Invoice", Bol = "Bill of Lading", Wo = "Production Order";
    private const string Kg = "kilogram (KGM)", Ea = "each (EA)";

    /// <summary>Lot → (traceability lot code, the member that created it, its product description).</summary>
    private static readonly Dictionary<string, (string Code, string Creator, string Product)> Lots = new()
    {
        ["R"] = ("(01)06901234100013(10)R2026-11-A", "rice-farm", "Liuzhou fragrant rice (柳州香米), brand Luzhai (鹿寨), 25 kg"),
        ["B"] = ("(01)06901234100020(10)B2026-11-07", "bamboo", "Rong'an pickled bamboo shoots (融安酸笋), brand Rong'an (融安), 5 kg"),
        ["N1"] = ("(01)06901234100037(10)LSF-20261112", "noodle-factory", "Liuzhou river-snail rice noodles (original) (柳州螺蛳粉（原味）), brand Longcheng (龙城), 330 g"),
        ["N2"] = ("(01)06901234100037(10)LSF-20261113", "noodle-factory", "Liuzhou river-snail rice noodles (original) (柳州螺蛳粉（原味）), brand Longcheng (龙城), 330 g"),
        ["VA"] = ("(01)06901234100044(10)V2026-11-08A", "vegetables", "Liujiang pickled cowpeas (柳江酸豆角), brand Liujiang (柳江), 5 kg"),
        ["VB"] = ("(01)06901234100044(10)V2026-11-08B", "vegetables", "Liujiang pickled cowpeas (柳江酸豆角), brand Liujiang (柳江), 5 kg"),
    };

    private sealed record Expected(
        string Lot, string Cte, string Role, string Time, string Quantity, string Unit, string AsRecorded,
        string Location, string ShipFrom, string ShipTo, string Inputs, string Sscc, string DocTypes, string DocNumbers, string RecordedBy);

    private static Expected Row(string lot, string cte, string role, string time, string quantity, string unit, string asRecorded,
        string location, string shipFrom, string shipTo, string inputs, string sscc, string docTypes, string docNumbers, string by) =>
        new(lot, cte, role, time, quantity, unit, asRecorded, location, shipFrom, shipTo, inputs, sscc, docTypes, docNumbers, by);

    // Locations are written as {member} and filled in with the member's name and GLN; "" means the column is empty.
    private static readonly Expected[] Table =
    [
        //  lot   CTE               role      time (+08:00 where it happened)  qty     unit  as recorded  location                             ship-from           ship-to             inputs          SSCC                       document types            document numbers                                  recorded by
        Row("R",  "Harvesting",     "",       "2026-11-02T07:30:00+08:00", "800",  Kg, "",         "{rice-farm}, sub-location P-07",   "",                 "{noodle-factory}", "",             "",                        Wo,                       "HO-2611-02",                                     "rice-farm"),
        Row("R",  "Shipping",       "",       "2026-11-10T08:00:00+08:00", "800",  Kg, "",         "{rice-farm}",                      "{rice-farm}",      "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-01; DA-R-1110",                      "rice-farm"),
        Row("R",  "Receiving",      "",       "2026-11-10T15:00:00+08:00", "800",  Kg, "0.8 TNE",  "{noodle-factory}",                 "{rice-farm}",      "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-01; DA-R-1110",                      "noodle-factory"),
        Row("R",  "Transformation", "Input",  "2026-11-12T09:00:00+08:00", "400",  Kg, "",         "{noodle-factory}",                 "",                 "",                 "",             "",                        Wo,                       "WO-20261112",                                    "noodle-factory"),
        Row("R",  "Transformation", "Input",  "2026-11-13T09:00:00+08:00", "400",  Kg, "",         "{noodle-factory}",                 "",                 "",                 "",             "",                        Wo,                       "WO-20261113",                                    "noodle-factory"),
        Row("B",  "Harvesting",     "",       "2026-11-07T09:00:00+08:00", "300",  Kg, "",         "{bamboo}",                         "",                 "{noodle-factory}", "",             "",                        Wo,                       "SB-WO-1107",                                     "bamboo"),
        Row("B",  "Shipping",       "",       "2026-11-10T10:00:00+08:00", "300",  Kg, "",         "{bamboo}",                         "{bamboo}",         "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-02; DA-B-1110",                      "bamboo"),
        Row("B",  "Receiving",      "",       "2026-11-10T16:00:00+08:00", "300",  Kg, "",         "{noodle-factory}",                 "{bamboo}",         "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-02; DA-B-1110",                      "noodle-factory"),
        Row("B",  "Transformation", "Input",  "2026-11-12T09:00:00+08:00", "150",  Kg, "",         "{noodle-factory}",                 "",                 "",                 "",             "",                        Wo,                       "WO-20261112",                                    "noodle-factory"),
        Row("B",  "Transformation", "Input",  "2026-11-13T09:00:00+08:00", "150",  Kg, "",         "{noodle-factory}",                 "",                 "",                 "",             "",                        Wo,                       "WO-20261113",                                    "noodle-factory"),
        Row("N1", "Transformation", "Output", "2026-11-12T09:00:00+08:00", "4000", Ea, "",         "{noodle-factory}",                 "",                 "",                 "R; B; VA",     "",                        Wo,                       "WO-20261112",                                    "noodle-factory"),
        Row("N1", "Shipping",       "",       "2026-11-13T08:00:00+08:00", "4000", Ea, "",         "{noodle-factory}",                 "{noodle-factory}", "{packer}",         "",             "",                        $"{Da}; {Bol}",           "DA-LSF-1113-1; BOL-LZ-1113-01",                  "noodle-factory"),
        Row("N1", "Receiving",      "",       "2026-11-13T11:00:00+08:00", "4000", Ea, "",         "{packer}",                         "{noodle-factory}", "{packer}",         "",             "",                        $"{Da}; {Bol}",           "DA-LSF-1113-1; BOL-LZ-1113-01",                  "packer"),
        Row("N1", "Shipping",       "",       "2026-11-13T15:00:00+08:00", "1200", Ea, "",         "{packer}",                         "{packer}",         "{distributor}",    "",             "(00)069012340000000016",  $"{Po}; {Da}",            "PO-GZ-2611-088; DA-PC-1113-01",                  "packer"),
        Row("N1", "Receiving",      "",       "2026-11-13T18:00:00+08:00", "1200", Ea, "",         "{distributor}",                    "{packer}",         "{distributor}",    "",             "(00)069012340000000016",  $"{Po}; {Da}",            "PO-GZ-2611-088; DA-PC-1113-01",                  "distributor"),
        Row("N1", "Shipping",       "",       "2026-11-14T06:00:00+08:00", "1200", Ea, "",         "{distributor}",                    "{distributor}",    "{shop-wuyi}",      "",             "(00)069012340000000016",  $"{Po}; {Da}; {Inv}",     "PO-WUYI-1114; DA-GZ-1114-01; INV-GZ-1114-01",    "distributor"),
        Row("N1", "Receiving",      "",       "2026-11-14T09:30:00+08:00", "1200", Ea, "",         "{shop-wuyi}",                      "{distributor}",    "{shop-wuyi}",      "",             "(00)069012340000000016",  $"{Po}; {Da}",            "PO-WUYI-1114; DA-GZ-1114-01",                    "shop-wuyi"),
        Row("N2", "Transformation", "Output", "2026-11-13T09:00:00+08:00", "4000", Ea, "",         "{noodle-factory}",                 "",                 "",                 "R; B; VB",     "",                        Wo,                       "WO-20261113",                                    "noodle-factory"),
        Row("N2", "Shipping",       "",       "2026-11-13T17:00:00+08:00", "4000", Ea, "",         "{noodle-factory}",                 "{noodle-factory}", "{packer}",         "",             "",                        $"{Da}; {Bol}",           "DA-LSF-1113-2; BOL-LZ-1113-02",                  "noodle-factory"),
        Row("N2", "Receiving",      "",       "2026-11-13T19:00:00+08:00", "4000", Ea, "",         "{packer}",                         "{noodle-factory}", "{packer}",         "",             "",                        $"{Da}; {Bol}",           "DA-LSF-1113-2; BOL-LZ-1113-02",                  "packer"),
        Row("N2", "Shipping",       "",       "2026-11-13T21:00:00+08:00", "960",  Ea, "",         "{packer}",                         "{packer}",         "{distributor}",    "",             "(00)069012340000000023",  $"{Po}; {Da}",            "PO-GZ-2611-088; DA-PC-1113-02",                  "packer"),
        Row("N2", "Shipping",       "",       "2026-11-13T21:00:01+08:00", "960",  Ea, "",         "{packer}",                         "{packer}",         "{distributor}",    "",             "(00)069012340000000030",  $"{Po}; {Da}",            "PO-GZ-2611-088; DA-PC-1113-03",                  "packer"),
        Row("N2", "Receiving",      "",       "2026-11-14T01:00:00+08:00", "960",  Ea, "",         "{distributor}",                    "{packer}",         "{distributor}",    "",             "(00)069012340000000023",  $"{Po}; {Da}",            "PO-GZ-2611-088; DA-PC-1113-02",                  "distributor"),
        Row("N2", "Receiving",      "",       "2026-11-14T01:00:01+08:00", "960",  Ea, "",         "{distributor}",                    "{packer}",         "{distributor}",    "",             "(00)069012340000000030",  $"{Po}; {Da}",            "PO-GZ-2611-088; DA-PC-1113-03",                  "distributor"),
        Row("N2", "Shipping",       "",       "2026-11-14T06:30:00+08:00", "960",  Ea, "",         "{distributor}",                    "{distributor}",    "{shop-yufeng}",    "",             "(00)069012340000000023",  $"{Po}; {Da}; {Inv}",     "PO-YUFENG-1114; DA-GZ-1114-02; INV-GZ-1114-02",  "distributor"),
        Row("N2", "Shipping",       "",       "2026-11-14T07:00:00+08:00", "960",  Ea, "",         "{distributor}",                    "{distributor}",    "{shop-liunan}",    "",             "(00)069012340000000030",  $"{Po}; {Da}; {Inv}",     "PO-LIUNAN-1114; DA-GZ-1114-03; INV-GZ-1114-03",  "distributor"),
        Row("N2", "Receiving",      "",       "2026-11-14T10:00:00+08:00", "960",  Ea, "",         "{shop-yufeng}",                    "{distributor}",    "{shop-yufeng}",    "",             "(00)069012340000000023",  $"{Po}; {Da}",            "PO-YUFENG-1114; DA-GZ-1114-02",                  "shop-yufeng"),
        Row("N2", "Receiving",      "",       "2026-11-14T10:30:00+08:00", "960",  Ea, "",         "{shop-liunan}",                    "{distributor}",    "{shop-liunan}",    "",             "(00)069012340000000030",  $"{Po}; {Da}",            "PO-LIUNAN-1114; DA-GZ-1114-03",                  "shop-liunan"),
        Row("VA", "Harvesting",     "",       "2026-11-08T08:00:00+08:00", "150",  Kg, "",         "{vegetables}, sub-location F-03",  "",                 "{noodle-factory}", "",             "",                        Wo,                       "HV-1108-A",                                      "vegetables"),
        Row("VA", "Shipping",       "",       "2026-11-10T11:00:00+08:00", "150",  Kg, "",         "{vegetables}",                     "{vegetables}",     "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-03; DA-V-1110-1",                    "vegetables"),
        Row("VA", "Receiving",      "",       "2026-11-10T16:30:00+08:00", "150",  Kg, "",         "{noodle-factory}",                 "{vegetables}",     "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-03; DA-V-1110-1",                    "noodle-factory"),
        Row("VA", "Transformation", "Input",  "2026-11-12T09:00:00+08:00", "150",  Kg, "",         "{noodle-factory}",                 "",                 "",                 "",             "",                        Wo,                       "WO-20261112",                                    "noodle-factory"),
        Row("VB", "Harvesting",     "",       "2026-11-08T10:00:00+08:00", "150",  Kg, "",         "{vegetables}, sub-location F-05",  "",                 "{noodle-factory}", "",             "",                        Wo,                       "HV-1108-B",                                      "vegetables"),
        Row("VB", "Shipping",       "",       "2026-11-10T11:00:01+08:00", "150",  Kg, "",         "{vegetables}",                     "{vegetables}",     "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-03; DA-V-1110-2",                    "vegetables"),
        Row("VB", "Receiving",      "",       "2026-11-10T16:30:01+08:00", "150",  Kg, "",         "{noodle-factory}",                 "{vegetables}",     "{noodle-factory}", "",             "",                        $"{Po}; {Da}",            "PO-LSF-2611-03; DA-V-1110-2",                    "noodle-factory"),
        Row("VB", "Transformation", "Input",  "2026-11-13T09:00:00+08:00", "150",  Kg, "",         "{noodle-factory}",                 "",                 "",                 "",             "",                        Wo,                       "WO-20261113",                                    "noodle-factory"),
    ];

    private string Fill(string text)
    {
        foreach (var member in demo.Members.Select(m => m.Key))
            text = text.Replace("{" + member + "}", demo.Location(member), StringComparison.Ordinal);
        return text;
    }

    private static string Codes(string lots) =>
        lots.Length == 0 ? "" : string.Join("; ", lots.Split("; ").Select(l => Lots[l].Code));

    /// <summary>The row the export should have, column by column, in the export's header names.</summary>
    private Dictionary<string, string> Columns(Expected e)
    {
        var (code, creator, product) = Lots[e.Lot];
        return new Dictionary<string, string>
        {
            ["Traceability Lot Code"] = code,
            ["Traceability Lot Code Source"] = demo.Location(creator),
            ["Traceability Lot Code Source Reference"] = $"https://id.gs1.org/414/{demo.Gln(creator)}",
            ["Product Description"] = product,
            ["Quantity"] = e.Quantity,
            ["Unit of Measure"] = e.Unit,
            ["Quantity as Recorded"] = e.AsRecorded,
            ["Critical Tracking Event"] = e.Cte,
            ["Transformation Role"] = e.Role,
            ["Date"] = e.Time[..10],
            ["Event Time"] = e.Time,
            ["Location"] = Fill(e.Location),
            ["Ship-From Location"] = Fill(e.ShipFrom),
            ["Ship-To Location"] = Fill(e.ShipTo),
            ["Input Traceability Lot Codes"] = Codes(e.Inputs),
            ["Logistic Units (SSCC)"] = e.Sscc,
            ["Reference Document Type"] = e.DocTypes,
            ["Reference Document Number"] = e.DocNumbers,
            ["Recorded By"] = demo.Name(e.RecordedBy),
        };
    }

    [Fact]
    public async Task EveryCriticalTrackingEventOfTheDemoHasItsRowWithEveryKeyDataElement()
    {
        var export = new ExportTable(await demo.CsvAsync("", Ct));

        // In the spreadsheet's order: by lot code, then date and time.
        Assert.Equal(
            Table.Select(e => (Lots[e.Lot].Code, e.Cte, e.Role, e.Time)),
            export.Rows.Select(r => (export.Cell(r, "Traceability Lot Code"), export.Cell(r, "Critical Tracking Event"), export.Cell(r, "Transformation Role"), export.Cell(r, "Event Time"))));
        foreach (var (expected, row) in Table.Zip(export.Rows))
            foreach (var (column, value) in Columns(expected))
                Assert.True(value == export.Cell(row, column),
                    $"{expected.Lot} {expected.Cte} {expected.Time}, column \"{column}\":\n  expected {value}\n  actual   {export.Cell(row, column)}");
        Assert.Equal(export.Header.Count - 1, Columns(Table[0]).Count); // every column but the event id is checked above
    }

    [Fact]
    public async Task EachRowNamesTheStoredEventItCameFromAndItsRecorder()
    {
        var export = new ExportTable(await demo.CsvAsync("", Ct));
        var store = demo.Factory.Services.GetRequiredService<ITraceStore>();

        foreach (var (expected, row) in Table.Zip(export.Rows))
        {
            var stored = await store.GetEventAsync(export.Cell(row, "Event ID"), Ct);
            Assert.NotNull(stored);
            Assert.Equal(demo.Members[expected.RecordedBy]!["orgId"]!.GetValue<string>(), stored.OrgId);
            Assert.Equal(expected.Cte == "Transformation" ? "TransformationEvent" : "ObjectEvent", stored.EventType);
        }
    }
}
