using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Tests.Consumer;

/// <summary>The label page prints a lot's QR code with its GS1 human-readable text, self-contained, in zh-CN or en.</summary>
public sealed partial class PrintableLabel(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Label = "/labels/01/6901234100037/10/LSF-20261112";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LabelShowsTheGs1HumanReadableTextAndTheQrCodeInline()
    {
        var response = await api.Anonymous.GetAsync(Label, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("(01) 06901234100037 (10) LSF-20261112", html);
        // The inline code draws the same modules as the QR endpoint's SVG for this lot.
        var svg = await api.Anonymous.GetStringAsync("/qr/01/06901234100037/10/LSF-20261112.svg", Ct);
        Assert.Contains($"d=\"{PathData(svg)}\"", html);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html);
    }

    [Theory]
    [InlineData("A%2FB", "A/B")]
    [InlineData("50%25", "50%")]
    [InlineData("x%26y%3Dz", "x&amp;y=z")]
    public async Task LotIsPrintedAsItReadsNotPercentEncoded(string lotInPath, string lotInHtml)
    {
        var html = await api.Anonymous.GetStringAsync($"/labels/01/6901234100037/10/{lotInPath}", Ct);
        Assert.Contains($"(01) 06901234100037 (10) {lotInHtml}</p>", html);
    }

    [Fact]
    public async Task LotThatLooksLikeMarkupIsEscaped()
    {
        var html = await api.Anonymous.GetStringAsync("/labels/01/6901234100037/10/%3Ci%3E%22x", Ct);
        Assert.DoesNotContain("<i>", html);
        Assert.Contains("&lt;i&gt;&quot;x", html);
    }

    [Fact]
    public async Task PageIsSelfContainedUnderItsContentSecurityPolicy()
    {
        var response = await api.Anonymous.GetAsync(Label, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.StartsWith("default-src 'self';", csp);
        var style = StyleElement().Match(html).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src 'sha256-{hash}'", csp);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("style=", html);
        Assert.All(Hrefs().Matches(html), m => Assert.False(m.Groups[1].Value.Contains("//"), m.Value));
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", null, "zh-CN", "批号")]
    [InlineData("zh-TW", null, "zh-CN", "扫码追溯本批次")]
    [InlineData("en-GB,en;q=0.9", null, "en", "Batch/Lot")]
    [InlineData("fr-FR, en;q=0.5, zh;q=0.4", null, "en", "Batch/Lot")]
    [InlineData("de", null, "en", "Scan to trace this lot")]
    [InlineData("en", "zh-CN", "zh-CN", "批号")]
    public async Task CaptionsFollowAcceptLanguageOrTheLangSwitch(string acceptLanguage, string? lang, string expected, string caption)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, lang is null ? Label : $"{Label}?lang={lang}");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await api.Anonymous.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"<html lang=\"{expected}\">", html);
        Assert.Contains(caption, html);
        Assert.Equal(expected, response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task ProductNameIsLeftOutWhileNoneIsKnown()
    {
        var html = await api.Anonymous.GetStringAsync(Label, Ct);
        Assert.DoesNotContain("class=\"product\"", html);
    }

    [Fact]
    public async Task TheRegisteredProductNameIsShownInThePageLanguage()
    {
        var gtin = "0690123410004" + Gtin.ComputeCheckDigit("0690123410004");
        var producer = await api.SharedOrgAsync("producer");
        var registered = await producer.Client.PutAsJsonAsync($"/products/{gtin}", new
        {
            name = new Dictionary<string, string> { ["zh-CN"] = "冷鲜鸡胸肉 <500 g>", ["en"] = "Chilled chicken breast" },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var chinese = await api.Anonymous.GetStringAsync($"/labels/01/{gtin}/10/LOT-1?lang=zh-CN", Ct);
        var english = await api.Anonymous.GetStringAsync($"/labels/01/{gtin}/10/LOT-1?lang=en", Ct);

        Assert.Contains("<p class=\"product\">冷鲜鸡胸肉 &lt;500 g&gt;</p>", chinese);
        Assert.Contains("<p class=\"product\">Chilled chicken breast</p>", english);
    }

    [Fact]
    public async Task LabelForABadCheckDigitIsAProblem()
    {
        var response = await api.Anonymous.GetAsync("/labels/01/6901234100038/10/LSF-1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("/problems/invalid-gtin", problem!["type"]!.GetValue<string>());
    }

    private static string PathData(string svg) => PathD().Match(svg).Groups[1].Value;

    [GeneratedRegex("<path[^>]* d=\"([^\"]+)\"")]
    private static partial Regex PathD();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();
}
