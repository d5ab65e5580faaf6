using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser;

/// <summary>The scanner page follows the phone's language (zh-CN or English) and switches on request.</summary>
public sealed class ScannerSpeaksChineseOrEnglish(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api.BaseUrl, "/scan").ToString());
        await page.Locator("html[data-scan-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        return page;
    }

    [Fact]
    public async Task AChinesePhoneGetsChineseAndTheSwitchGivesEnglish()
    {
        await using var context = await browser.NewPhoneAsync("zh-CN");
        var page = await OpenAsync(context);
        await BrowserFixture.ScreenshotAsync(page, "scanner-zh-CN");

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("扫描包装上的二维码", await page.Locator("h1").TextContentAsync());
        Assert.Equal("拍照或选择图片", await page.Locator("label[for=photo]").InnerTextAsync());

        await page.Locator("#language").ClickAsync();

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Scan the code on the pack", await page.Locator("h1").TextContentAsync());
        Assert.Equal("中文", await page.Locator("#language").TextContentAsync());
    }

    [Fact]
    public async Task AnEnglishPhoneGetsEnglishAndTheChoiceIsRemembered()
    {
        await using var context = await browser.NewPhoneAsync("en-GB");
        var page = await OpenAsync(context);
        await BrowserFixture.ScreenshotAsync(page, "scanner-en");
        Assert.Equal("Scan the code on the pack", await page.Locator("h1").TextContentAsync());

        await page.Locator("#language").ClickAsync();
        var again = await OpenAsync(context);

        Assert.Equal("扫描包装上的二维码", await again.Locator("h1").TextContentAsync());
        Assert.Equal("zh-CN", await again.Locator("html").GetAttributeAsync("lang"));
    }
}
