using System.Globalization;
using Microsoft.Playwright;
using Traceability.Api.Consumer;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The page's verification trusts only the bytes in the page: one byte changed in a record's content, or one hex digit
/// in its audit path (made by intercepting the page on its way to the phone), turns that record red with the reason,
/// takes away its tick, and the verdict no longer says everything is verified.
/// </summary>
public sealed class TamperedRecordsFailVisibly(DemoChainFixture api, BrowserFixture browser)
    : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string EventTime = "\"eventTime\":\"";
    private const string AuditPath = "\"auditPath\":[\"0x";

    /// <summary>The data block's bounds in the page.</summary>
    private static (int Start, int End) DataBlock(string html)
    {
        var start = html.IndexOf($"id=\"{ProvenancePage.DataElementId}\">", StringComparison.Ordinal);
        Assert.True(start > 0, "the page has no data block");
        return (start, html.IndexOf("</script>", start, StringComparison.Ordinal));
    }

    private static int Nth(string text, string pattern, int n, int from)
    {
        var at = from - 1;
        for (var i = 0; i <= n; i++) at = text.IndexOf(pattern, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no occurrence {n} of {pattern}");
        return at;
    }

    private static string Replace(string text, int at, char with) => string.Concat(text.AsSpan(0, at), with.ToString(), text.AsSpan(at + 1));

    /// <summary>Changes the year's last digit in record 3's eventTime: one byte of the content the hash covers.</summary>
    private static (string Html, int Record) TamperContent(string html)
    {
        var (start, _) = DataBlock(html);
        const int record = 3;
        var digit = Nth(html, EventTime, record, start) + EventTime.Length + 3; // "2026-…": the '6'
        return (Replace(html, digit, html[digit] == '5' ? '4' : '5'), record);
    }

    /// <summary>Flips the first hex digit of the first audit path entry of the second record that has one.</summary>
    private static (string Html, int Record) TamperAuditPath(string html)
    {
        var (start, end) = DataBlock(html);
        var at = Nth(html, AuditPath, 1, start);
        Assert.True(at < end);
        var record = -1;
        for (var e = html.IndexOf(EventTime, start, StringComparison.Ordinal); e >= 0 && e < at; e = html.IndexOf(EventTime, e + 1, StringComparison.Ordinal)) record++;
        var digit = at + AuditPath.Length;
        return (Replace(html, digit, html[digit] == '0' ? '1' : '0'), record);
    }

    [Theory]
    [InlineData("content", "content-mismatch")]
    [InlineData("auditPath", "root-mismatch")]
    public async Task ATamperedProofShowsTheFailure(string what, string code)
    {
        var path = DemoChainFixture.LotPath(DemoChainFixture.CleanLot);
        var records = (await api.AnchoredStoryAsync(path, Ct))["events"]!.AsArray().Count;
        await using var context = await browser.NewPhoneAsync("en-US");
        var page = await context.NewPageAsync();
        var url = new Uri(api.BaseUrl, path).ToString();
        var tampered = -1;
        await page.RouteAsync(url, async route =>
        {
            var original = await route.FetchAsync();
            var (html, record) = what == "content" ? TamperContent(await original.TextAsync()) : TamperAuditPath(await original.TextAsync());
            tampered = record;
            await route.FulfillAsync(new() { Response = original, Body = html });
        });

        await page.GotoAsync(url, new() { Timeout = ProvenancePages.Timeout });
        await ProvenancePages.VerifiedAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"provenance-tampered-{what}");
        var status = page.Locator($".timeline [data-record='{tampered.ToString(CultureInfo.InvariantCulture)}']");
        await status.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"provenance-tampered-{what}-record.png") });

        var states = await ProvenancePages.RecordStatesAsync(page);
        Assert.Equal("failed", states[tampered]);
        Assert.All(states.Where(s => s.Key != tampered), s => Assert.Equal("verified", s.Value));
        Assert.Equal(code, await status.GetAttributeAsync("data-code"));
        Assert.True(await status.IsVisibleAsync());
        Assert.StartsWith("Verification failed:", await status.Locator(".text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"[data-record='{tampered}'] .tick").CountAsync());
        Assert.Equal(1, await status.Locator(".cross").CountAsync());
        Assert.Equal("failed", await page.Locator("#verdict").GetAttributeAsync("data-state"));
        var verdict = await page.Locator("#verdict").TextContentAsync();
        Assert.Contains($"1 of {records} records failed verification", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("All", verdict, StringComparison.Ordinal);
    }
}
