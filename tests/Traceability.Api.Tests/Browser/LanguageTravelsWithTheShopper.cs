using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The language a shopper picked goes with them: landing page → scanner → resolver page → "scan another pack" →
/// scanner, each honouring ?lang= before the phone's language.
/// </summary>
public sealed class LanguageTravelsWithTheShopper(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    private string Url(string path) => new Uri(api.BaseUrl, path).ToString();

    private static Task ScannerReadyAsync(IPage page) =>
        page.Locator("html[data-scan-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    [Fact]
    public async Task TheLandingPageFollowsThePhoneAndItsSwitchCarriesIntoTheScanner()
    {
        await using var context = await browser.NewPhoneAsync("zh-CN");
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(Url("/"));
        await BrowserFixture.ScreenshotAsync(page, "landing-zh-CN");

        Assert.Equal(200, response!.Status);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("了解您的食品从哪里来", await page.Locator("h1").TextContentAsync());
        Assert.Equal("/console", await page.Locator("a[data-link=console]").GetAttributeAsync("href"));
        Assert.Equal("/scalar", await page.Locator("a[data-link=api]").GetAttributeAsync("href"));

        await page.Locator("nav.lang a[hreflang=en]").ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await BrowserFixture.ScreenshotAsync(page, "landing-en");
        Assert.Equal("Know where your food comes from", await page.Locator("h1").TextContentAsync());

        await page.Locator("a[data-link=scan]").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/scan");
        await ScannerReadyAsync(page);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Scan the code on the pack", await page.Locator("h1").TextContentAsync());
    }

    [Theory]
    [InlineData("en-US", "zh-CN", "扫描包装上的二维码")]
    [InlineData("zh-CN", "en", "Scan the code on the pack")]
    public async Task TheScannerHonoursLangBeforeThePhonesLanguage(string locale, string lang, string title)
    {
        await using var context = await browser.NewPhoneAsync(locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url($"/scan?lang={lang}"));
        await ScannerReadyAsync(page);

        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(title, await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task TheScannerOpensTheResolverAndTheResolverLinksBackInTheSameLanguage()
    {
        await using var context = await browser.NewPhoneAsync("en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/scan?lang=zh-CN"));
        await ScannerReadyAsync(page);

        await page.Locator("details.manual summary").ClickAsync();
        await page.Locator("#manual-text").FillAsync("(01)06901234100037(10)NOT-KNOWN-7");
        await page.Locator("#manual button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/01/06901234100037/10/NOT-KNOWN-7");
        await page.Locator("h1").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "scanner-to-resolver-zh-CN");

        Assert.Equal("?lang=zh-CN", new Uri(page.Url).Query);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("a.button").ClickAsync();
        await BrowserFixture.WaitForPathAsync(page, "/scan");
        await ScannerReadyAsync(page);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task TheSwitchOnTheScannerIsKeptInItsAddress()
    {
        await using var context = await browser.NewPhoneAsync("en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/scan?lang=en"));
        await ScannerReadyAsync(page);

        await page.Locator("#language").ClickAsync();
        Assert.Equal("?lang=zh-CN", new Uri(page.Url).Query);
        await page.ReloadAsync();
        await ScannerReadyAsync(page);

        Assert.Equal("扫描包装上的二维码", await page.Locator("h1").TextContentAsync());
    }
}
