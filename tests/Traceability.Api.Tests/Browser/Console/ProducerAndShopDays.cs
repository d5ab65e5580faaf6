using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Traceability.Api.Tests.Browser.Console;

/// <summary>
/// A farm's day on a desktop in English and a shop's on a phone in Chinese, on the demo chain: the farm names its
/// product, registers a harvest lot, transforms it, packs the output onto a pallet and ships it to 五一路超市 picked from the
/// member list; the shop receives that pallet from what was shipped to it, records its incoming check (进货查验), and,
/// once a regulator recalls the harvest, sees the recall with the pallet it received and acknowledges removal in a
/// Rec 20 unit. Every event went through POST /events under the trust model.
/// </summary>
public sealed class ProducerAndShopDays(DemoChainFixture api, BrowserFixture browser) : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Key(string member) => api.Members[member]!["apiKey"]!.GetValue<string>();

    private const string Cowpeas = "06901234100044";
    private const string Harvest = "V2026-12-01A";
    private const string Pickled = "V2026-12-01P";

    [Fact]
    public async Task AFarmShipsAPalletAShopReceivesItChecksItAndAcknowledgesItsRecall()
    {
        await using var desktop = await ConsolePages.NewDesktopAsync(browser);
        var farm = await ConsolePages.SignInAsync(desktop, api.BaseUrl, Key("vegetables"));

        await farm.FillAsync("#product-form [name=gtin]", Cowpeas);
        await farm.FillAsync("#product-form [name=nameZh]", "柳江酸豆角");
        await farm.FillAsync("#product-form [name=nameEn]", "Liujiang pickled cowpeas");
        await farm.ClickAsync("#product-form button[type=submit]");
        await farm.Locator("#product-form .done").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(farm, "console-producer-product-en");

        await ConsolePages.GoAsync(farm, "#/producer/lots");
        await farm.FillAsync("#lot-form [name=gtin]", Cowpeas);
        await farm.FillAsync("#lot-form [name=lot]", Harvest);
        await farm.FillAsync("#lot-form [name=quantity]", "500");
        await farm.ClickAsync("#lot-form button[type=submit]");
        await farm.Locator("#lot-form .done").WaitForAsync();
        Assert.EndsWith($"/labels/01/{Cowpeas}/10/{Harvest}", await farm.Locator("#lot-form .label-link").GetAttributeAsync("href"), StringComparison.Ordinal);

        // The same lot with another quantity is refused in place (409: a lot is commissioned once).
        await farm.FillAsync("#lot-form [name=quantity]", "400");
        await farm.ClickAsync("#lot-form button[type=submit]");
        await farm.Locator("#lot-form .form-error:not([hidden])").WaitForAsync();
        Assert.Contains("409", await farm.Locator("#lot-form .form-error").InnerTextAsync(), StringComparison.Ordinal);

        await farm.FillAsync("#transform-form [name=in0gtin]", Cowpeas);
        await farm.FillAsync("#transform-form [name=in0lot]", Harvest);
        await farm.FillAsync("#transform-form [name=in0qty]", "500");
        await farm.FillAsync("#transform-form [name=outGtin]", Cowpeas);
        await farm.FillAsync("#transform-form [name=outLot]", Pickled);
        await farm.FillAsync("#transform-form [name=outQty]", "480");
        await farm.SelectOptionAsync("#transform-form [name=outUnit]", "KGM");
        await farm.ClickAsync("#transform-form button[type=submit]");
        await farm.Locator("#transform-form .done").WaitForAsync();

        await farm.FillAsync("#pack-form [name=sscc]", "06901234100040001");
        await farm.FillAsync("#pack-form [name=gtin]", Cowpeas);
        await farm.FillAsync("#pack-form [name=lot]", Pickled);
        await farm.FillAsync("#pack-form [name=quantity]", "480");
        await farm.SelectOptionAsync("#pack-form [name=unit]", "KGM");
        await farm.ClickAsync("#pack-form button[type=submit]");
        await farm.Locator("#pack-form .done").WaitForAsync();
        var sscc = (await farm.Locator("#pack-form .done").InnerTextAsync()).Split("SSCC ")[1].Trim();
        Assert.Equal(18, sscc.Length);
        await BrowserFixture.ScreenshotAsync(farm, "console-producer-lots-en");

        await ConsolePages.GoAsync(farm, "#/producer/ship");
        await farm.SelectOptionAsync("#ship-form [name=toGln]", "6901234000085"); // 五一路超市, from the member list
        await farm.FillAsync("#ship-form [name=sscc]", sscc);
        await farm.ClickAsync("#ship-form button[type=submit]");
        await farm.Locator("#ship-form .done").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(farm, "console-producer-ship-en");
        await ConsolePages.GoAsync(farm, "#/producer/lots"); // what this session recorded, with its anchoring
        Assert.Equal(4, await farm.Locator("#recorded-list [data-anchor]").CountAsync());

        // The shop, on a phone in Chinese.
        await using var phone = await browser.NewPhoneAsync("zh-CN");
        var shop = await ConsolePages.SignInAsync(phone, api.BaseUrl, Key("shop-wuyi"));
        var shipment = shop.Locator("tr[data-shipment]", new() { HasText = sscc });
        await shipment.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(shop, "console-shop-receive-zh-CN");
        await ConsolePages.AndWaitAsync(shop, () => shipment.Locator("button.receive").ClickAsync());
        Assert.Equal("true", await shop.Locator("tr[data-shipment]", new() { HasText = sscc }).GetAttributeAsync("data-received"));

        await ConsolePages.GoAsync(shop, "#/shop/checks");
        await shop.SelectOptionAsync("#check-form [name=supplierOrgId]", api.Members["vegetables"]!["orgId"]!.GetValue<string>());
        await shop.FillAsync("#check-form [name=gtin]", Cowpeas);
        await shop.FillAsync("#check-form [name=lot]", Pickled);
        await shop.FillAsync("#check-form [name=quantity]", "480");
        await shop.SelectOptionAsync("#check-form [name=unit]", "KGM");
        await shop.ClickAsync("#check-form button[type=submit]"); // no certificate number: refused in place
        await shop.Locator("[data-error-for='$.certificateNo']").WaitForAsync();
        await shop.FillAsync("#check-form [name=certificateNo]", "GX-JY-20261201-88");
        await ConsolePages.AndWaitAsync(shop, () => shop.ClickAsync("#check-form button[type=submit]"));
        Assert.Contains("GX-JY-20261201-88", await shop.Locator("#checks").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(shop, "console-shop-incoming-check-zh-CN");

        using var regulator = api.Member("regulator");
        var recall = await regulator.PostAsJsonAsync("/recalls", new { gtin = Cowpeas, lot = Harvest, classification = "I", reason = "亚硝酸盐超标 / nitrite above the limit" }, Ct);
        Assert.Equal(HttpStatusCode.Created, recall.StatusCode);
        var recallId = (await recall.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();

        await ConsolePages.GoAsync(shop, "#/shop/recalls");
        var card = shop.Locator($"[data-recall='{recallId}']");
        Assert.Contains("柳江酸豆角", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(sscc, await card.Locator("li.yours").AllInnerTextsAsync() is var mine ? string.Join(" ", mine) : "", StringComparison.Ordinal);
        await card.Locator("[name=quantityRemoved]").FillAsync("480");
        await card.Locator("[name=unit]").SelectOptionAsync("KGM");
        await ConsolePages.AndWaitAsync(shop, () => card.Locator("button[type=submit]").ClickAsync());
        await shop.Locator($"[data-recall='{recallId}'] #acknowledged").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(shop, "console-shop-recall-acknowledged-zh-CN");

        var view = await regulator.GetFromJsonAsync<JsonObject>($"/recalls/{recallId}", Ct);
        Assert.Equal(480m, view!["quantityRemoved"]!["KGM"]!.GetValue<decimal>());
    }
}
