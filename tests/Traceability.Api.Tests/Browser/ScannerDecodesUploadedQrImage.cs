using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// GET /scan on a real Kestrel server in Chromium: a photo of the pack's QR code, chosen through the file input (the
/// camera fallback), is decoded in the page by the bundled zxing reader and opens the same-origin lot page.
/// </summary>
public sealed class ScannerDecodesUploadedQrImage(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    private const string LotPath = "/01/06901234100037/10/LSF-20261112";

    private static async Task<(IPage Page, List<string> Requests)> OpenScannerAsync(IBrowserContext context, Uri baseUrl)
    {
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(baseUrl, "/scan").ToString());
        await page.Locator("html[data-scan-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        return (page, requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1/01/06901234100037/10/LSF-20261112", "digital-link")]
    [InlineData("https://brand.example.com/products/01/6901234100037/10/LSF-20261112?linkType=gs1:pip", "foreign-host")]
    [InlineData("(01)06901234100037(10)LSF-20261112", "element-string")]
    public async Task APhotoOfTheCodeOpensTheLotPageOnThisServer(string encoded, string name)
    {
        await using var context = await browser.NewPhoneAsync();
        var (page, requests) = await OpenScannerAsync(context, api.BaseUrl);
        await BrowserFixture.ScreenshotAsync(page, $"scanner-ready-{name}");

        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "pack.png", MimeType = "image/png", Buffer = QrImages.Png(encoded) });
        await BrowserFixture.WaitForPathAsync(page, LotPath);

        Assert.Equal(new Uri(api.BaseUrl, LotPath + "?lang=en"), new Uri(page.Url)); // in the scanner's language
        Assert.All(requests, url => Assert.True(api.IsSameOrigin(url), $"request to {url}"));
    }

    [Fact]
    public async Task ALargePhotoIsScaledDownAndStillDecoded()
    {
        await using var context = await browser.NewPhoneAsync();
        var (page, _) = await OpenScannerAsync(context, api.BaseUrl);

        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "big.png", MimeType = "image/png", Buffer = QrImages.Png("https://id.gs1.org/01/06901234100037/10/LSF-20261112", pixelsPerModule: 90) });
        await BrowserFixture.WaitForPathAsync(page, LotPath);

        Assert.EndsWith(LotPath, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeWithoutALotIsExplainedAndThePageStays()
    {
        await using var context = await browser.NewPhoneAsync();
        var (page, _) = await OpenScannerAsync(context, api.BaseUrl);

        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "ean.png", MimeType = "image/png", Buffer = QrImages.Png("https://id.gs1.org/01/06901234100037") });
        await page.Locator("html[data-scan-state='error']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "scanner-no-lot");

        Assert.Equal("/scan", new Uri(page.Url).AbsolutePath);
        Assert.Equal("no-lot", await page.Locator("#status").GetAttributeAsync("data-code"));
        Assert.Contains("06901234100037", await page.Locator("#status").TextContentAsync());
    }

    [Fact]
    public async Task APhotoWithNoCodeSaysSo()
    {
        await using var context = await browser.NewPhoneAsync();
        var (page, _) = await OpenScannerAsync(context, api.BaseUrl);
        var blank = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=");

        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "blank.png", MimeType = "image/png", Buffer = blank });
        await page.Locator("html[data-scan-state='error']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });

        Assert.Equal("noCode", await page.Locator("#status").GetAttributeAsync("data-code"));
    }
}
