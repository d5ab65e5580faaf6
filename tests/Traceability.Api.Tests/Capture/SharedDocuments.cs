using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Storage;
using Traceability.Testing;

namespace Traceability.Api.Tests.Capture;

/// <summary>The peer project's valid and invalid EPCIS documents, through HTTP, by an organisation made with the admin API.</summary>
public sealed class SharedDocuments(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ValidDocuments() => new(Directory.GetFiles(RepositoryPaths.TestData("epcis-capture", "valid"), "*.json")
        .Select(Path.GetFileName).Where(f => !f!.StartsWith("single-event_", StringComparison.Ordinal)).Order()!);

    public static TheoryData<string> SingleEvents() => new(Directory.GetFiles(RepositoryPaths.TestData("epcis-capture", "valid"), "single-event_*.json")
        .Select(Path.GetFileName).Order()!);

    public static TheoryData<string> InvalidDocuments() => new(Directory.GetFiles(RepositoryPaths.TestData("epcis-capture", "invalid"), "*.json")
        .Select(Path.GetFileName).Order()!);

    private Task<TestOrg> Producer() => api.SharedOrgAsync("producer");

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public async Task CapturesEveryEventOfAValidDocumentUnderItsCbvHash(string file)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.TestData("epcis-capture", "valid", file), Ct);
        var document = JsonNode.Parse(text)!.AsObject();
        var expected = EpcisEvents.Read(document).Select(e => EventHash.ComputeId(e.Event, e.Document)).ToList();
        var org = await Producer();

        var response = await org.Client.PostAsync("/capture", new StringContent(text, System.Text.Encoding.UTF8, "application/ld+json"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Body();
        Assert.Equal(expected.Distinct(), job["eventIds"]!.AsArray().Select(i => i!.GetValue<string>()).Distinct());
        var status = await org.Client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal("Succeeded", (await status.Body())["status"]!.GetValue<string>());
        foreach (var id in expected)
        {
            var stored = await org.Client.GetAsync($"/events/{Uri.EscapeDataString(id)}", Ct);
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            var served = JsonNode.Parse(await stored.Content.ReadAsStringAsync(Ct))!.AsObject();
            Assert.Equal(id, served["eventID"]!.GetValue<string>());
            Assert.Equal(id, EventHash.ComputeId(served)); // served alone, it still hashes to its id
        }
    }

    [Theory]
    [MemberData(nameof(SingleEvents))]
    public async Task CapturesABareEventThroughPostEvents(string file)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.TestData("epcis-capture", "valid", file), Ct);
        var expected = EventHash.ComputeId(JsonNode.Parse(text)!.AsObject());
        var org = await Producer();

        var response = await org.Client.PostAsync("/events", new StringContent(text, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expected, (await response.Body())["eventId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await org.Client.GetAsync(response.Headers.Location, Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task RejectsAnInvalidDocumentNamingTheFieldAndStoresNothing(string file)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.TestData("epcis-capture", "invalid", file), Ct);
        var org = await Producer();
        var store = api.Factory.Services.GetRequiredService<ITraceStore>();
        var before = (await store.GetStatsAsync(Ct)).Events;

        var response = await org.Client.PostAsync("/capture", new StringContent(text, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Body();
        Assert.NotEmpty(problem["errors"]!.AsArray());
        Assert.All(problem["errors"]!.AsArray(), e => Assert.StartsWith("$", e!["path"]!.GetValue<string>()));
        Assert.Equal(before, (await store.GetStatsAsync(Ct)).Events);
    }
}
