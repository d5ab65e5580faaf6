using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Storage;

namespace Traceability.Api.Tests.Capture;

public sealed class CaptureBehaviour(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ITraceStore Store => api.Factory.Services.GetRequiredService<ITraceStore>();

    [Fact]
    public async Task ResendingTheSameContentStoresItOnceUnderTheSameId()
    {
        var org = await api.CreateOrgAsync("producer");
        var doc = Epcis.Document(Epcis.Commission("IDEM-1"), Epcis.Commission("IDEM-2"));

        var first = await (await org.Client.Capture(doc)).Body();
        var countAfterFirst = (await Store.GetStatsAsync(Ct)).Events;
        var second = await (await org.Client.Capture(doc)).Body();

        Assert.Equal(first["eventIds"]!.ToJsonString(), second["eventIds"]!.ToJsonString());
        Assert.Equal(countAfterFirst, (await Store.GetStatsAsync(Ct)).Events);
    }

    [Fact]
    public async Task RollbackStoresNothingOfADocumentWithOneBadEvent()
    {
        var org = await api.CreateOrgAsync("producer");
        var bad = Epcis.Commission("RB-2");
        bad["action"] = "FLY";
        var before = (await Store.GetStatsAsync(Ct)).Events;

        var response = await org.Client.Capture(Epcis.Document(Epcis.Commission("RB-1"), bad), "rollback");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("$.epcisBody.eventList[1].action", (await response.Body())["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(before, (await Store.GetStatsAsync(Ct)).Events);
    }

    [Fact]
    public async Task ProceedStoresTheGoodEventsAndReportsTheBadOnes()
    {
        var org = await api.CreateOrgAsync("producer");
        var bad = Epcis.Commission("PR-2");
        bad["action"] = "FLY";

        var response = await org.Client.Capture(Epcis.Document(Epcis.Commission("PR-1"), bad), "proceed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Body();
        Assert.Equal("PartiallySucceeded", job["status"]!.GetValue<string>());
        Assert.Single(job["eventIds"]!.AsArray());
        Assert.Equal(1, job["errors"]![0]!["eventIndex"]!.GetValue<int>());
    }

    [Fact]
    public async Task RejectsAnUnknownErrorBehaviour()
    {
        var org = await api.CreateOrgAsync("producer");
        var response = await org.Client.Capture(Epcis.Document(Epcis.Commission("EB-1")), "sometimes");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RejectsMalformedJsonAndTheWrongMediaType()
    {
        var org = await api.CreateOrgAsync("producer");
        var malformed = await org.Client.PostAsync("/capture", new StringContent("{\"type\":", System.Text.Encoding.UTF8, "application/json"), Ct);
        var text = await org.Client.PostAsync("/capture", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"), Ct);
        var jsonx = await org.Client.PostAsync("/capture", new StringContent("{}", System.Text.Encoding.UTF8, "application/jsonx"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, jsonx.StatusCode);
    }

    [Fact]
    public async Task CaptureJobsAreVisibleOnlyToTheirOrganisation()
    {
        var owner = await api.CreateOrgAsync("producer");
        var other = await api.CreateOrgAsync("producer");
        var response = await owner.Client.Capture(Epcis.Document(Epcis.Commission("JOB-1")));

        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(response.Headers.Location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(response.Headers.Location, Ct)).StatusCode);
    }

    [Fact]
    public async Task EventsAboutLotsNeverSeenHereAreAcceptedAsExternal()
    {
        var org = await api.CreateOrgAsync("distributor");
        var response = await org.Client.PostEvent(Epcis.Ship("PARTNER-LOT-9"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Body())["eventId"]!.GetValue<string>();
        Assert.True((await Store.GetEventAsync(id, Ct))!.External);
    }
}
