using Traceability.Api.Tests.Consumer;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The demo's clean 螺蛳粉 lot, opened in a phone from the address its QR code holds, in Chinese and in English: the
/// product, its journey and its lab tests, and every record verified on the phone once the anchors are in.
/// </summary>
public sealed class ProvenancePageShowsTheDemoLot(DemoChainFixture api, BrowserFixture browser)
    : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The path in the Digital Link URI the printed QR code holds, read back by zbarimg.</summary>
    private async Task<string> PathFromTheQrCodeAsync()
    {
        var png = await api.Http.GetByteArrayAsync($"/qr{DemoChainFixture.LotPath(DemoChainFixture.CleanLot)}.png", Ct);
        var uri = new Uri(await Zbar.DecodeAsync(png, Ct));
        Assert.Equal("trace.example.com", uri.Host);
        return uri.AbsolutePath;
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN", "柳州螺蛳粉（原味）", "全部 {0} 条记录已核验", "已核验", "合格")]
    [InlineData("en-US", "en", "Liuzhou river-snail rice noodles (original)", "All {0} records verified", "Verified", "Pass")]
    public async Task ThePageRendersTheDemoLotInBothLanguages(string locale, string lang, string name, string allVerified, string verified, string pass)
    {
        var path = await PathFromTheQrCodeAsync();
        var story = await api.AnchoredStoryAsync(path, Ct);
        var records = story["events"]!.AsArray().Count;
        var kinds = story["journey"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).Distinct().ToList();

        await using var context = await browser.NewPhoneAsync(locale);
        var (page, response) = await ProvenancePages.OpenAsync(context, api.BaseUrl, path);
        await ProvenancePages.ScreenshotPartsAsync(page, $"provenance-{lang}", "#lab");

        Assert.Equal(200, response.Status);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(lang, await response.HeaderValueAsync("content-language"));
        Assert.Contains($"connect-src 'self' {api.Chain.RpcUrl.GetLeftPart(UriPartial.Authority)}", await response.HeaderValueAsync("content-security-policy"));
        Assert.Equal(name, await page.Locator("#product-name").TextContentAsync());
        Assert.Equal(0, await page.Locator("#recall").CountAsync());
        Assert.Equal(0, await page.Locator("#nonconformant").CountAsync());
        Assert.All(new[] { "harvest", "processing", "packing", "transport", "shop" }, kind => Assert.Contains(kind, kinds));
        Assert.Equal(story["journey"]!.AsArray().Count, await page.Locator(".timeline .step").CountAsync());
        Assert.Equal(kinds.Order(), (await page.Locator(".timeline .step").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)")).Distinct().Order());

        var lab = await page.Locator("#lab").InnerTextAsync();
        Assert.Contains("chlorpyrifos", lab, StringComparison.Ordinal);
        Assert.Contains("KJ 201710", lab, StringComparison.Ordinal);
        Assert.Contains("GB 2763-2021", lab, StringComparison.Ordinal);
        Assert.Contains("CNAS", lab, StringComparison.Ordinal);
        Assert.Contains(pass, lab, StringComparison.Ordinal);

        var states = await ProvenancePages.RecordStatesAsync(page);
        Assert.Equal(Enumerable.Range(0, records), states.Keys.Order());
        Assert.All(states.Values, state => Assert.Equal("verified", state));
        Assert.Equal(records, await page.Locator(".timeline .check .tick").CountAsync());
        Assert.All(await page.Locator(".timeline .check").AllInnerTextsAsync(), text => Assert.Contains(verified, text, StringComparison.Ordinal));
        Assert.Equal("verified", await page.Locator("#verdict").GetAttributeAsync("data-state"));
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, allVerified, records), await page.Locator("#verdict").TextContentAsync());
    }

    [Fact]
    public async Task TheLanguageSwitchIsPlainLinks()
    {
        var path = DemoChainFixture.LotPath(DemoChainFixture.CleanLot);
        await using var context = await browser.NewPhoneAsync("en-US");
        var (page, _) = await ProvenancePages.OpenAsync(context, api.BaseUrl, path);

        await page.Locator("nav.lang a[hreflang='zh-CN']").ClickAsync();
        await ProvenancePages.VerifiedAsync(page);

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(path + "?lang=zh-CN", new Uri(page.Url).PathAndQuery);
        Assert.Equal("柳州螺蛳粉（原味）", await page.Locator("#product-name").TextContentAsync());
    }
}
