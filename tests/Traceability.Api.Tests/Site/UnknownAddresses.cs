using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Consumer;

namespace Traceability.Api.Tests.Site;

/// <summary>
/// What nothing serves: API clients get a problem of this API's own type (/problems/not-found,
/// /problems/method-not-allowed), browsers a page in their language, in the provenance page's look.
/// </summary>
public sealed class UnknownAddresses(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/01")]
    [InlineData("/qr/01/06901234100037/10/LSF-1.gif")]
    [InlineData("/index.html")]
    public async Task AnUnknownAddressIsANotFoundProblem(string path)
    {
        using var response = await api.Http.GetAsync(path, Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", problem["type"]!.GetValue<string>());
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("DELETE", "/scan", "GET")]
    [InlineData("GET", "/lab-results", "POST")]
    [InlineData("PUT", "/", "GET")]
    [InlineData("POST", "/health/live", "GET")]
    public async Task AMethodAnAddressDoesNotServeIsAMethodNotAllowedProblem(string method, string path, string allowed)
    {
        using var response = await api.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("/problems/method-not-allowed", problem["type"]!.GetValue<string>());
        Assert.Contains(allowed, response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "", "zh-CN", "找不到此页面")]
    [InlineData("en-GB", "", "en", "Page not found")]
    [InlineData("en-GB", "?lang=zh-CN", "zh-CN", "找不到此页面")]
    public async Task ABrowserGetsANotFoundPageInItsLanguage(string acceptLanguage, string query, string lang, string title)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page" + query);
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await api.Http.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(lang, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Contains($"href=\"/scan?lang={lang}\"", html);
        Assert.Contains("/css/provenance.css", html);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task AnUnknownLotKeepsItsOwnProblemType()
    {
        using var response = await api.Http.GetAsync("/01/06901234100037/10/NO-SUCH-LOT", Ct);

        Assert.Equal("/problems/unknown-lot", (await ProblemAsync(response, HttpStatusCode.NotFound))["type"]!.GetValue<string>());
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
