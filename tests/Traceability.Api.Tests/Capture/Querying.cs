using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Capture;

public sealed class Querying(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Ids(JsonObject doc) =>
        doc["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray().Select(e => e!["eventID"]!.GetValue<string>());

    [Fact]
    public async Task FiltersByEpcClassInUrnOrDigitalLinkFormAndByBizStep()
    {
        var org = await api.CreateOrgAsync("producer");
        var commissioned = (await (await org.Client.PostEvent(Epcis.Commission("Q-1"))).Body())["eventId"]!.GetValue<string>();
        var shipped = (await (await org.Client.PostEvent(Epcis.Ship("Q-1"))).Body())["eventId"]!.GetValue<string>();
        await org.Client.PostEvent(Epcis.Commission("Q-2"));

        var byClass = await org.Client.GetFromJsonAsync<JsonObject>($"/events?MATCH_epcClass={Uri.EscapeDataString(Epcis.LotClass("Q-1"))}", Ct);
        var byUrn = await org.Client.GetFromJsonAsync<JsonObject>("/events?MATCH_epcClass=urn:epc:class:lgtin:6901234.010001.Q-1", Ct);
        var shippingOnly = await org.Client.GetFromJsonAsync<JsonObject>($"/events?EQ_bizStep=shipping&MATCH_epcClass={Uri.EscapeDataString(Epcis.LotClass("Q-1"))}", Ct);

        Assert.Equal([commissioned, shipped], Ids(byClass!));
        Assert.Equal([commissioned, shipped], Ids(byUrn!));
        Assert.Equal([shipped], Ids(shippingOnly!));
        Assert.Equal("EPCISQueryDocument", byClass!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PagesWithALinkHeaderUntilTheLastPage()
    {
        var org = await api.CreateOrgAsync("producer");
        for (var i = 0; i < 5; i++) await org.Client.PostEvent(Epcis.Commission($"PAGE-{i}"));
        var filter = $"eventType=ObjectEvent&EQ_bizStep=commissioning&MATCH_epcClass={string.Join("|", Enumerable.Range(0, 5).Select(i => Uri.EscapeDataString(Epcis.LotClass($"PAGE-{i}"))))}";

        var seen = new List<string>();
        var url = $"/events?{filter}&perPage=2";
        var pages = 0;
        while (url is not null)
        {
            var response = await org.Client.GetAsync(url, Ct);
            seen.AddRange(Ids((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!));
            pages++;
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>') : null;
        }

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/events?colour=red")]
    [InlineData("/events?GE_eventTime=yesterday")]
    [InlineData("/events?perPage=0")]
    [InlineData("/events?perPage=abc")]
    [InlineData("/events?eventType=PartyEvent")]
    [InlineData("/events?nextPageToken=%21%21")]
    public async Task RejectsUnknownParametersAndBadValuesWith400(string url)
    {
        var org = await api.CreateOrgAsync("retailer");
        var response = await org.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TimeWindowIsInclusiveBelowAndExclusiveAbove()
    {
        var org = await api.CreateOrgAsync("producer");
        var evt = Epcis.Commission("TIME-1");
        evt["eventTime"] = "2031-01-01T00:00:00.000Z";
        evt["eventTimeZoneOffset"] = "+00:00";
        var id = (await (await org.Client.PostEvent(evt)).Body())["eventId"]!.GetValue<string>();

        var inside = await org.Client.GetFromJsonAsync<JsonObject>("/events?GE_eventTime=2031-01-01T00:00:00Z&LT_eventTime=2031-01-01T00:00:00.001Z", Ct);
        var outside = await org.Client.GetFromJsonAsync<JsonObject>("/events?GE_eventTime=2030-12-31T00:00:00Z&LT_eventTime=2031-01-01T00:00:00Z", Ct);

        Assert.Contains(id, Ids(inside!));
        Assert.DoesNotContain(id, Ids(outside!));
    }

    [Fact]
    public async Task UnknownEventIdsAre404AndQueriesNeedAKey()
    {
        var org = await api.CreateOrgAsync("regulator");
        Assert.Equal(HttpStatusCode.NotFound, (await org.Client.GetAsync($"/events/{new string('a', 64)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/events", Ct)).StatusCode);
    }
}
