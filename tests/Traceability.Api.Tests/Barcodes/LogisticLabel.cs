using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>The GS1 logistic label of a case or pallet: its SSCC as GS1-128 and as text, self-contained, in zh-CN or en.</summary>
public sealed partial class LogisticLabel(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Label = "/labels/00/106141411234567897";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LabelShowsTheSsccBarsAndTheirHumanReadableText()
    {
        var response = await api.Anonymous.GetAsync(Label, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<p class=\"hri\">(00) 106141411234567897</p>", html);
        Assert.Contains("<dd>106141411234567897</dd>", html);
        var svg = await api.Anonymous.GetStringAsync("/barcodes/gs1-128/00/106141411234567897.svg", Ct);
        Assert.Contains($"d=\"{BarcodeHttp.PathData(svg)}\"", html);
        Assert.Contains("href=\"/barcodes/gs1-128/00/106141411234567897.png\"", html);
    }

    [Fact]
    public async Task PageIsSelfContainedUnderItsContentSecurityPolicy()
    {
        var response = await api.Anonymous.GetAsync(Label, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.StartsWith("default-src 'self';", csp);
        var style = StyleElement().Match(html).Groups[1].Value;
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", csp);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("style=", html);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", null, "zh-CN", "系列货运包装箱代码")]
    [InlineData("en-GB", null, "en", "Serial Shipping Container Code")]
    [InlineData("en", "zh-CN", "zh-CN", "GS1 物流标签")]
    [InlineData("zh-CN", "en", "en", "GS1 logistic label")]
    public async Task CaptionsFollowAcceptLanguageOrTheLangSwitch(string acceptLanguage, string? lang, string expected, string caption)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, lang is null ? Label : $"{Label}?lang={lang}");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await api.Anonymous.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"<html lang=\"{expected}\">", html);
        Assert.Contains(caption, html);
        Assert.Equal(expected, response.Content.Headers.ContentLanguage.Single());
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
