using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Consumer;

/// <summary>
/// The printable GS1 logistic label of a case or pallet (GS1 General Specifications §6.6, GB/T 18127): an A6-wide
/// label whose bottom section carries the SSCC as GS1-128 with its human-readable text. Only the SSCC is printed:
/// what a unit holds and where it goes is the shipper's business, not something to publish on an open page.
/// Self-contained like <see cref="LabelPage"/>: one inline stylesheet allowed by its hash, no scripts, nothing fetched.
/// </summary>
internal static class LogisticLabelPage
{
    /// <summary>Bars at X = 0.5 mm (the GS1 logistic label allows 0.495 to 1.016 mm): 88 mm by 32 mm for an SSCC.</summary>
    private const string Css =
        ":root{color-scheme:light}"
        + "body{margin:0;padding:1rem;background:#eee;color:#000;font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}"
        + ".screen{margin:0 0 1rem;font-size:.9rem}"
        + ".label{box-sizing:border-box;width:105mm;padding:4mm 0;background:#fff;border:1px dashed #999}"
        + "section{padding:0 4mm}.party{margin:0 0 3mm;font-size:9pt;color:#444}"
        + ".data{display:grid;grid-template-columns:auto 1fr;gap:1mm 3mm;align-items:baseline;margin:0 0 4mm;padding-bottom:3mm;border-bottom:.3mm solid #000}"
        + ".data dt{font-size:8pt}.data dd{margin:0;font:700 13pt/1.2 ui-monospace,\"DejaVu Sans Mono\",monospace;overflow-wrap:anywhere}"
        + ".bars{margin:0;text-align:center}.bars svg{display:block;margin:0 auto;width:88mm;height:32mm}"
        + ".hri{margin:1mm 0 0;text-align:center;font:11pt/1.2 ui-monospace,\"DejaVu Sans Mono\",monospace}"
        + "@page{size:105mm 148mm;margin:0}"
        + "@media print{body{padding:0;background:none}.screen{display:none}.label{border:none}}";

    public static readonly string ContentSecurityPolicy =
        $"default-src 'self'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private sealed record Captions(string Lang, string Title, string Unit, string SsccName, string Print, string Download);

    private static readonly Captions English = new("en", "GS1 logistic label", "Logistic unit (case or pallet)",
        "SSCC (Serial Shipping Container Code)", "Print this page on an A6 label.", "GS1-128:");

    private static readonly Captions Chinese = new("zh-CN", "GS1 物流标签", "物流单元（箱或托盘）",
        "SSCC（系列货运包装箱代码）", "将本页打印在 A6 标签上。", "GS1-128 条码：");

    public static string Render(Sscc sscc, Gs1ElementString elements, string barsSvg, string language, string pathBase)
    {
        var t = language == Chinese.Lang ? Chinese : English;
        var hri = Html.Encode(elements.ToHumanReadable());
        var imagePath = Html.Encode($"{pathBase}/barcodes/gs1-128/00/{sscc.Value}");
        return new StringBuilder(barsSvg.Length + 2048)
            .Append($"<!DOCTYPE html>\n<html lang=\"{t.Lang}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{t.Title} {hri}</title>\n<style>{Css}</style>\n</head>\n<body>\n")
            .Append("<nav class=\"screen\"><a href=\"?lang=zh-CN\" hreflang=\"zh-CN\" lang=\"zh-CN\">中文</a> · ")
            .Append("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a> · ")
            .Append($"{t.Print} {t.Download} <a href=\"{imagePath}.svg\">SVG</a> <a href=\"{imagePath}.png\">PNG</a></nav>\n")
            .Append("<main class=\"label\">\n<section>\n")
            .Append($"<p class=\"party\">{t.Title} · {t.Unit}</p>\n")
            .Append($"<dl class=\"data\"><dt>{t.SsccName}</dt><dd>{sscc.Value}</dd></dl>\n")
            .Append($"<figure class=\"bars\" aria-label=\"GS1-128 {hri}\">{barsSvg}</figure>\n")
            .Append($"<p class=\"hri\">{hri}</p>\n</section>\n</main>\n</body>\n</html>\n")
            .ToString();
    }
}
