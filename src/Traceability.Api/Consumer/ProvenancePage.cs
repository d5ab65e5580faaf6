using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Traceability.Api.Consumer;

/// <summary>
/// The provenance page a shopper sees after scanning a pack: server-rendered, mobile first, zh-CN or en. Styles and
/// the verifying script come from wwwroot (/css/provenance.css, /js/provenance.js); the records to verify travel in
/// the page as a JSON data block, so the phone checks them with nothing fetched but those two files.
/// </summary>
/// <remarks>
/// A page is built once per story and language: <see cref="LotStories"/> keeps a story until a write changes it, and
/// the rendered text hangs off that story instance, so a repeated scan costs a dictionary lookup and a write.
/// </remarks>
public static class ProvenancePage
{
    public const string DataElementId = "provenance-data";

    /// <summary>
    /// Scripts, styles and images from this origin only; fetches to this origin and, when the ledger publishes a public
    /// RPC URL, to that origin (the on-chain check). No inline script or style, no plugins, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // JavaScriptEncoder escapes < > & ' " + ` always, so "</script>" or "<!--" in any value cannot end the data block.
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerOptions.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private sealed class Rendered
    {
        public string? PathBase;
        public readonly string?[] Pages = new string?[2];
    }

    private static readonly ConditionalWeakTable<LotStory, Rendered> Cache = [];

    public static IResult Render(HttpContext context, LotStory story)
    {
        var language = PageLanguage.Of(context.Request);
        var pathBase = context.Request.PathBase.ToUriComponent();
        var rendered = Cache.GetOrCreateValue(story);
        var slot = language == PageLanguage.Chinese ? 0 : 1;
        string page;
        lock (rendered)
        {
            if (rendered.PathBase != pathBase) (rendered.PathBase, rendered.Pages[0], rendered.Pages[1]) = (pathBase, null, null);
            page = rendered.Pages[slot] ??= Build(story, ProvenanceText.For(language), pathBase);
        }
        return Html(context, 200, page, language, PolicyFor(story.Ledger?.RpcUrl));
    }

    /// <summary>The 404 (unknown lot) or 400 (malformed code) page, in the same look; <paramref name="message"/> says what was asked.</summary>
    public static IResult Problem(HttpContext context, int status, string message)
    {
        var language = PageLanguage.Of(context.Request);
        var t = ProvenanceText.For(language);
        var (title, text) = status == 404 ? (t.NotFoundTitle, t.NotFoundText) : (t.BadRequestTitle, t.BadRequestText);
        var html = new StringBuilder(2048);
        Head(html, t, title, context.Request.PathBase.ToUriComponent(), script: false);
        html.Append($"<main><section class=\"problem\" data-status=\"{status}\"><p class=\"status-code\">{status}</p><h1>{E(title)}</h1>")
            .Append($"<p>{E(text)}</p><p class=\"asked\">{E(message)}</p>")
            .Append($"<p><a class=\"button\" href=\"{E(context.Request.PathBase.ToUriComponent())}/scan?lang={t.Lang}\">{E(t.ScanAnother)}</a></p></section></main></body></html>\n");
        return Html(context, status, html.ToString(), language, ContentSecurityPolicy);
    }

    private static string Build(LotStory story, ProvenanceText t, string pathBase)
    {
        var name = Localised.Pick(story.Product?.Name, t.Lang) ?? $"(01) {story.Gtin}";
        var html = new StringBuilder(16 * 1024 + story.Events.Count * 1536);
        Head(html, t, $"{name} · {t.Title}", pathBase, script: true);
        html.Append("<main>");
        var records = ProvenanceSections.RecordIndex(story);
        ProvenanceSections.Recall(html, story, t);
        ProvenanceSections.NonConformant(html, story, t);
        ProvenanceSections.LiftedRecalls(html, story, t);
        ProvenanceSections.Product(html, story, name, t);
        html.Append($"<p id=\"verdict\" class=\"verdict\" data-state=\"running\" role=\"status\" aria-live=\"polite\">{E(t.Checking)}</p>");
        html.Append($"<noscript><p class=\"verdict\">{E(t.VerifyFirst)}</p></noscript>");
        ProvenanceSections.Journey(html, story, records, t);
        ProvenanceSections.Lab(html, story, records, t);
        ProvenanceSections.Footer(html, story, t, pathBase);
        html.Append("</main>");
        html.Append($"<script type=\"application/json\" id=\"{DataElementId}\">").Append(Data(story, t)).Append("</script>");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The records for the phone to verify, in story order (record i is <c>data-record="i"</c> in the page), with the
    /// ledger and the script's texts. Safe inside a script element: no '&lt;' survives unescaped.
    /// </summary>
    internal static string Data(LotStory story, ProvenanceText t) => JsonSerializer.Serialize(new
    {
        lang = t.Lang,
        text = t.Script,
        ledger = story.Ledger,
        records = story.Events.Select(e => new { @event = e.Event, proof = e.Proof }),
    }, DataJson);

    private static void Head(StringBuilder html, ProvenanceText t, string title, string pathBase, bool script)
    {
        var zh = t.Lang == PageLanguage.Chinese;
        html.Append($"<!DOCTYPE html><html lang=\"{t.Lang}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"referrer\" content=\"same-origin\">")
            .Append($"<title>{E(title)}</title><link rel=\"stylesheet\" href=\"{E(pathBase)}/css/provenance.css\">");
        if (script) html.Append($"<script type=\"module\" src=\"{E(pathBase)}/js/provenance.js\"></script>");
        html.Append("</head><body><header class=\"bar\"><span class=\"brand\">")
            .Append(E(t.Title))
            .Append("</span><nav class=\"lang\">")
            .Append($"<a href=\"?lang=zh-CN\" hreflang=\"zh-CN\" lang=\"zh-CN\"{(zh ? " aria-current=\"true\"" : "")}>中文</a>")
            .Append($"<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\"{(zh ? "" : " aria-current=\"true\"")}>English</a>")
            .Append("</nav></header>");
    }

    /// <summary>The policy for a story's page: connect-src also names the ledger's public RPC origin when there is one.</summary>
    internal static string PolicyFor(string? rpcUrl) =>
        Uri.TryCreate(rpcUrl, UriKind.Absolute, out var rpc) && rpc.Scheme is "http" or "https"
            ? ContentSecurityPolicy.Replace("connect-src 'self'", $"connect-src 'self' {rpc.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    private static IResult Html(HttpContext context, int status, string body, string language, string policy)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentLanguage = language;
        headers.Vary = "Accept, Accept-Language";
        headers.CacheControl = "no-cache"; // a recall must show on the next scan
        return TypedResults.Content(body, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    internal static string E(string? text) => text is null ? "" : Encoder.Encode(text);
}
