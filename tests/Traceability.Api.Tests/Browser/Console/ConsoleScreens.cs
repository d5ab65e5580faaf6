using Microsoft.Playwright;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Browser.Console;

/// <summary>
/// Every console screen in both languages on a phone and a desktop (screenshots kept), the admin screen showing a new
/// key once, supervision with a follow-up, the FSMA 204 download, the language switch, sign-out, and a shop kept out of
/// the regulator's screens and data. The key never lands in the browser's storage.
/// </summary>
public sealed class ConsoleScreens(DemoChainFixture api, BrowserFixture browser) : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Key(string member) => api.Members[member]!["apiKey"]!.GetValue<string>();

    public static TheoryData<string, string, string> Roles() => new()
    {
        { "regulator", "zh-CN", "phone" }, { "regulator", "en-GB", "desktop" }, { "lab", "en-GB", "desktop" }, { "vegetables", "zh-CN", "phone" },
        { "shop-yufeng", "en-GB", "phone" }, { "distributor", "zh-CN", "desktop" },
    };

    private static readonly Dictionary<string, string[]> Screens = new()
    {
        ["regulator"] = ["#/regulator", "#/regulator/lot?gtin=06901234100044&lot=V2026-11-08B", "#/regulator/supervision?from=2026-11-01&to=2026-11-30", "#/regulator/export"],
        ["lab"] = ["#/lab", "#/lab/upload", "#/lab/results"],
        ["vegetables"] = ["#/producer", "#/producer/lots", "#/producer/ship"],
        ["shop-yufeng"] = ["#/shop", "#/shop/checks", "#/shop/recalls"],
        ["distributor"] = ["#/shop", "#/shop/checks", "#/shop/recalls"],
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryScreenOfARoleRendersInItsLanguageAndSize(string member, string locale, string size)
    {
        await using var context = size == "phone" ? await browser.NewPhoneAsync(locale) : await ConsolePages.NewDesktopAsync(browser, locale);
        var requests = new List<string>();
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, Key(member), requests);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        foreach (var screen in Screens[member])
        {
            await ConsolePages.GoAsync(page, screen);
            var name = screen.TrimStart('#', '/').Split('?')[0].Replace('/', '-');
            await BrowserFixture.ScreenshotAsync(page, $"console-{member}-{name}-{locale}-{size}");
            Assert.Equal(0, await page.Locator("#main .form-error:not([hidden])").CountAsync());
            Assert.Equal(locale == "zh-CN" ? "zh-CN" : "en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            Assert.True(await page.Locator("nav.lang a[data-lang='zh-CN']").IsVisibleAsync(), "a language switch on every screen");
            Assert.NotEqual("loading", await page.Locator("#status").GetAttributeAsync("data-health"));
            if (size == "phone") // nothing wider than the phone
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{screen} is wider than the phone");
        }
        Assert.Empty(errors);
        Assert.All(requests, url => Assert.True(api.IsSameOrigin(url), $"request to {url}"));
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        Assert.DoesNotContain(Key(member), storage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminCreatesAnOrganisationAndSeesItsKeyOnce()
    {
        await using var context = await ConsolePages.NewDesktopAsync(browser, "zh-CN");
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, ApiFixture.AdminToken);
        await page.FillAsync("#create-org [name=name]", "柳北农贸市场 Liubei Market");
        await page.SelectOptionAsync("#create-org [name=role]", "retailer");
        await page.FillAsync("#create-org [name=gln]", "6901234000122");
        await page.FillAsync("#create-org [name=prefixes]", "6901235");
        await page.ClickAsync("#create-org button[type=submit]");
        await page.Locator("#api-key").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-admin-key-once-zh-CN");
        var key = await page.Locator("#api-key").InnerTextAsync();
        Assert.StartsWith("trk_", key, StringComparison.Ordinal);

        await page.FillAsync("#create-org [name=name]", "柳北农贸市场 Liubei Market"); // the same name again: refused in place
        await page.ClickAsync("#create-org button[type=submit]");
        await page.Locator("#create-org .form-error:not([hidden])").WaitForAsync();
        Assert.Contains("409", await page.Locator("#create-org .form-error").InnerTextAsync(), StringComparison.Ordinal);

        await ConsolePages.GoAsync(page, "#/admin?again");
        Assert.Contains("柳北农贸市场", await page.Locator("#main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal); // shown once, never again
    }

    [Fact]
    public async Task TheRegulatorFollowsUpTheDemosFailureAndDownloadsTheFsmaExport()
    {
        await using var context = await ConsolePages.NewDesktopAsync(browser);
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, Key("regulator"));
        await ConsolePages.GoAsync(page, "#/regulator/supervision?from=2026-11-01&to=2026-11-30");
        var failure = page.Locator("[data-failure]").First;
        Assert.Equal("overdue", await failure.GetAttributeAsync("data-status"));
        await failure.Locator("[name=action]").FillAsync("下架封存，责令整改 / removed from sale, sealed, vendor ordered to correct");
        await ConsolePages.AndWaitAsync(page, () => failure.Locator("button[type=submit]").ClickAsync());
        Assert.Equal("handled-late", await page.Locator("[data-failure]").First.GetAttributeAsync("data-status"));
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-supervision-followed-up-en");

        await ConsolePages.GoAsync(page, "#/regulator/export");
        await page.FillAsync("form:has([name=lot]) [name=gtin]", "06901234100037");
        await page.FillAsync("form:has([name=lot]) [name=lot]", "LSF-20261113");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("form:has([name=lot]) button[type=submit]"));
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path, Ct);
        Assert.Contains("LSF-20261113", csv, StringComparison.Ordinal);
        Assert.Contains("Traceability Lot Code", csv, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheTraceGraphDownloadsAsPngAndSvgAndItsLotAsAnFsmaExportInOneClick()
    {
        await using var context = await ConsolePages.NewDesktopAsync(browser, "zh-CN");
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, Key("regulator"));
        await ConsolePages.GoAsync(page, "#/regulator/lot?gtin=06901234100037&lot=LSF-20261112");
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.graph === 'drawn'");
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-trace-zh-CN");

        var png = await File.ReadAllBytesAsync(await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"))).PathAsync(), Ct);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var svg = await File.ReadAllTextAsync(await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-svg"))).PathAsync(), Ct);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("LSF-20261112", svg, StringComparison.Ordinal); // the lot's label is drawn
        var fsma = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-fsma"));
        var csv = await File.ReadAllTextAsync(await fsma.PathAsync(), Ct);
        Assert.Contains("LSF-20261112", csv, StringComparison.Ordinal);
        Assert.Contains("Traceability Lot Code", csv, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AShopIsKeptOutOfTheRegulatorsScreensAndSignsOutForGood()
    {
        await using var context = await browser.NewPhoneAsync("en-GB");
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, Key("shop-liunan"));
        await ConsolePages.GoAsync(page, "#/regulator");
        Assert.True(await page.Locator("#not-yours").IsVisibleAsync());
        Assert.Equal(403, await page.EvaluateAsync<int>("() => fetch('/dashboard').then(r => r.status)"));
        Assert.Equal(403, await page.EvaluateAsync<int>("() => fetch('/trace/06901234100037/LSF-20261112/graph').then(r => r.status)"));
        Assert.Equal(403, await page.EvaluateAsync<int>("() => fetch('/lots/06901234100044/V2026-11-08A').then(r => r.status)")); // not in its custody chain
        // A write without the session's token is refused, however the page is tricked into sending it.
        Assert.Equal(403, await page.EvaluateAsync<int>("() => fetch('/incoming-checks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(r => r.status)"));
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "__Host-trace-session");
        Assert.True(cookie.HttpOnly && cookie.Secure && cookie.SameSite == SameSiteAttribute.Strict);

        await ConsolePages.GoAsync(page, "#/shop");
        await page.ClickAsync("nav.lang a[data-lang='zh-CN']");
        await ConsolePages.ReadyAsync(page);
        await page.Locator("h1:has-text('收货')").WaitForAsync();
        await page.ClickAsync("#sign-out");
        await page.Locator("#sign-in").WaitForAsync();
        Assert.Equal(401, await page.EvaluateAsync<int>("() => fetch('/console/session').then(r => r.status)"));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "__Host-trace-session");
    }
}
