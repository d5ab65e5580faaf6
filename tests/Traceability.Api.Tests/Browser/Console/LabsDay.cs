using System.Text;
using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser.Console;

/// <summary>
/// A lab's day on a phone, in Chinese: one result whose server field error shows beside its field, fixed and recorded
/// with the test card's photo; a day's CSV with one bad row previewed (nothing stored, "store all" refused), fixed and
/// stored; a retest of the demo's failed result; the results list with its anchoring.
/// </summary>
public sealed class LabsDay(DemoChainFixture api, BrowserFixture browser) : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private string Key(string member) => api.Members[member]!["apiKey"]!.GetValue<string>();

    private const string Header = "商品条码,批号,样品编号,检测项目,检测方法,定性结果,检测值,单位,限量,判定依据,结论,试剂批号,试剂有效期,标准物质,检测时间,检测点,经营户,抽样单号,检测人员";

    private static string Row(string lot, string sample, string verdict, string method = "KJ 201710", string kit = "K2026-12") =>
        $"06901234100037,{lot},{sample},organophosphorus and carbamate pesticides (enzyme inhibition) 有机磷和氨基甲酸酯类农药（酶抑制率）,{method},阴性,,,,GB 2763-2021,{verdict},{kit},2027-06-30,GBW(E)082923,2026-12-01 09:30,柳南农贸市场快检室,李四 B-07,CY-1201-{sample},王芳";

    [Fact]
    public async Task ARecordedResultABadRowFixedAndStoredAndARetest()
    {
        await using var context = await browser.NewPhoneAsync("zh-CN");
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, Key("lab"));
        await BrowserFixture.ScreenshotAsync(page, "console-lab-form-zh-CN");

        // One result: a negative card said to fail is refused at its field, then recorded with its photo.
        await page.FillAsync("#lab-form [name=gtin]", "06901234100037");
        await page.FillAsync("#lab-form [name=lot]", "LSF-20261112");
        await page.FillAsync("#lab-form [name=sampleId]", "S-1201-01");
        await page.SelectOptionAsync("#lab-form [name=verdict]", "fail");
        await page.FillAsync("#lab-form [name=kitLot]", "K2026-12");
        await page.FillAsync("#lab-form [name=kitExpiry]", "2027-06-30");
        await page.FillAsync("#lab-form [name=testSite]", "柳南农贸市场快检室");
        await page.FillAsync("#lab-form [name=vendor]", "张三蔬菜摊 A-12");
        await page.SetInputFilesAsync("#card-photo", new FilePayload { Name = "card.png", MimeType = "image/png", Buffer = QrImages.Png("test card S-1201-01") });
        await page.Locator("#photo-status:has-text('SHA-256')").WaitForAsync();
        await page.ClickAsync("#lab-form button[type=submit]");
        var verdictError = page.Locator("[data-error-for='$.verdict']");
        await verdictError.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-lab-field-error-zh-CN");
        Assert.Contains("此项有误", await verdictError.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#lab-form [name=verdict]").GetAttributeAsync("aria-invalid"));
        await page.SelectOptionAsync("#lab-form [name=verdict]", "pass");
        await page.ClickAsync("#lab-form button[type=submit]");
        await page.Locator("#recorded").WaitForAsync();
        Assert.Contains("已记录", await page.Locator("#recorded").InnerTextAsync(), StringComparison.Ordinal);

        // A day's sheet with one bad row (a rapid test without its kit): previewed, nothing stored, "store all" refused.
        await ConsolePages.GoAsync(page, "#/lab/upload");
        var bad = $"{Header}\n{Row("LSF-20261112", "S-1201-02", "合格")}\n{Row("LSF-20261112", "S-1201-03", "合格", kit: "")}\n{Row("LSF-20261113", "S-1201-04", "合格")}\n";
        await page.SetInputFilesAsync("#sheet", new FilePayload { Name = "day.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.Locator("#preview-summary").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-lab-upload-preview-zh-CN");
        Assert.Equal("1", await page.Locator("#preview-summary").GetAttributeAsync("data-invalid"));
        Assert.Equal("0", await page.Locator("#preview-summary").GetAttributeAsync("data-stored"));
        Assert.True(await page.Locator("#store-all").IsDisabledAsync());
        Assert.Contains("试剂批号", await page.Locator("tr[data-row='3']").InnerTextAsync(), StringComparison.Ordinal); // the kit lot column, named in the lab's language

        var fixedSheet = bad.Replace(Row("LSF-20261112", "S-1201-03", "合格", kit: ""), Row("LSF-20261112", "S-1201-03", "合格"), StringComparison.Ordinal);
        await page.SetInputFilesAsync("#sheet", new FilePayload { Name = "day.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(fixedSheet) });
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.Locator("#preview-summary[data-invalid='0']").WaitForAsync();
        await page.ClickAsync("#store-all");
        await page.Locator("#preview-summary[data-stored='3']").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-lab-upload-stored-zh-CN");

        // A retest (复检) of the demo's failed result, from the results list.
        await ConsolePages.GoAsync(page, "#/lab/results");
        await BrowserFixture.ScreenshotAsync(page, "console-lab-results-zh-CN");
        Assert.True(await page.Locator("[data-anchor]").CountAsync() >= 4);
        await ConsolePages.AndWaitAsync(page, () => page.Locator("a:has-text('复检')").First.ClickAsync());
        Assert.StartsWith("ni:///sha-256;", await page.Locator("#lab-form [name=retestOf]").InputValueAsync(), StringComparison.Ordinal);
        await page.SelectOptionAsync("#lab-form [name=kind]", "measured");
        await page.FillAsync("#lab-form [name=method]", "GB 23200.113-2018");
        await page.FillAsync("#lab-form [name=sampleId]", "S-1201-R1");
        await page.FillAsync("#lab-form [name=value]", "0.01");
        await page.FillAsync("#lab-form [name=limit]", "0.02");
        Assert.True(await page.Locator("#kit-fields").IsHiddenAsync()); // an instrument method needs no kit
        await page.ClickAsync("#lab-form button[type=submit]");
        await page.Locator("#recorded").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-lab-retest-zh-CN");
    }
}
