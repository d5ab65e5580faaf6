using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

public class ProductDescriptionText
{
    private static Dictionary<string, string> Map(params (string Tag, string Text)[] entries) => entries.ToDictionary(e => e.Tag, e => e.Text);

    [Fact]
    public void NamesTheProductBrandAndPackSizeEnglishFirst() =>
        Assert.Equal("Liuzhou fragrant rice (柳州香米), brand Luzhai (鹿寨), 25 kg",
            ProductDescriptions.Compose(Map(("zh-CN", "柳州香米"), ("en", "Liuzhou fragrant rice")), Map(("zh-CN", "鹿寨"), ("en", "Luzhai")), "25 kg"));

    [Fact]
    public void WritesOneLanguageOnceAndLeavesOutWhatIsMissing()
    {
        Assert.Equal("Romaine lettuce, 24 ct", ProductDescriptions.Compose(Map(("en", "Romaine lettuce")), null, "24 ct"));
        Assert.Equal("柳州香米", ProductDescriptions.Compose(Map(("zh-CN", "柳州香米")), Map(), " "));
        Assert.Null(ProductDescriptions.Compose(null, null, null));
    }
}
