namespace Traceability.Cli.Demo;

/// <summary>The demo's products, lab results and recall, posted through the API after the events they refer to.</summary>
internal static class DemoFacts
{
    public static (string Owner, string Gtin, object Body)[] Products =>
    [
        ("rice-farm", DemoEvents.Rice, Product("柳州香米", "Liuzhou fragrant rice", "鹿寨", "Luzhai", "25 kg", 365)),
        ("bamboo", DemoEvents.Bamboo, Product("融安酸笋", "Rong'an pickled bamboo shoots", "融安", "Rong'an", "5 kg", 180)),
        ("vegetables", DemoEvents.Cowpeas, Product("柳江酸豆角", "Liujiang pickled cowpeas", "柳江", "Liujiang", "5 kg", 120)),
        ("noodle-factory", DemoEvents.Noodles, Product("柳州螺蛳粉（原味）", "Liuzhou river-snail rice noodles (original)", "龙城", "Longcheng", "330 g", 180)),
    ];

    private static object Product(string zh, string en, string brandZh, string brandEn, string netContent, int shelfLifeDays) => new
    {
        name = new Dictionary<string, string> { ["zh-CN"] = zh, ["en"] = en },
        brand = new Dictionary<string, string> { ["zh-CN"] = brandZh, ["en"] = brandEn },
        countryOfOrigin = "CN",
        netContent,
        shelfLifeDays,
    };

    private const string Cma = "https://cma.samr.gov.cn/certificates/2026-0451";
    private const string Cnas = "https://www.cnas.org.cn/labs/CNAS-L18832";

    /// <summary>Rapid tests on pesticide residues at the factory's intake; the second cowpea lot fails the GC-MS/MS confirmation.</summary>
    public static object[] LabResults =>
    [
        Qualitative(DemoEvents.Rice, DemoEvents.RiceLot, "S-R-1110", "2026-11-10T15:30:00+08:00"),
        Qualitative(DemoEvents.Bamboo, DemoEvents.BambooLot, "S-B-1110", "2026-11-10T16:10:00+08:00"),
        Measured(DemoEvents.Cowpeas, DemoEvents.CleanCowpeas, "S-V-1110A", 0.008, "pass", "2026-11-11T10:00:00+08:00"),
        Measured(DemoEvents.Cowpeas, DemoEvents.BadCowpeas, "S-V-1110B", 0.12, "fail", "2026-11-15T10:00:00+08:00"),
    ];

    private static object Qualitative(string gtin, string lot, string sample, string at) => new
    {
        gtin, lot, sampleId = sample,
        analyte = new { name = "chlorpyrifos 毒死蜱", inchiKey = "SBPBAQFWLVIOKP-UHFFFAOYSA-N" },
        method = "KJ 201710",
        result = new { qualitative = "negative" },
        verdict = "pass",
        kitLot = "K2026-11", kitExpiry = "2027-06-30",
        referenceMaterial = new { number = "GBW(E)082923", batch = "a" },
        instrument = "农残速测仪 NC-8", analyst = "覃丽",
        testedAt = at,
        certifications = new[] { Cma, Cnas },
    };

    private static object Measured(string gtin, string lot, string sample, double value, string verdict, string at) => new
    {
        gtin, lot, sampleId = sample,
        analyte = new { name = "chlorpyrifos 毒死蜱", inchiKey = "SBPBAQFWLVIOKP-UHFFFAOYSA-N" },
        method = "GB 23200.113-2018",
        result = new { value, unit = "mg/kg" },
        limit = new { value = 0.02, unit = "mg/kg", source = "GB 2763-2021" },
        verdict,
        kitLot = "QC-2026-11", kitExpiry = "2027-03-31",
        referenceMaterial = new { number = "GBW10015a" },
        instrument = "GC-MS/MS 8060", analyst = "韦强",
        testedAt = at,
        certifications = new[] { Cma, Cnas },
    };

    public static object Recall => new
    {
        gtin = DemoEvents.Cowpeas,
        lot = DemoEvents.BadCowpeas,
        reason = "酸豆角批次 V2026-11-08B 毒死蜱残留 0.12 mg/kg，超过 GB 2763-2021 限量 0.02 mg/kg / chlorpyrifos 0.12 mg/kg above the GB 2763-2021 limit of 0.02 mg/kg",
        classification = "II",
    };
}
