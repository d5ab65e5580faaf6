using System.Net;
using Traceability.Api.Tests.Capture;
using Traceability.Testing;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// A webhook subscription with stream: true receives each new matching event, signed with HMAC-SHA256 under its
/// signatureToken, and nothing else; a receiver that fails is retried until it answers 2xx.
/// </summary>
public sealed class SignedStreamDeliveries(SubscriberFixture api) : IClassFixture<SubscriberFixture>
{
    private const string Token = "a-shared-secret-of-the-receiver";

    [Fact]
    public async Task ANewMatchingEventArrivesSignedAndCheckableByTheReceiver()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lot = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("signed-" + lot, Subscribing.LotQuery(lot));
        await farm.Client.SubscribeAsync("signed-" + lot, new() { ["dest"] = api.Receiver.Hook("signed-" + lot).ToString(), ["stream"] = true, ["signatureToken"] = Token });

        var other = await (await farm.Client.PostEvent(Epcis.Commission(Subscribing.NewLot()))).Body();
        var created = await farm.Client.PostEvent(Epcis.Commission(lot));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Body())["eventId"]!.GetValue<string>();

        var delivery = await api.Receiver.WaitForEventAsync("signed-" + lot, id);
        Assert.Equal(Subscribing.ExpectedSignature(delivery.Body, Token), delivery.Signature);
        Assert.NotEqual(Subscribing.ExpectedSignature(delivery.Body, Token + "x"), delivery.Signature);
        Assert.NotNull(delivery.SubscriptionId);
        Assert.DoesNotContain(other["eventId"]!.GetValue<string>(), api.Receiver.To("signed-" + lot).SelectMany(d => d.EventIds));
    }

    [Fact]
    public async Task AFailingReceiverIsRetriedUntilItAcknowledges()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lot = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("retry-" + lot, Subscribing.LotQuery(lot));
        await farm.Client.SubscribeAsync("retry-" + lot, new() { ["dest"] = api.Receiver.Hook("retry-" + lot).ToString(), ["stream"] = true });
        api.Receiver.FailNext(2);

        var id = (await (await farm.Client.PostEvent(Epcis.Commission(lot))).Body())["eventId"]!.GetValue<string>();

        await api.Receiver.WaitForEventAsync("retry-" + lot, id);
        var attempts = api.Receiver.Received.Where(d => d.Path == "/hooks/retry-" + lot).ToList();
        Assert.Contains(attempts, d => !d.Answered2xx);
        Assert.Null(Assert.Single(api.Receiver.To("retry-" + lot)).Signature); // no token, no signature
    }
}
