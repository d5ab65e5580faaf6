using System.Net;
using System.Net.Http.Json;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// A recall is announced as an EPCIS event (disposition recalled, naming the lot): subscribers to the lot learn of it
/// without polling, in full when they are party to the recall and as its consumer view otherwise.
/// </summary>
public sealed class RecallAnnouncements(SubscriberFixture api) : IClassFixture<SubscriberFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebhookReceiver.Delivery> WaitForRecalledAsync(string hook)
    {
        for (var i = 0; i < 300; i++)
        {
            if (api.Receiver.To(hook).FirstOrDefault(d => d.Events.Any(e => e["disposition"]?.GetValue<string>() is { } d2 && d2.EndsWith("recalled", StringComparison.Ordinal))) is { } found)
                return found;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"{hook} heard of no recall");
    }

    [Fact]
    public async Task SubscribersOfARecalledLotReceiveTheRecallAsAnEvent()
    {
        var farm = await api.CreateOrgAsync("producer");
        var shop = await api.CreateOrgAsync("retailer");
        var lot = Subscribing.NewLot();
        Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Epcis.Commission(lot))).StatusCode);
        await farm.Client.CreateQueryAsync("lot-" + lot, Subscribing.LotQuery(lot));
        await farm.Client.SubscribeAsync("lot-" + lot, new() { ["dest"] = api.Receiver.Hook("farm-" + lot).ToString(), ["stream"] = true });
        await shop.Client.CreateQueryAsync("lot-" + lot, Subscribing.LotQuery(lot));
        await shop.Client.SubscribeAsync("lot-" + lot, new() { ["dest"] = api.Receiver.Hook("shop-" + lot).ToString(), ["stream"] = true });
        var unrelated = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("lot-" + unrelated, Subscribing.LotQuery(unrelated));
        await farm.Client.SubscribeAsync("lot-" + unrelated, new() { ["dest"] = api.Receiver.Hook("farm-" + unrelated).ToString(), ["stream"] = true });

        var ordered = await farm.Client.PostAsJsonAsync("/recalls", new { gtin = Epcis.Gtin, lot, reason = "Listeria found in a retained sample", classification = "I" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var recallId = (await ordered.Body())["id"]!.GetValue<string>();

        var own = (await WaitForRecalledAsync("farm-" + lot)).Events.Single(e => e["disposition"]!.GetValue<string>().EndsWith("recalled", StringComparison.Ordinal));
        Assert.Equal(recallId, own["recall:recallId"]!.GetValue<string>());
        Assert.Contains(Epcis.LotClass(lot), own["quantityList"]!.AsArray().Select(q => q!["epcClass"]!.GetValue<string>()));
        var seen = (await WaitForRecalledAsync("shop-" + lot)).Events.Single(e => e["disposition"]!.GetValue<string>().EndsWith("recalled", StringComparison.Ordinal));
        Assert.Equal(own["eventID"]!.GetValue<string>(), seen["view:viewOf"]?.GetValue<string>() ?? seen["eventID"]!.GetValue<string>());
        Assert.Empty(api.Receiver.To("farm-" + unrelated));
    }
}
