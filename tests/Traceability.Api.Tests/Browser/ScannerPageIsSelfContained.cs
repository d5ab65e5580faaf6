using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The scanner loads only from its own origin: a strict Content-Security-Policy on the page, every script and style
/// served by the app (the zxing bundle included), and no request or CSP violation when the page runs in Chromium.
/// </summary>
public sealed partial class ScannerPageIsSelfContained(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheScanPageCarriesAStrictContentSecurityPolicy()
    {
        var response = await api.Anonymous.GetAsync("/scan", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/scan.bundle.js", "text/javascript")]
    [InlineData("/js/verify.js", "text/javascript")]
    [InlineData("/js/eventhash.js", "text/javascript")]
    [InlineData("/js/merkle.js", "text/javascript")]
    [InlineData("/css/scan.css", "text/css")]
    public async Task EveryScriptAndStyleIsServedByTheApp(string path, string mediaType)
    {
        var response = await api.Anonymous.GetAsync(path, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} (the bundle is built by scripts/test; or run node scripts/build-web.mjs)");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task ThePageReferencesNothingOffSite()
    {
        var html = await api.Anonymous.GetStringAsync("/scan", Ct);

        var references = AttributeUrl().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunningThePageMakesOnlySameOriginRequestsAndNoPolicyViolations()
    {
        await using var context = await browser.NewPhoneAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var problems = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(new Uri(api.BaseUrl, "/scan").ToString());
        await page.Locator("html[data-scan-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        await page.Locator("details.manual summary").ClickAsync();
        await page.Locator("#manual-text").FillAsync("https://id.gs1.org/01/06901234100037/10/LSF-20261112");
        await page.Locator("#manual button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/01/06901234100037/10/LSF-20261112");

        Assert.Contains(requests, url => url.EndsWith("/lib/scan.bundle.js", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.True(api.IsSameOrigin(url), $"request to {url}"));
        Assert.DoesNotContain(problems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(?:src|href|action)\s*=\s*""(?<url>[^""]*)""")]
    private static partial Regex AttributeUrl();
}
