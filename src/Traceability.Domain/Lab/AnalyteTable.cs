namespace Traceability.Domain.Lab;

/// <summary>
/// The analytes Chinese market rapid testing (农贸市场快检) and residue confirmation most often report, in English and
/// Chinese with their standard InChIKey where the analyte is one substance, and whether a result is usually qualitative
/// (a rapid-test card's line) or a measured amount. The console's analyte picker offers these; the API accepts any
/// analyte name, so a lab is never stuck when its analyte is not listed.
/// </summary>
public static class AnalyteTable
{
    public sealed record Entry(string English, string Chinese, string? InchiKey, bool UsuallyQualitative)
    {
        /// <summary>The name written into results, as the demo's results write it: "chlorpyrifos 毒死蜱".</summary>
        public string Name => $"{English} {Chinese}";
    }

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("organophosphorus and carbamate pesticides (enzyme inhibition)", "有机磷和氨基甲酸酯类农药（酶抑制率）", null, true),
        new("chlorpyrifos", "毒死蜱", "SBPBAQFWLVIOKP-UHFFFAOYSA-N", false),
        new("methamidophos", "甲胺磷", "NNKVPIKMPCQWCG-UHFFFAOYSA-N", false),
        new("omethoate", "氧乐果", "PZXOQEXFMJCDPG-UHFFFAOYSA-N", false),
        new("carbofuran", "克百威", "DUEPRVBVGDRKAG-UHFFFAOYSA-N", false),
        new("clenbuterol", "克伦特罗", "STJMRWALKKWQGH-UHFFFAOYSA-N", true),
        new("ractopamine", "莱克多巴胺", "YJQZYXCXBBCEAQ-UHFFFAOYSA-N", true),
        new("salbutamol", "沙丁胺醇", "NDAUXUAQIAJITI-UHFFFAOYSA-N", true),
        new("chloramphenicol", "氯霉素", "WIIZWVCIJKGZOK-RKDXNWHRSA-N", true),
        new("enrofloxacin", "恩诺沙星", "SPFYMRJSYKOXGV-UHFFFAOYSA-N", true),
        new("malachite green", "孔雀石绿", null, true),
        new("aflatoxin B1", "黄曲霉毒素B1", "OQIQSTLJSLGHID-WNWIJWBNSA-N", false),
        new("formaldehyde", "甲醛", "WSFSSNUMVMOOMR-UHFFFAOYSA-N", true),
        new("sulfur dioxide", "二氧化硫", "RAHZWNYVWXNFOC-UHFFFAOYSA-N", false),
        new("nitrite", "亚硝酸盐", null, false),
    ];
}
