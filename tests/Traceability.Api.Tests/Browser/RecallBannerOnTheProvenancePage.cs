using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// A recalled lot's page opens with a large recall banner (reason, level, date, the recall's transaction and what the
/// registry's recallOf says), in Chinese and English; a lot that failed a lab test also carries the non-conformance
/// warning. A lot without a recall has neither. Once a regulator lifts the recall the banner gives way to a calm note.
/// </summary>
public sealed class RecallBannerOnTheProvenancePage(DemoChainFixture api, BrowserFixture browser)
    : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRecallBannerAppearsAfterARecallAndGivesWayWhenItIsLifted()
    {
        var path = DemoChainFixture.LotPath(DemoChainFixture.CleanLot);
        await using var english = await browser.NewPhoneAsync("en-US");
        var (page, _) = await ProvenancePages.OpenAsync(english, api.BaseUrl, path);
        Assert.Equal(0, await page.Locator("#recall").CountAsync());
        Assert.Equal(0, await page.Locator("#nonconformant").CountAsync());

        using var regulator = api.Member("regulator");
        var response = await regulator.PostAsJsonAsync("/recalls", new
        {
            gtin = DemoChainFixture.Gtin, lot = DemoChainFixture.CleanLot, classification = "I",
            reason = "包装内发现金属异物 / metal fragments found in packs",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recall = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var tx = recall["txHashes"]!.AsArray()[0]!.GetValue<string>();

        await page.ReloadAsync();
        await ProvenancePages.VerifiedAsync(page);
        await ProvenancePages.ScreenshotPartsAsync(page, "provenance-recall-en", "#recall");

        var banner = page.Locator("#recall");
        Assert.True(await banner.IsVisibleAsync());
        Assert.Equal("recall", await page.Locator("main > section").First.GetAttributeAsync("id"));
        var text = await banner.InnerTextAsync();
        Assert.Contains("This lot has been recalled. Do not eat it.", text, StringComparison.Ordinal);
        Assert.Contains("metal fragments found in packs", text, StringComparison.Ordinal);
        Assert.Contains("Class I:", text, StringComparison.Ordinal);
        Assert.Contains(tx, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("recall active", text, StringComparison.Ordinal);

        await using var chinese = await browser.NewPhoneAsync("zh-CN");
        var (zh, _) = await ProvenancePages.OpenAsync(chinese, api.BaseUrl, path);
        await ProvenancePages.ScreenshotPartsAsync(zh, "provenance-recall-zh-CN", "#recall");
        var zhText = await zh.Locator("#recall").InnerTextAsync();
        Assert.Contains("本批次产品已召回，请勿食用", zhText, StringComparison.Ordinal);
        Assert.Contains("包装内发现金属异物", zhText, StringComparison.Ordinal);
        Assert.Contains("一级召回", zhText, StringComparison.Ordinal);
        Assert.Contains("召回有效", zhText, StringComparison.Ordinal);

        var lift = await regulator.PostAsJsonAsync($"/recalls/{recall["id"]!.GetValue<string>()}/lift",
            new { reason = "异物来源已排除 / source of the fragments found and removed" }, Ct);
        Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        await page.ReloadAsync();
        await ProvenancePages.VerifiedAsync(page);
        await ProvenancePages.ScreenshotPartsAsync(page, "provenance-recall-lifted-en", "#recall-lifted");
        Assert.Equal(0, await page.Locator("#recall").CountAsync());
        var note = await page.Locator("#recall-lifted").InnerTextAsync();
        Assert.Contains("An earlier recall of this lot has been lifted", note, StringComparison.Ordinal);
        Assert.Contains("source of the fragments found and removed", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "本批次产品已召回，请勿食用", "二级召回", "检验不合格", "不合格")]
    [InlineData("en-GB", "This lot has been recalled. Do not eat it.", "Class II:", "A lab test failed", "Fail")]
    public async Task TheDemosRecalledLotShowsTheBannerAndTheFailedTest(string locale, string title, string level, string warning, string fail)
    {
        await using var context = await browser.NewPhoneAsync(locale);
        var (page, _) = await ProvenancePages.OpenAsync(context, api.BaseUrl, DemoChainFixture.LotPath(DemoChainFixture.RecalledLot));
        await ProvenancePages.ScreenshotPartsAsync(page, $"provenance-recalled-demo-{locale}", "#lab");

        Assert.True(await page.Locator("#recall").IsVisibleAsync());
        var banner = await page.Locator("#recall").InnerTextAsync();
        Assert.Contains(title, banner, StringComparison.Ordinal);
        Assert.Contains(level, banner, StringComparison.Ordinal);
        Assert.Contains("chlorpyrifos 0.12 mg/kg", banner, StringComparison.Ordinal);
        Assert.True(await page.Locator("#nonconformant").IsVisibleAsync());
        Assert.Contains(warning, await page.Locator("#nonconformant").InnerTextAsync(), StringComparison.Ordinal);
        var failed = page.Locator("#lab .result[data-verdict='fail']");
        Assert.Equal(1, await failed.CountAsync());
        Assert.Contains(fail, await failed.Locator(".badge").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("0.12 mg/kg", await failed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("V2026-11-08B", await failed.InnerTextAsync(), StringComparison.Ordinal);
    }
}
