using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Trust;

/// <summary>The attacks issue 10 observed, tried again: none forges, squats or marks another organisation's record.</summary>
public sealed class ForgedRecordsAreRefused(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewLot() => "L" + Guid.NewGuid().ToString("N")[..10];

    private async Task<JsonObject> StoryAsync(string lot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/01/{TrustFixture.FactoryGtin}/10/{lot}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await api.Anonymous.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task ARetailerCannotCommissionAProducersLotBackdatedFromItsOwnLocation()
    {
        var lot = NewLot();
        Assert.Equal(HttpStatusCode.Created, (await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"))).StatusCode);

        var forged = TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning", time: "2026-01-01T00:00:00+08:00");
        forged["bizLocation"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{api.Shop.Gln}" };
        var response = await api.Shop.Client.PostEvent(forged);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("/problems/lot-exists", (await response.Body())["type"]!.GetValue<string>());
        var story = await StoryAsync(lot);
        Assert.Single(story["journey"]!.AsArray());
    }

    [Fact]
    public async Task ARetailersNonConformantObservationNeverMarksTheFactorysLot()
    {
        var lot = NewLot();
        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));

        var response = await api.Shop.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "inspecting", "non_conformant"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode); // kept as the shop's own record
        var id = (await response.Body())["eventId"]!.GetValue<string>();
        var story = await StoryAsync(lot);
        Assert.False(story["nonConformant"]!.GetValue<bool>());
        Assert.DoesNotContain(story["journey"]!.AsArray(), s => s!["bizStep"]!.GetValue<string>() == "inspecting");
        using var own = await api.Shop.Client.GetAsync($"/events/{Uri.EscapeDataString(id)}", Ct);
        Assert.Equal("third-party", own.Headers.GetValues("Trace-Standing").Single());
        // Anyone else entitled only to the public view sees it marked as a third party's.
        var view = (await (await api.OtherShop.Client.GetAsync($"/events/{Uri.EscapeDataString(id)}", Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True(view["view:thirdParty"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AFarmCannotCreateALotUnderTheFactorysGtinAndTheFactoryStillCan()
    {
        var lot = NewLot();

        var squat = await api.Farm.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));

        Assert.Equal(HttpStatusCode.Forbidden, squat.StatusCode);
        Assert.Equal("/problems/not-gtin-holder", (await squat.Body())["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"))).StatusCode);
        using var farmTrace = await api.Farm.Client.GetAsync($"/trace/{TrustFixture.FactoryGtin}/{lot}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, farmTrace.StatusCode);
        using var factoryTrace = await api.NoodleFactory.Client.GetAsync($"/trace/{TrustFixture.FactoryGtin}/{lot}", Ct);
        Assert.Equal(HttpStatusCode.OK, factoryTrace.StatusCode);
    }

    [Fact]
    public async Task AProducerCannotWriteALabResultInTheExpandedContextForm()
    {
        var lot = NewLot();
        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));
        var fake = TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "inspecting", "conformant");
        fake["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
            new JsonObject { ["lb"] = new JsonObject { ["@id"] = "https://traceability.example/ns/lab-result/1.0#" } });
        fake["lb:verdict"] = "pass";

        var response = await api.NoodleFactory.Client.PostEvent(fake);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/problems/lab-results-only-from-labs", (await response.Body())["type"]!.GetValue<string>());
        Assert.Empty((await StoryAsync(lot))["labResults"]!.AsArray());
    }

    [Fact]
    public async Task TwoProducersRacingToClaimANewGtinNeverBothWin()
    {
        for (var trial = 0; trial < 20; trial++)
        {
            var gtin = Gtin("69012349" + trial.ToString("D4"));
            var body = JsonContent.Create(new { name = new Dictionary<string, string> { ["en"] = "race" } });
            var first = api.NoodleFactory.Client.PutAsync($"/products/{gtin}", JsonContent.Create(new { name = new Dictionary<string, string> { ["en"] = "factory" } }), Ct);
            var second = api.Farm.Client.PutAsync($"/products/{gtin}", body, Ct);
            var statuses = (await Task.WhenAll(first, second)).Select(r => r.StatusCode).ToList();

            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Forbidden));
        }
    }

    [Fact]
    public async Task TheCompanyPrefixDecidesOverAClaim()
    {
        var response = await api.Farm.Client.PutAsJsonAsync($"/products/{TrustFixture.FactoryGtin}", new { name = new Dictionary<string, string> { ["en"] = "not mine" } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.NoodleFactory.Client.PutAsJsonAsync($"/products/{TrustFixture.FactoryGtin}",
            new { name = new Dictionary<string, string> { ["en"] = "noodles" } }, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheHolderLicensesAContractPacker()
    {
        var lot = NewLot();
        await api.NoodleFactory.Client.PutAsJsonAsync($"/products/{TrustFixture.FactoryGtin}", new { name = new Dictionary<string, string> { ["en"] = "noodles" } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Farm.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.Farm.Client.PutAsync($"/products/{TrustFixture.FactoryGtin}/licensees/{api.Farm.OrgId}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.NoodleFactory.Client.PutAsync($"/products/{TrustFixture.FactoryGtin}/licensees/{api.Farm.OrgId}", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await api.Farm.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.NoodleFactory.Client.DeleteAsync($"/products/{TrustFixture.FactoryGtin}/licensees/{api.Farm.OrgId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Farm.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(NewLot()), "ADD", "commissioning"))).StatusCode);
    }

    private static string Gtin(string thirteen) => "0" + thirteen[..12] + Domain.Gs1.Gtin.ComputeCheckDigit("0" + thirteen[..12]);
}
