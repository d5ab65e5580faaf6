using System.Net;
using System.Text.RegularExpressions;
using Traceability.Api.Tests.Consumer;

namespace Traceability.Api.Tests.Site;

/// <summary>GET / is a small page in Chinese or English linking the scanner, the console and the API reference.</summary>
public sealed partial class LandingPage(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "", "zh-CN", "扫码溯源")]
    [InlineData("en-US,en;q=0.9", "", "en", "Scan a pack")]
    [InlineData("fr-FR", "", "en", "Scan a pack")]
    [InlineData("zh-CN", "?lang=en", "en", "Scan a pack")]
    [InlineData("en-US", "?lang=zh-CN", "zh-CN", "扫码溯源")]
    public async Task SpeaksTheLanguageAskedForFirstThenTheBrowsers(string acceptLanguage, string query, string lang, string scan)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/" + query);
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await api.Http.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(lang, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains($"href=\"/scan?lang={lang}\">{scan}</a>", html);
        Assert.Contains("href=\"/console\"", html);
        Assert.Contains("href=\"/scalar\"", html);
        Assert.Contains("href=\"?lang=zh-CN\"", html);
        Assert.Contains("href=\"?lang=en\"", html);
    }

    [Fact]
    public async Task IsSelfContainedUnderAStrictPolicy()
    {
        using var response = await api.Http.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
        // Every link and stylesheet is on this origin: a path or a query, never another site.
        Assert.All(SourceOrLink().Matches(html), m => Assert.Matches("^[/?]", m.Groups[1].Value));
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex SourceOrLink();
}
