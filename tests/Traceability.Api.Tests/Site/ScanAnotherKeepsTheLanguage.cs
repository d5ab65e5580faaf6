using System.Net;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Site;

/// <summary>The provenance page's "scan another pack" opens the scanner in the language the page is in.</summary>
public sealed class ScanAnotherKeepsTheLanguage(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("?lang=zh-CN", "en-US", "zh-CN")]
    [InlineData("?lang=en", "zh-CN", "en")]
    [InlineData("", "zh-CN,zh;q=0.9", "zh-CN")]
    public async Task TheScanLinkCarriesThePagesLanguage(string query, string acceptLanguage, string lang)
    {
        var producer = await api.SharedOrgAsync("Producer");
        var lot = $"SA-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Created, (await producer.Client.PostEvent(Epcis.Commission(lot))).StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/01/{Epcis.Gtin}/10/{lot}{query}");
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add("Accept-Language", acceptLanguage);
        using var response = await api.Anonymous.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains($"href=\"/scan?lang={lang}\"", html);
        Assert.DoesNotContain("href=\"/scan\"", html);
    }
}
