using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser.Console;

/// <summary>
/// A regulator's day in the console on the demo chain: the dashboard, a scanned pack's code to its lot, the trace
/// graph with its marks, a node's events and lab results, a recall ordered from the graph after seeing its blast radius,
/// a shop acknowledging, the acknowledgement seen, the recall lifted; rapid-test supervision with a follow-up; the FSMA
/// export. Desktop and phone. Nothing is loaded from another origin.
/// </summary>
public sealed class RegulatorsDay(DemoChainFixture api, BrowserFixture browser) : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Key(string member) => api.Members[member]!["apiKey"]!.GetValue<string>();

    [Fact]
    public async Task FromAScannedCodeToARecallAShopAcknowledges()
    {
        await using var context = await ConsolePages.NewDesktopAsync(browser);
        var requests = new List<string>();
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, Key("regulator"), requests);
        await page.Locator("#alerts").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-dashboard-en");
        Assert.Contains("V2026-11-08B", await page.Locator("#alerts").InnerTextAsync(), StringComparison.Ordinal);
        var demoRecall = page.Locator("#recalls tr[data-recall]").First; // the demo's recall: one shop acknowledged
        Assert.Equal("1", await demoRecall.GetAttributeAsync("data-acknowledged"));
        Assert.Equal("healthy", await page.Locator("#status").GetAttributeAsync("data-health"));

        var clock = Stopwatch.StartNew();
        await ConsolePages.GoAsync(page, "#/regulator/lot");
        await ConsolePages.AndWaitAsync(page, () => page.SetInputFilesAsync("#scan-photo", new FilePayload
        {
            Name = "pack.png", MimeType = "image/png", Buffer = QrImages.Png("https://trace.example.com/01/06901234100037/10/LSF-20261112"),
        }));
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.graph === 'drawn'");
        await page.Locator("#node-panel h2").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-trace-en");
        var nodes = await page.EvaluateAsync<int>("() => window.traceGraph.nodes().length");
        Assert.True(nodes >= 8, $"the trace shows {nodes} nodes");
        Assert.True(await page.EvaluateAsync<bool>("() => window.traceGraph.nodes('.root').length === 1"));
        Assert.Contains("anchored", await page.Locator("#node-panel").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#recall-form [name=reason]", "包装破损受潮 / packs found damp");
        await page.SelectOptionAsync("#recall-form [name=classification]", "II");
        await page.ClickAsync("#recall-form button[type=submit]");
        await page.Locator("#blast-counts").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-blast-radius-en");
        Assert.Matches(@"\d+ lots, [1-9]\d* pallets or cases, [1-9]\d* parties", await page.Locator("#blast-counts").InnerTextAsync());
        await ConsolePages.AndWaitAsync(page, () => page.ClickAsync("#recall-form button[type=submit]"));
        await page.Locator("#recall[data-status='active']").WaitForAsync();
        var recalledAfter = clock.Elapsed;
        var recallId = new Uri(page.Url).Fragment.Split("id=")[1];
        TestContext.Current.TestOutputHelper?.WriteLine($"scanned code to on-chain recall: {recalledAfter.TotalSeconds:0.0} s");
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "console-regulator-scan-to-recall.txt"),
            $"scanned code to on-chain recall: {recalledAfter.TotalSeconds:0.0} s\n", Ct);
        Assert.Contains("0 of", await page.Locator("#ack-progress").InnerTextAsync(), StringComparison.Ordinal);

        using var shop = api.Member("shop-wuyi");
        var ack = await shop.PostAsJsonAsync($"/recalls/{recallId}/acknowledgements", new { quantityRemoved = 24, unit = "XCS", note = "下架 24 箱" }, Ct);
        Assert.True(ack.IsSuccessStatusCode, await ack.Content.ReadAsStringAsync(Ct));
        await page.Locator("tr[data-acknowledged='true']").WaitForAsync(new() { Timeout = 20_000 }); // the page refreshes itself
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-recall-acknowledged-en");
        Assert.Contains("24 XCS", await page.Locator("tr[data-acknowledged='true']").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#lift-form [name=reason]", "已查明原因 / cause found");
        await ConsolePages.AndWaitAsync(page, () => page.ClickAsync("#lift-form button[type=submit]"));
        await page.Locator("#recall[data-status='lifted']").WaitForAsync();
        Assert.All(requests, url => Assert.True(api.IsSameOrigin(url), $"request to {url}"));
    }
}
