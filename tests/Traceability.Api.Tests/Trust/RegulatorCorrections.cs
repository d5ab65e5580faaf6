using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Trust;

/// <summary>A regulator declares any event in error, with a reason, and what the event set is lifted.</summary>
public sealed class RegulatorCorrections(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<bool> NonConformantAsync(string lot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/01/{TrustFixture.FactoryGtin}/10/{lot}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await api.Anonymous.SendAsync(request, Ct);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["nonConformant"]!.GetValue<bool>();
    }

    [Fact]
    public async Task AWrongFindingDeclaredInErrorLeavesTheLotConformantAgain()
    {
        var lot = "C" + Guid.NewGuid().ToString("N")[..10];
        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));
        var finding = await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "inspecting", "non_conformant",
            time: "2026-11-21T10:00:00+08:00"));
        var id = (await finding.Body())["eventId"]!.GetValue<string>();
        Assert.True(await NonConformantAsync(lot));
        var url = $"/events/{Uri.EscapeDataString(id)}/error-declaration";

        var byShop = await api.Shop.Client.PostAsJsonAsync(url, new { reason = "incorrect_data", explanation = "not ours to say" }, Ct);
        var byRegulator = await api.Regulator.Client.PostAsJsonAsync(url, new { reason = "incorrect_data", explanation = "sampling error, retest passed" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byShop.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byRegulator.StatusCode);
        Assert.False(await NonConformantAsync(lot));
        var declared = (await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;
        Assert.Equal("incorrect_data", declared["errorDeclaration"]!["reason"]!.GetValue<string>());
        Assert.Equal("sampling error, retest passed",
            declared["errorDeclaration"]!["https://traceability.example/ns/declaration/1.0#explanation"]!.GetValue<string>());
        Assert.Equal(id, Domain.Epcis.Hashing.EventHash.ComputeId(declared)); // same content identity, same proof
    }

    [Fact]
    public async Task ADeclarationWithoutAKnownReasonChangesNothing()
    {
        var lot = "D" + Guid.NewGuid().ToString("N")[..10];
        var created = await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));
        var id = (await created.Body())["eventId"]!.GetValue<string>();

        var response = await api.Regulator.Client.PostAsJsonAsync($"/events/{Uri.EscapeDataString(id)}/error-declaration", new { reason = "because" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!["errorDeclaration"]);
    }
}
