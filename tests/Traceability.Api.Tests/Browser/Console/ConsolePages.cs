using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser.Console;

/// <summary>Driving the console: sign in through its form, move between screens, wait for each to render its data.</summary>
internal static class ConsolePages
{
    /// <summary>A desktop-sized context (1366×900) in the given language.</summary>
    public static Task<IBrowserContext> NewDesktopAsync(BrowserFixture browser, string locale = "en-GB") => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        Locale = locale,
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
        AcceptDownloads = true,
    });

    public static async Task<IPage> SignInAsync(IBrowserContext context, Uri baseUrl, string key, List<string>? requests = null)
    {
        var page = await context.NewPageAsync();
        if (requests is not null) page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(new Uri(baseUrl, "/console").ToString());
        await ReadyAsync(page);
        await page.FillAsync("#key", key);
        await page.ClickAsync("#sign-in button[type=submit]");
        await page.Locator("#signed-in").WaitForAsync(new() { Timeout = 20_000 });
        await ReadyAsync(page);
        return page;
    }

    public static async Task ReadyAsync(IPage page) =>
        await page.Locator("html[data-console-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Opens a screen by its hash route and waits for it.</summary>
    public static async Task GoAsync(IPage page, string hash)
    {
        // The same hash again fires no hashchange: re-render by hand so the wait below ends.
        await page.EvaluateAsync(
            "h => { document.documentElement.dataset.consoleState = 'loading'; "
            + "if (location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange')); else location.hash = h; }", hash);
        await ReadyAsync(page);
    }

    /// <summary>Runs an action that re-renders the screen (a form that reloads its list), and waits for it.</summary>
    public static async Task AndWaitAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { document.documentElement.dataset.consoleState = 'loading'; }");
        await action();
        await ReadyAsync(page);
    }
}
