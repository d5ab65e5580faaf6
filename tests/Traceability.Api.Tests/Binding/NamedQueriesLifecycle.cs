using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// Named queries are created, listed, read, run and deleted by their organisation alone; a bad query is refused naming
/// its parameter, and another organisation neither sees nor runs it.
/// </summary>
public sealed class NamedQueriesLifecycle(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQueryIsCreatedRunAndDeletedByItsOrganisationOnly()
    {
        var farm = await api.SharedOrgAsync("producer");
        var shop = await api.SharedOrgAsync("retailer");
        var lot = Subscribing.NewLot();
        var id = (await (await farm.Client.PostEvent(Epcis.Commission(lot))).Body())["eventId"]!.GetValue<string>();
        await farm.Client.PostEvent(Epcis.Commission(Subscribing.NewLot()));
        var name = "mine-" + lot;

        await farm.Client.CreateQueryAsync(name, Subscribing.LotQuery(lot));

        var again = await farm.Client.PostAsJsonAsync("/queries", new JsonObject { ["name"] = name, ["query"] = Subscribing.LotQuery(lot) }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var read = await (await farm.Client.GetAsync($"/queries/{name}", Ct)).Body();
        Assert.Equal(Epcis.LotClass(lot), read["query"]!["MATCH_epcClass"]![0]!.GetValue<string>());
        var listed = await farm.Client.GetFromJsonAsync<JsonArray>("/queries", Ct);
        Assert.Contains(listed!, q => q!["name"]!.GetValue<string>() == name);
        var events = await (await farm.Client.GetAsync($"/queries/{name}/events", Ct)).Body();
        var found = events["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray();
        Assert.Equal(id, Assert.Single(found)!["eventID"]!.GetValue<string>());
        Assert.Equal(name, events["epcisBody"]!["queryResults"]!["queryName"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client.GetAsync($"/queries/{name}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client.GetAsync($"/queries/{name}/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client.DeleteAsync($"/queries/{name}", Ct)).StatusCode);
        Assert.DoesNotContain((await shop.Client.GetFromJsonAsync<JsonArray>("/queries", Ct))!, q => q!["name"]!.GetValue<string>() == name);

        Assert.Equal(HttpStatusCode.NoContent, (await farm.Client.DeleteAsync($"/queries/{name}", Ct)).StatusCode);
        var gone = await farm.Client.GetAsync($"/queries/{name}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("epcisException:NoSuchNameException", (await gone.Body())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AQueryWithAnUnknownParameterIsRefusedNamingIt()
    {
        var farm = await api.SharedOrgAsync("producer");

        var response = await farm.Client.PostAsJsonAsync("/queries", new JsonObject
        {
            ["name"] = "bad-" + Subscribing.NewLot(),
            ["query"] = new JsonObject { ["EQ_noSuchThing"] = new JsonArray("x"), ["eventType"] = new JsonArray("ObjectEvent") },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Body();
        Assert.Equal("epcisException:QueryParameterException", problem["type"]!.GetValue<string>());
        Assert.Contains("EQ_noSuchThing", problem.ToJsonString());
    }

    [Fact]
    public async Task ANamedQueryTakesOnlyPagingParameters()
    {
        var farm = await api.SharedOrgAsync("producer");
        var name = "paging-" + Subscribing.NewLot();
        await farm.Client.CreateQueryAsync(name, new JsonObject { ["eventType"] = new JsonArray("ObjectEvent") });

        var response = await farm.Client.GetAsync($"/queries/{name}/events?EQ_bizStep=shipping", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("EQ_bizStep", (await response.Body()).ToJsonString());
    }
}
