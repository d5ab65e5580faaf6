using System.Net;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// /eventTypes, /epcs, /bizSteps, /bizLocations, /readPoints and /dispositions list the values events use as a paged
/// Collection (Link rel=next with nextPageToken), /{value} lists its sub-resources and /{value}/events its events;
/// read points are listed only from the caller's own events.
/// </summary>
public sealed class TopLevelResources(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Members(JsonObject collection)
    {
        Assert.Equal("Collection", collection["type"]!.GetValue<string>());
        return collection["member"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
    }

    private static string Serial(string lot) => $"https://id.gs1.org/01/{Epcis.Gtin}/21/{lot}";

    private static JsonObject Serialised(string lot)
    {
        var e = Epcis.Event("ObjectEvent", "commissioning", "ADD");
        e["epcList"] = new JsonArray(Serial(lot));
        return e;
    }

    private static JsonObject Located(string lot, string readPoint)
    {
        var e = Serialised(lot);
        e["readPoint"] = new JsonObject { ["id"] = readPoint };
        e["bizLocation"] = new JsonObject { ["id"] = "https://id.gs1.org/414/9521141000007" };
        e["disposition"] = "active";
        return e;
    }

    [Fact]
    public async Task ListsPageWithNextPageTokensUntilEveryValueIsSeen()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lots = Enumerable.Range(0, 3).Select(_ => Subscribing.NewLot()).ToList();
        foreach (var lot in lots) Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Serialised(lot))).StatusCode);

        var seen = new List<string>();
        var url = "/epcs?perPage=2";
        for (var pages = 0; url is not null && pages < 50; pages++)
        {
            var response = await farm.Client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var members = Members(await response.Body());
            Assert.True(members.Count <= 2);
            seen.AddRange(members);
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<') : null;
            if (url is not null) Assert.Contains("nextPageToken=", url);
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        foreach (var lot in lots) Assert.Contains(Serial(lot), seen);
    }

    [Fact]
    public async Task AValuesEventsAreItsEventsAndAnUnknownValueIsNotFound()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lot = Subscribing.NewLot();
        var id = (await (await farm.Client.PostEvent(Located(lot, "https://id.gs1.org/414/9521141000007/254/" + lot))).Body())["eventId"]!.GetValue<string>();
        var epc = Uri.EscapeDataString(Serial(lot));

        Assert.Equal(["events"], Members(await (await farm.Client.GetAsync($"/epcs/{epc}", Ct)).Body()));
        var events = await (await farm.Client.GetAsync($"/epcs/{epc}/events", Ct)).Body();
        Assert.Equal(id, Assert.Single(events["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray())!["eventID"]!.GetValue<string>());
        var commissioning = await (await farm.Client.GetAsync($"/bizSteps/commissioning/events?MATCH_epc={epc}", Ct)).Body();
        Assert.Single(commissioning["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray());
        Assert.Contains("ObjectEvent", Members(await (await farm.Client.GetAsync("/eventTypes", Ct)).Body()));
        Assert.Contains("active", Members(await (await farm.Client.GetAsync("/dispositions?perPage=1000", Ct)).Body()));
        Assert.Contains("https://id.gs1.org/414/9521141000007", Members(await (await farm.Client.GetAsync("/bizLocations", Ct)).Body()));

        Assert.Equal(HttpStatusCode.NotFound, (await farm.Client.GetAsync($"/epcs/{Uri.EscapeDataString(Serial("NEVER-SEEN"))}", Ct)).StatusCode);
        var fixedTwice = await farm.Client.GetAsync($"/epcs/{epc}/events?MATCH_anyEPC={epc}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, fixedTwice.StatusCode);
    }

    [Fact]
    public async Task ReadPointsAreListedOnlyToTheOrganisationThatUsedThem()
    {
        var farm = await api.SharedOrgAsync("producer");
        var shop = await api.SharedOrgAsync("retailer");
        var lot = Subscribing.NewLot();
        var readPoint = "https://id.gs1.org/414/9521141000007/254/" + lot;
        Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Located(lot, readPoint))).StatusCode);

        Assert.Contains(readPoint, Members(await (await farm.Client.GetAsync("/readPoints?perPage=1000", Ct)).Body()));
        Assert.DoesNotContain(readPoint, Members(await (await shop.Client.GetAsync("/readPoints?perPage=1000", Ct)).Body()));
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client.GetAsync($"/readPoints/{Uri.EscapeDataString(readPoint)}", Ct)).StatusCode);
    }
}
