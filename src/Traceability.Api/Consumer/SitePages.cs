using System.Text;

namespace Traceability.Api.Consumer;

/// <summary>
/// The pages around the consumer pages: the landing page at <c>/</c> (scanner, console, API reference) and the 404 and
/// 405 pages browsers get. zh-CN or en (<c>?lang=</c>, then Accept-Language) with a 中文 / English switch, in the
/// provenance page's look (/css/provenance.css), no script, under the provenance page's strict policy.
/// </summary>
internal static class SitePages
{
    private sealed record Text(
        string Lang, string Brand, string Title, string Intro, string Scan, string ScanHint, string Others, string Console, string ConsoleHint,
        string Api, string ApiHint, string Home, string NotFoundTitle, string NotFoundText, string MethodTitle, string MethodText);

    private static readonly Text English = new(
        PageLanguage.English, "Traceability", "Know where your food comes from",
        "Scan the QR code on a pack to see where the food was grown, made and checked, with every record verified on your phone.",
        "Scan a pack", "Camera or photo; no app needed.", "For businesses and developers",
        "Console", "For producers, laboratories, distributors, shops and regulators: record, trace and recall.",
        "API reference", "The HTTP API (EPCIS 2.0 capture and query, GS1 Digital Link resolver) for developers.",
        "Home", "Page not found", "There is nothing at this address. Scan a pack, or start again from the home page.",
        "Not available this way", "This address does not answer that kind of request.");

    private static readonly Text Chinese = new(
        PageLanguage.Chinese, "食品溯源", "了解您的食品从哪里来",
        "扫描包装上的二维码，查看食品的产地、加工和检验情况，每条记录都在您的手机上验证。",
        "扫码溯源", "使用相机或照片，无需安装应用。", "面向企业和开发者",
        "企业控制台", "供生产企业、检验机构、经销商、商店和监管部门记录、追溯和召回。",
        "API 参考文档", "面向开发者的 HTTP 接口（EPCIS 2.0 采集与查询、GS1 数字链接解析）。",
        "首页", "找不到此页面", "此地址没有内容。请扫描包装上的二维码，或从首页重新开始。",
        "不支持此请求", "此地址不接受这种请求方式。");

    /// <summary>GET / : what this system is, and where to go.</summary>
    public static IResult Landing(HttpContext context)
    {
        var t = For(context.Request);
        var pathBase = ProvenancePage.E(context.Request.PathBase.ToUriComponent());
        var html = Head(t, t.Title, pathBase);
        html.Append("<main class=\"landing\"><section><h1>").Append(ProvenancePage.E(t.Title)).Append("</h1><p>")
            .Append(ProvenancePage.E(t.Intro)).Append("</p>")
            .Append(Link("scan", $"{pathBase}/scan?lang={t.Lang}", t.Scan, t.ScanHint, primary: true))
            .Append("</section><section><h2>").Append(ProvenancePage.E(t.Others)).Append("</h2>")
            .Append(Link("console", $"{pathBase}/console", t.Console, t.ConsoleHint, primary: false))
            .Append(Link("api", $"{pathBase}/scalar", t.Api, t.ApiHint, primary: false))
            .Append("</section></main></body></html>\n");
        return Html(context, 200, html.ToString(), t.Lang);
    }

    /// <summary>The 404 or 405 page for a browser, with links back to the scanner and the home page.</summary>
    public static IResult Status(HttpContext context, int status)
    {
        var t = For(context.Request);
        var pathBase = ProvenancePage.E(context.Request.PathBase.ToUriComponent());
        var (title, text) = status == 405 ? (t.MethodTitle, t.MethodText) : (t.NotFoundTitle, t.NotFoundText);
        var html = Head(t, title, pathBase);
        html.Append($"<main><section class=\"problem\" data-status=\"{status}\"><p class=\"status-code\">{status}</p><h1>")
            .Append(ProvenancePage.E(title)).Append("</h1><p>").Append(ProvenancePage.E(text)).Append("</p>")
            .Append($"<p><a class=\"button\" href=\"{pathBase}/scan?lang={t.Lang}\">{ProvenancePage.E(t.Scan)}</a></p>")
            .Append($"<p><a class=\"button secondary\" href=\"{pathBase}/?lang={t.Lang}\">{ProvenancePage.E(t.Home)}</a></p>")
            .Append("</section></main></body></html>\n");
        return Html(context, status, html.ToString(), t.Lang);
    }

    /// <summary>Whether the client is a browser asking for a page: text/html accepted, and not less than JSON.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return false;
        var html = accept.Where(a => a.MediaType.Value is "text/html" or "application/xhtml+xml").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accept.Where(a => a.MediaType.Value is "application/json" or "application/problem+json" or "application/ld+json")
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return html > 0 && html >= json;
    }

    private static Text For(HttpRequest request) => PageLanguage.Of(request) == PageLanguage.Chinese ? Chinese : English;

    private static string Link(string name, string href, string label, string hint, bool primary) =>
        $"<p><a class=\"button{(primary ? "" : " secondary")}\" data-link=\"{name}\" href=\"{href}\">{ProvenancePage.E(label)}</a></p>"
        + $"<p class=\"muted hint\">{ProvenancePage.E(hint)}</p>";

    private static StringBuilder Head(Text t, string title, string pathBase)
    {
        var zh = t.Lang == PageLanguage.Chinese;
        return new StringBuilder(4096)
            .Append($"<!DOCTYPE html><html lang=\"{t.Lang}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"referrer\" content=\"same-origin\">")
            .Append($"<title>{ProvenancePage.E(title)} · {ProvenancePage.E(t.Brand)}</title>")
            .Append($"<link rel=\"stylesheet\" href=\"{pathBase}/css/provenance.css\"></head><body>")
            .Append($"<header class=\"bar\"><a class=\"brand\" href=\"{pathBase}/?lang={t.Lang}\">{ProvenancePage.E(t.Brand)}</a><nav class=\"lang\">")
            .Append($"<a href=\"?lang=zh-CN\" hreflang=\"zh-CN\" lang=\"zh-CN\"{(zh ? " aria-current=\"true\"" : "")}>中文</a>")
            .Append($"<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\"{(zh ? "" : " aria-current=\"true\"")}>English</a>")
            .Append("</nav></header>");
    }

    private static IResult Html(HttpContext context, int status, string body, string language)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ProvenancePage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentLanguage = language;
        headers.Vary = "Accept, Accept-Language";
        headers.CacheControl = "no-cache";
        return TypedResults.Content(body, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
