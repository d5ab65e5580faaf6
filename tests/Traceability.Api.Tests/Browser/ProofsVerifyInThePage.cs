using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Web;
using Traceability.Testing;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// verify.js in Chromium, loaded from the app under its Content-Security-Policy: events captured through the API and
/// served by GET /events/{id} verify against an RFC 6962 proof of their batch; a tampered event or proof shows where
/// it fails. (The proofs are built here with Traceability.Ledger's MerkleTree until GET /events/{id}/proof exists.)
/// </summary>
public sealed class ProofsVerifyInThePage(KestrelApiFixture api, BrowserFixture browser)
    : IClassFixture<KestrelApiFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Verify = """
        async ([cases]) => {
          const { verifyEvent } = await import('/js/verify.js');
          const results = [];
          for (const [event, proof] of cases) results.push(await verifyEvent(event, proof));
          return JSON.stringify(results);
        }
        """;

    /// <summary>Captures the shared single events through POST /events and returns each as GET /events/{id} serves it.</summary>
    private async Task<List<(string Id, string Served)>> CaptureAsync()
    {
        var org = await api.SharedOrgAsync("producer");
        var served = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.TestData("epcis-capture", "valid"), "single-event_*.json").Order(StringComparer.Ordinal))
        {
            var response = await org.Client.PostAsync("/events", new StringContent(await File.ReadAllTextAsync(file, Ct), System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Body())["eventId"]!.GetValue<string>();
            served.Add((id, await org.Client.GetStringAsync($"/events/{Uri.EscapeDataString(id)}", Ct)));
        }
        return served;
    }

    private async Task<JsonArray> VerifyInPageAsync(IEnumerable<(string Event, JsonNode Proof)> cases)
    {
        await using var context = await browser.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api.BaseUrl, "/scan").ToString());
        var input = cases.Select(c => new object[] { c.Event, c.Proof.ToJsonString() }).ToArray();
        var output = await page.EvaluateAsync<string>(Verify, new object[] { input });
        return JsonNode.Parse(output)!.AsArray();
    }

    [Fact]
    public async Task EveryServedEventVerifiesAgainstItsBatchProof()
    {
        var served = await CaptureAsync();
        var batch = new ProofJson(served.Select(s => s.Id));

        var results = await VerifyInPageAsync(served.Select(s => (s.Served, (JsonNode)batch.For(s.Id))));

        Assert.Equal(served.Count, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal("ok", r!["step"]!.GetValue<string>());
            Assert.True(r["ok"]!.GetValue<bool>());
            Assert.Equal(batch.RootHex, r["detail"]!["computedRoot"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task ATamperedEventOrProofFailsVisiblyAtItsStep()
    {
        var served = await CaptureAsync();
        var batch = new ProofJson(served.Select(s => s.Id));
        var (id, text) = served[0];
        var tampered = JsonNode.Parse(text)!;
        tampered["eventTime"] = "2019-01-01T00:00:00.000Z";
        var wrongRoot = batch.For(id);
        wrongRoot["root"] = "0x" + new string('0', 64);

        var results = await VerifyInPageAsync([(tampered.ToJsonString(), batch.For(id)), (text, wrongRoot), (text, ProofJson.Pending(id))]);

        Assert.Equal(["hash", "path", "pending"], results.Select(r => r!["step"]!.GetValue<string>()));
        Assert.All(results, r => Assert.False(r!["ok"]!.GetValue<bool>()));
        Assert.Equal("content-mismatch", results[0]!["detail"]!["code"]!.GetValue<string>());
        Assert.Contains(id, results[0]!["detail"]!["message"]!.GetValue<string>());
        Assert.Equal("root-mismatch", results[1]!["detail"]!["code"]!.GetValue<string>());
    }
}
