using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Capture;

/// <summary>
/// Events naming a lot no Digital Link could ever serve (outside GS1 AI 10: empty, over 20 characters, outside set
/// 82, NUL, CR/LF) or a GLN with a letter for its check digit are refused with a 400 naming the field, and nothing of
/// them is stored.
/// </summary>
public sealed class UnservableIdentifiersAreRefused(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Lots() => new()
    {
        { "", "is empty" },
        { "ABCDEFGHIJKLMNOPQRSTU", "21 characters long" },
        { "A%00B", "\\u0000" },
        { "A%0D%0AB", "\\u000D" },
        { "A%20B", "' '" },
        { "%E6%89%B9%E6%AC%A1", "批" },
    };

    [Theory]
    [MemberData(nameof(Lots))]
    public async Task ALotOutsideAi10IsRefusedAtCaptureAndNothingIsStored(string lot, string reason)
    {
        var producer = await api.SharedOrgAsync("Producer");
        var before = await CountAsync(producer.Client);
        var good = Epcis.Commission($"OK-{Guid.NewGuid():N}"[..20]);
        var bad = Epcis.Commission("placeholder");
        bad["quantityList"]![0]!["epcClass"] = $"https://id.gs1.org/01/{Epcis.Gtin}/10/{lot}";

        var response = await producer.Client.Capture(Epcis.Document(good, bad));

        var problem = await ProblemAsync(response);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("$.epcisBody.eventList[1].quantityList[0].epcClass", error!["path"]!.GetValue<string>());
        Assert.Contains(reason, error["message"]!.GetValue<string>());
        Assert.Equal(before, await CountAsync(producer.Client));
    }

    [Fact]
    public async Task ALotOutsideAi10IsRefusedOnASingleEventToo()
    {
        var producer = await api.SharedOrgAsync("Producer");
        var bad = Epcis.Commission("placeholder");
        bad["quantityList"]![0]!["epcClass"] = $"urn:epc:class:lgtin:6901234.010001.{new string('L', 21)}";

        var problem = await ProblemAsync(await producer.Client.PostEvent(bad));

        Assert.Equal("$.quantityList[0].epcClass", problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task AGlnWithALetterForItsCheckDigitIsRefused()
    {
        var producer = await api.SharedOrgAsync("Producer");
        var before = await CountAsync(producer.Client);
        var evt = Epcis.Commission($"G-{Guid.NewGuid():N}"[..20]);
        evt["bizLocation"] = new JsonObject { ["id"] = "https://id.gs1.org/414/690123410000X" };

        var problem = await ProblemAsync(await producer.Client.Capture(Epcis.Document(evt)));

        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("$.epcisBody.eventList[0].bizLocation.id", error!["path"]!.GetValue<string>());
        Assert.Contains("'X' for its check digit", error["message"]!.GetValue<string>());
        Assert.Equal(before, await CountAsync(producer.Client));
    }

    [Fact]
    public async Task TheLongestLotAi10AllowsIsStoredAndServed()
    {
        var producer = await api.SharedOrgAsync("Producer");
        var lot = $"{Guid.NewGuid():N}"[..14] + "'(;=)!";

        var response = await producer.Client.Capture(Epcis.Document(Epcis.Commission(Uri.EscapeDataString(lot))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForJobAsync(producer.Client, response.Headers.Location!);

        var story = await api.Anonymous.GetAsync($"/01/{Epcis.Gtin}/10/{Gs1Path(lot)}", Ct);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Equal(lot, (await story.Content.ReadFromJsonAsync<JsonObject>(Ct))!["lot"]!.GetValue<string>());
    }

    private static string Gs1Path(string lot) => Domain.Gs1.DigitalLinkEncoding.Encode(lot);

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static async Task<int> CountAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("/events?perPage=10000", Ct);
        return page!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray().Count;
    }

    private static async Task WaitForJobAsync(HttpClient client, Uri job)
    {
        for (var i = 0; i < 100; i++)
        {
            var status = (await client.GetFromJsonAsync<JsonObject>(job, Ct))!["status"]?.GetValue<string>();
            if (status is "Succeeded") return;
            Assert.NotEqual("Failed", status);
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"capture job {job} did not finish");
    }
}
