using System.Net;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Capture;

/// <summary>
/// Who may write what, table-driven. Each row: the organisation (by role) that first commissions a
/// lot, the role that then tries an action on it, the action, and the status it must get.
/// </summary>
public sealed class AuthorisationMatrix(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, string, HttpStatusCode> Rows() => new()
    {
        // holder acts on its own lot
        { "producer", "self", "ship", HttpStatusCode.Created },
        { "producer", "self", "transform", HttpStatusCode.Created },
        { "producer", "self", "destroy", HttpStatusCode.Created },
        // another organisation acts on a lot it does not hold
        { "producer", "producer", "ship", HttpStatusCode.Conflict },
        { "producer", "distributor", "ship", HttpStatusCode.Conflict },
        { "producer", "retailer", "transform", HttpStatusCode.Conflict },
        { "producer", "regulator", "destroy", HttpStatusCode.Conflict },
        { "producer", "lab", "ship", HttpStatusCode.Conflict },
        // observing a lot is anyone's business
        { "producer", "retailer", "observe", HttpStatusCode.Created },
        // lab results only from labs
        { "producer", "lab", "lab-result", HttpStatusCode.Created },
        { "producer", "producer", "lab-result", HttpStatusCode.Forbidden },
        { "producer", "retailer", "lab-result", HttpStatusCode.Forbidden },
        { "producer", "regulator", "lab-result", HttpStatusCode.Forbidden },
        { "producer", "distributor", "lab-result", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EnforcesTheWriteRules(string ownerRole, string actorRole, string action, HttpStatusCode expected)
    {
        var lot = $"M-{Guid.NewGuid():N}"[..16]; // with "-OUT" still within the 20 characters of AI 10
        var owner = await api.CreateOrgAsync(ownerRole);
        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostEvent(Epcis.Commission(lot))).StatusCode);
        var actor = actorRole == "self" ? owner : await api.CreateOrgAsync(actorRole);

        var evt = action switch
        {
            "ship" => Epcis.Ship(lot),
            "transform" => Epcis.Transform(lot, lot + "-OUT"),
            "destroy" => Destroy(lot),
            "observe" => Epcis.Receive(lot) is var r && Observe(r) is var o ? o : r,
            "lab-result" => Epcis.LabResult(lot),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var response = await actor.Client.PostEvent(evt);

        Assert.Equal(expected, response.StatusCode);
        if (!response.IsSuccessStatusCode)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CustodyPassesToTheReceiverAShipmentNamed()
    {
        var lot = $"H-{Guid.NewGuid():N}"[..20];
        var farm = await api.CreateOrgAsync("producer", gln: "6901234000016");
        var shop = await api.CreateOrgAsync("retailer", gln: "6901234000085");
        var stranger = await api.CreateOrgAsync("retailer");
        await farm.Client.PostEvent(Epcis.Commission(lot));

        Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Epcis.Ship(lot, toGln: "6901234000085"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await shop.Client.PostEvent(Epcis.Ship(lot))).StatusCode); // not received yet
        Assert.Equal(HttpStatusCode.Created, (await stranger.Client.PostEvent(ReceiveAt(lot, "6901234000092"))).StatusCode); // kept, unconfirmed
        Assert.Equal(HttpStatusCode.Created, (await shop.Client.PostEvent(ReceiveAt(lot, "6901234000085"))).StatusCode);

        var reship = Epcis.Ship(lot);
        reship["eventTime"] = "2026-11-21T09:00:00.000+08:00";
        Assert.Equal(HttpStatusCode.Created, (await shop.Client.PostEvent(reship)).StatusCode);
        var farmAgain = Epcis.Ship(lot);
        farmAgain["eventTime"] = "2026-11-21T10:00:00.000+08:00";
        Assert.Equal(HttpStatusCode.Conflict, (await farm.Client.PostEvent(farmAgain)).StatusCode);
    }

    [Fact]
    public async Task MissingOrUnknownKeysAre401()
    {
        var noKey = await api.Anonymous.PostEvent(Epcis.Commission("K-1"));
        using var badKey = api.As("trk_not-a-key");
        var unknown = await badKey.PostEvent(Epcis.Commission("K-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    private static JsonObject ReceiveAt(string lot, string gln)
    {
        var e = Epcis.Receive(lot);
        e["bizLocation"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{gln}" };
        return e;
    }

    private static JsonObject Destroy(string lot)
    {
        var e = Epcis.Ship(lot);
        e["bizStep"] = "destroying";
        e["action"] = "DELETE";
        return e;
    }

    private static JsonObject Observe(JsonObject e)
    {
        e["bizStep"] = "storing";
        return e;
    }
}
