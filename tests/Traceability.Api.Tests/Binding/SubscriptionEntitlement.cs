using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// A subscriber receives each event as its organisation is entitled to read it: a shop that is no party to a
/// producer's event receives only its consumer view (no quantities, not the original), the producer the event itself.
/// </summary>
public sealed class SubscriptionEntitlement(SubscriberFixture api) : IClassFixture<SubscriberFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASubscriberNeverReceivesWhatItsOrganisationMayNotRead()
    {
        var farm = await api.SharedOrgAsync("producer");
        var shop = await api.SharedOrgAsync("retailer");
        var lot = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("own-" + lot, Subscribing.LotQuery(lot));
        await farm.Client.SubscribeAsync("own-" + lot, new() { ["dest"] = api.Receiver.Hook("own-" + lot).ToString(), ["stream"] = true });
        await shop.Client.CreateQueryAsync("peek-" + lot, Subscribing.LotQuery(lot));
        await shop.Client.SubscribeAsync("peek-" + lot, new() { ["dest"] = api.Receiver.Hook("peek-" + lot).ToString(), ["stream"] = true });

        var id = (await (await farm.Client.PostEvent(Epcis.Commission(lot, quantity: 123))).Body())["eventId"]!.GetValue<string>();

        var own = await api.Receiver.WaitForEventAsync("own-" + lot, id);
        Assert.Equal(123, own.Events.Single(e => e["eventID"]!.GetValue<string>() == id)["quantityList"]![0]!["quantity"]!.GetValue<double>());
        // Give the shop's subscription the same chance, then look at everything it got.
        await Task.Delay(1500, Ct);
        var peeked = api.Receiver.Received.Where(d => d.Path == "/hooks/peek-" + lot).SelectMany(d => d.Events).ToList();
        Assert.DoesNotContain(peeked, e => e["eventID"]?.GetValue<string>() == id);
        Assert.DoesNotContain(peeked, e => e.ToJsonString().Contains("\"quantity\"", StringComparison.Ordinal));
        Assert.All(peeked, e => Assert.Equal(id, e["view:viewOf"]?.GetValue<string>()));
    }
}
