using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser;

/// <summary>Opening a lot's provenance page in a phone and reading what its verification concluded.</summary>
internal static class ProvenancePages
{
    public const int Timeout = 30_000;

    /// <summary>Opens the page and waits until provenance.js has finished every check (html[data-verify=done]).</summary>
    public static async Task<(IPage Page, IResponse Response)> OpenAsync(IBrowserContext context, Uri baseUrl, string pathAndQuery)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(baseUrl, pathAndQuery).ToString(), new() { Timeout = Timeout })
                       ?? throw new InvalidOperationException($"no response for {pathAndQuery}");
        await VerifiedAsync(page);
        return (page, response);
    }

    /// <summary>Waits for the verification to finish (after a load or reload).</summary>
    public static Task VerifiedAsync(IPage page) =>
        page.Locator("html[data-verify='done']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });

    /// <summary>data-state of every record status element, by record index (a record shown twice must agree with itself).</summary>
    public static async Task<Dictionary<int, string>> RecordStatesAsync(IPage page)
    {
        var pairs = await page.Locator("[data-record]").EvaluateAllAsync<string[][]>("els => els.map(e => [e.dataset.record, e.dataset.state])");
        var states = new Dictionary<int, string>();
        foreach (var pair in pairs)
        {
            var index = int.Parse(pair[0], System.Globalization.CultureInfo.InvariantCulture);
            if (states.TryGetValue(index, out var seen)) Assert.Equal(seen, pair[1]);
            states[index] = pair[1];
        }
        return states;
    }

    /// <summary>What the phone shows without scrolling, and one section, beside the full-page screenshot.</summary>
    public static async Task ScreenshotPartsAsync(IPage page, string name, string? section = null)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + "-screen.png") });
        if (section is not null)
            await page.Locator(section).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{section.TrimStart('#', '.')}.png") });
    }
}
