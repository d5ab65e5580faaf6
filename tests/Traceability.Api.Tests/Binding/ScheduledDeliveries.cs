using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// A subscription with a schedule runs its query at the scheduled times: with reportIfEmpty it reports even when
/// nothing new matched, and it delivers what matched since its last run.
/// </summary>
public sealed class ScheduledDeliveries(SubscriberFixture api) : IClassFixture<SubscriberFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject EverySecond() => new() { ["second"] = "[0-59]" };

    private async Task<IReadOnlyList<WebhookReceiver.Delivery>> WaitForDeliveriesAsync(string hook)
    {
        for (var i = 0; i < 300 && api.Receiver.To(hook).Count == 0; i++) await Task.Delay(100, Ct);
        return api.Receiver.To(hook);
    }

    [Fact]
    public async Task WithReportIfEmptyAnEmptyResultIsReported()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lot = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("empty-" + lot, Subscribing.LotQuery(lot));
        await farm.Client.SubscribeAsync("empty-" + lot, new() { ["dest"] = api.Receiver.Hook("empty-" + lot).ToString(), ["schedule"] = EverySecond(), ["reportIfEmpty"] = true });

        var deliveries = await WaitForDeliveriesAsync("empty-" + lot);

        Assert.NotEmpty(deliveries);
        Assert.Empty(deliveries[0].EventIds);
    }

    [Fact]
    public async Task AScheduledRunDeliversWhatMatchedSinceTheLastRun()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lot = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("sched-" + lot, Subscribing.LotQuery(lot));
        await farm.Client.SubscribeAsync("sched-" + lot, new() { ["dest"] = api.Receiver.Hook("sched-" + lot).ToString(), ["schedule"] = EverySecond() });

        var id = (await (await farm.Client.PostEvent(Epcis.Commission(lot))).Body())["eventId"]!.GetValue<string>();

        await api.Receiver.WaitForEventAsync("sched-" + lot, id);
        Assert.All(api.Receiver.To("sched-" + lot), d => Assert.NotEmpty(d.EventIds)); // without reportIfEmpty nothing is sent empty
    }
}
