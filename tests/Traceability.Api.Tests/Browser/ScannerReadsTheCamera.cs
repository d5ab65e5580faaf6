using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// Live camera scanning: Chromium's fake capture device plays a video of the pack's QR code; starting the camera on
/// /scan decodes it continuously and opens the lot page.
/// </summary>
public sealed class ScannerReadsTheCamera(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StartingTheCameraOnAPackOpensItsLotPage()
    {
        var video = Path.Combine(Path.GetTempPath(), $"trace-camera-{Guid.NewGuid():N}.y4m");
        await File.WriteAllBytesAsync(video, QrImages.CameraVideo("https://id.gs1.org/01/06901234100037/10/LSF-20261112"), TestContext.Current.CancellationToken);
        try
        {
            await using var chromium = await browser.LaunchWithCameraAsync(video);
            await using var context = await browser.NewPhoneAsync(on: chromium);
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(api.BaseUrl, "/scan").ToString());
            await page.Locator("html[data-scan-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

            await page.Locator("#start").ClickAsync();
            await BrowserFixture.WaitForPathAsync(page, "/01/06901234100037/10/LSF-20261112");

            Assert.Equal("/01/06901234100037/10/LSF-20261112", new Uri(page.Url).AbsolutePath);
        }
        finally
        {
            File.Delete(video);
        }
    }
}
