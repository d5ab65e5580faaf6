using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Consumer;

/// <summary>
/// The printable label for a lot: its QR code (the Digital Link, for shoppers), its GS1 DataMatrix (the element string,
/// for tills and warehouses) with the GS1 human-readable interpretation, and the product name when one is known.
/// Self-contained: one inline stylesheet allowed by its hash, no scripts, nothing fetched.
/// </summary>
internal static class LabelPage
{
    private const string Css =
        ":root{color-scheme:light}"
        + "body{margin:0;padding:1rem;background:#eee;color:#000;font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}"
        + ".screen{margin:0 0 1rem;font-size:.9rem}"
        + ".label{display:flex;gap:4mm;align-items:center;box-sizing:border-box;width:100mm;min-height:40mm;padding:4mm;background:#fff;border:1px dashed #999}"
        + ".qr{margin:0;flex:none}.qr svg{display:block;width:32mm;height:32mm}"
        + ".text{min-width:0;overflow-wrap:anywhere}"
        + ".product{margin:0 0 2mm;font-size:12pt;font-weight:700}"
        + ".gs1{display:flex;gap:2mm;align-items:center;margin:2mm 0 0}.dm{margin:0;flex:none}.dm svg{display:block;width:14mm;height:14mm}"
        + ".hri{margin:0;font:8pt/1.3 ui-monospace,\"DejaVu Sans Mono\",monospace}"
        + "dl{display:grid;grid-template-columns:auto 1fr;gap:0 2mm;margin:0;font-size:8pt}dt{color:#444}dd{margin:0}"
        + ".scan{margin:2mm 0 0;font-size:8pt}"
        + "@page{margin:5mm}"
        + "@media print{body{padding:0;background:none}.screen{display:none}.label{border:none}}";

    /// <summary>Same-origin only; the one stylesheet by hash. Inline SVG is markup, not a fetched resource, so it needs no source.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'self'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private sealed record Captions(string Lang, string Title, string Gtin, string Lot, string BestBefore, string Expiry, string Scan,
        string Print, string Download, string DataMatrix);

    private static readonly Captions English = new("en", "Traceability label", "GTIN", "Batch/Lot", "Best before", "Use by",
        "Scan to trace this lot", "Print this page to get the label.", "QR code:", "GS1 DataMatrix:");

    private static readonly Captions Chinese = new("zh-CN", "溯源标签", "商品条码", "批号", "保质期至", "有效期至",
        "扫码追溯本批次", "打印本页即可得到标签。", "二维码：", "GS1 DataMatrix 码：");

    /// <summary>zh-CN or en: <c>?lang=</c> first, then the highest-weighted Accept-Language we have, else en.</summary>
    public static string Language(HttpRequest request) => PageLanguage.Of(request);

    /// <param name="elements">The pack's element string, which the DataMatrix holds and the label prints as text.</param>
    public static string Render(GtinLink link, Gs1ElementString elements, string qrSvg, string dataMatrixSvg, string? productName,
        string language, string pathBase)
    {
        var t = language == Chinese.Lang ? Chinese : English;
        var hri = Html.Encode(elements.ToHumanReadable());
        var qrPath = Html.Encode($"{pathBase}/qr{link.Path}");
        var dmPath = Html.Encode($"{pathBase}/barcodes/datamatrix{link.Path}");
        var html = new StringBuilder(qrSvg.Length + dataMatrixSvg.Length + 2048);
        html.Append($"<!DOCTYPE html>\n<html lang=\"{t.Lang}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{t.Title} {hri}</title>\n<style>{Css}</style>\n</head>\n<body>\n")
            .Append("<nav class=\"screen\"><a href=\"?lang=zh-CN\" hreflang=\"zh-CN\" lang=\"zh-CN\">中文</a> · ")
            .Append("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a> · ")
            .Append($"{t.Print} {t.Download} <a href=\"{qrPath}.svg\">SVG</a> <a href=\"{qrPath}.png\">PNG</a> · ")
            .Append($"{t.DataMatrix} <a href=\"{dmPath}.svg\">SVG</a> <a href=\"{dmPath}.png\">PNG</a></nav>\n")
            .Append("<main class=\"label\">\n")
            .Append($"<figure class=\"qr\" aria-label=\"{Html.Encode(t.Scan)}\">{qrSvg}</figure>\n<div class=\"text\">\n");
        if (!string.IsNullOrWhiteSpace(productName))
            html.Append($"<p class=\"product\">{Html.Encode(productName)}</p>\n");
        html.Append($"<dl><dt>{t.Gtin}</dt><dd>{link.Gtin.Value}</dd><dt>{t.Lot}</dt><dd>{Html.Encode(link.Lot!.Value)}</dd>");
        if (elements.BestBefore is { } bestBefore)
            html.Append($"<dt>{t.BestBefore}</dt><dd>{bestBefore}</dd>");
        if (elements.Expiry is { } expiry)
            html.Append($"<dt>{t.Expiry}</dt><dd>{expiry}</dd>");
        html.Append("</dl>\n")
            .Append($"<div class=\"gs1\"><figure class=\"dm\" aria-label=\"GS1 DataMatrix\">{dataMatrixSvg}</figure>")
            .Append($"<p class=\"hri\">{hri}</p></div>\n")
            .Append($"<p class=\"scan\">{t.Scan}</p>\n</div>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
