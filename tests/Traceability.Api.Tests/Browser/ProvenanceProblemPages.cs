namespace Traceability.Api.Tests.Browser;

/// <summary>An unknown lot (404) and a code with a wrong check digit (400) get a page in the provenance page's look, in the phone's language.</summary>
public sealed class ProvenanceProblemPages(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/01/06901234100037/10/NEVER-SEEN", 404, "未找到该批次", "zh-CN", "zh-CN")]
    [InlineData("/01/06901234100037/10/NEVER-SEEN?lang=en", 404, "We don't know this lot", "zh-CN", "en")]
    [InlineData("/01/06901234100038/10/LSF-20261112", 400, "This code is not valid", "en-US", "en")]
    [InlineData("/01/06901234100038/10/LSF-20261112", 400, "该码无效", "zh-CN", "zh-CN")]
    public async Task UnknownLotsAndBadCodesGetAPageInTheSameLook(string path, int status, string title, string locale, string lang)
    {
        await using var context = await browser.NewPhoneAsync(locale);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(api.BaseUrl, path).ToString());
        await BrowserFixture.ScreenshotAsync(page, $"provenance-{status}-{lang}");

        Assert.Equal(status, response!.Status);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(lang, await response.HeaderValueAsync("content-language"));
        Assert.Equal(title, await page.Locator("h1").TextContentAsync());
        Assert.Equal("/css/provenance.css", await page.Locator("link[rel=stylesheet]").GetAttributeAsync("href"));
        Assert.Equal($"/scan?lang={lang}", await page.Locator("a.button").GetAttributeAsync("href")); // the scanner opens in the same language
        Assert.Equal(2, await page.Locator("nav.lang a").CountAsync());
    }
}
