using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Trust;

/// <summary>Two identical recall orders make one recall; a party acknowledges once (a second replaces the first) in UN/ECE units.</summary>
public sealed class RecallOrdersAndAcknowledgements(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ShippedLotAsync()
    {
        var lot = "R" + Guid.NewGuid().ToString("N")[..10];
        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));
        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "shipping", toGln: api.Shop.Gln, time: "2026-11-21T10:00:00+08:00"));
        await api.Shop.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "receiving", time: "2026-11-22T10:00:00+08:00"));
        return lot;
    }

    private static object Order(string lot) => new { gtin = TrustFixture.FactoryGtin, lot, reason = "chlorpyrifos over the limit", classification = "II" };

    [Fact]
    public async Task TheSameLotCannotBeRecalledTwiceAtOnce()
    {
        var lot = await ShippedLotAsync();

        var both = await Task.WhenAll(
            api.Regulator.Client.PostAsJsonAsync("/recalls", Order(lot), Ct),
            api.Regulator.Client.PostAsJsonAsync("/recalls", Order(lot), Ct));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var recalls = (await api.Regulator.Client.GetFromJsonAsync<JsonArray>("/recalls", Ct))!;
        Assert.Single(recalls, r => r!["origin"]!["lot"]!.GetValue<string>() == lot);
    }

    [Fact]
    public async Task AnIdempotencyKeyAnswersTheSameRecallAgain()
    {
        var lot = await ShippedLotAsync();
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/recalls") { Content = JsonContent.Create(Order(lot)) };
            request.Headers.Add("Idempotency-Key", "order-" + lot);
            return await api.Regulator.Client.SendAsync(request, Ct);
        }

        var first = await SendAsync();
        var again = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Body())["id"]!.GetValue<string>(), (await again.Body())["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASecondAcknowledgementReplacesTheFirst()
    {
        var lot = await ShippedLotAsync();
        var id = (await (await api.Regulator.Client.PostAsJsonAsync("/recalls", Order(lot), Ct)).Body())["id"]!.GetValue<string>();
        var url = $"/recalls/{id}/acknowledgements";

        Assert.Equal(HttpStatusCode.Created, (await api.Shop.Client.PostAsJsonAsync(url, new { quantityRemoved = 12, unit = "XCS" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Shop.Client.PostAsJsonAsync(url, new { quantityRemoved = 14, unit = "XCS" }, Ct)).StatusCode);

        var recall = (await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/recalls/{id}", Ct))!;
        Assert.Equal(14, recall["quantityRemoved"]!["XCS"]!.GetValue<decimal>());
        Assert.Equal(1, recall["partiesAcknowledged"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"quantityRemoved\":\"12\",\"unit\":\"EA\"}")]
    [InlineData("{\"quantityRemoved\":79228162514264337593543950335,\"unit\":\"EA\"}")]
    [InlineData("{\"quantityRemoved\":-1,\"unit\":\"EA\"}")]
    [InlineData("{\"quantityRemoved\":1,\"unit\":\"BOXES\"}")]
    [InlineData("{\"quantityRemoved\":1,\"unit\":\"ea\"}")]
    public async Task AnAcknowledgementOutsideTheRulesIsRefusedAndChangesNothing(string body)
    {
        var lot = await ShippedLotAsync();
        var id = (await (await api.Regulator.Client.PostAsJsonAsync("/recalls", Order(lot), Ct)).Body())["id"]!.GetValue<string>();

        var response = await api.Shop.Client.PostAsync($"/recalls/{id}/acknowledgements", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/recalls/{id}", Ct))!["partiesAcknowledged"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await api.Regulator.Client.GetAsync("/recalls", Ct)).StatusCode);
    }
}
