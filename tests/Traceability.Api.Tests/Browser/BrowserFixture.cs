using Microsoft.Playwright;
using Traceability.Testing;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/test through apt) driven by Playwright: no browser is
/// downloaded, Playwright's own driver ships inside its NuGet package. Tests open phone-sized pages (390×844 CSS
/// pixels, device scale 2, touch, mobile viewport). Screenshots go to tests/TestResults/screenshots/ (gitignored),
/// named after the test class and step, so a person can look at what a test saw.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory => RepositoryPaths.Combine("tests", "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new FileNotFoundException($"Chromium is not installed at {ChromiumPath}: run scripts/test (it installs the Debian package chromium)", ChromiumPath);
        // Never fetch a browser: Playwright is only given the system executable.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// A separate Chromium whose camera plays <paramref name="y4mVideo"/> (Chromium's fake capture device), with camera
    /// permission granted without a prompt. The caller disposes it.
    /// </summary>
    public async Task<IBrowser> LaunchWithCameraAsync(string y4mVideo) => await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            .. Arguments, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={y4mVideo}",
        ],
        Timeout = 60_000,
    });

    /// <summary>A fresh phone-sized browser context (its own storage), in the given language.</summary>
    public Task<IBrowserContext> NewPhoneAsync(string locale = "en-US", IBrowser? on = null) => (on ?? Browser).NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = locale,
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
        UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
    });

    /// <summary>
    /// Waits until the page's address has this path. Polls the address instead of waiting for a navigation event:
    /// a navigation the page starts itself can commit before a navigation waiter is listening, and then it waits in vain.
    /// </summary>
    public static async Task WaitForPathAsync(IPage page, string path, int timeoutMilliseconds = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
        while (new Uri(page.Url).AbsolutePath != path)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"the page did not reach {path} within {timeoutMilliseconds} ms; it is at {page.Url}");
            await Task.Delay(50);
        }
    }

    /// <summary>Saves a full-page screenshot as tests/TestResults/screenshots/{name}.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
