using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Testing;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// verify.js verifyEvent: ok only when the content hashes to the id that both the event and the proof name and the
/// audit path leads to the root; each way of failing is reported at its step with a stable code.
/// </summary>
public sealed class EventVerificationInJavaScript
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The events of a shared document as the API serves them: each with its eventID and recordTime.</summary>
    private static List<JsonObject> ServedEvents()
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData("epcis-capture", "valid", "Combination_of_different_event.json")))!;
        return EpcisEvents.Read(document).Select(e =>
        {
            var served = (JsonObject)e.Event.DeepClone();
            served["@context"] = e.Document?["@context"]?.DeepClone();
            served["eventID"] = EventHash.ComputeId(e.Event, e.Document);
            served["recordTime"] = "2026-11-20T02:00:00.000Z";
            return served;
        }).ToList();
    }

    private static string IdOf(JsonObject served) => served["eventID"]!.GetValue<string>();

    private static async Task<List<JsonNode>> VerifyAsync(params (JsonNode Event, JsonNode Proof)[] cases) =>
        [.. (await JsModules.RunAsync("verify", new JsonArray(cases.Select(c => (JsonNode?)new JsonObject
        {
            ["event"] = c.Event.DeepClone(),
            ["proof"] = c.Proof.DeepClone(),
        }).ToArray()), Ct)).AsArray().Select(r => r!)];

    private static void AssertOutcome(JsonNode result, string step, bool ok, string code)
    {
        Assert.Equal(step, result["step"]!.GetValue<string>());
        Assert.Equal(ok, result["ok"]!.GetValue<bool>());
        Assert.Equal(code, result["detail"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryServedEventOfABatchVerifiesAsObjectAndAsText()
    {
        var events = ServedEvents();
        var batch = new ProofJson(events.Select(IdOf));

        var results = await VerifyAsync([
            .. events.Select(e => ((JsonNode)e, (JsonNode)batch.For(IdOf(e)))),
            .. events.Select(e => ((JsonNode)JsonValue.Create(e.ToJsonString())!, (JsonNode)JsonValue.Create(batch.For(IdOf(e)).ToJsonString())!)),
        ]);

        Assert.Equal(2 * events.Count, results.Count);
        Assert.All(results, r => AssertOutcome(r, "ok", true, "verified"));
        Assert.All(results, r => Assert.Equal(batch.RootHex, r["detail"]!["computedRoot"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ChangedContentFailsAtTheHashStep()
    {
        var served = ServedEvents()[0];
        var proof = new ProofJson(ServedEvents().Select(IdOf)).For(IdOf(served));
        var tampered = (JsonObject)served.DeepClone();
        tampered["eventTime"] = "2019-01-01T00:00:00Z";

        var result = (await VerifyAsync((tampered, proof)))[0];

        AssertOutcome(result, "hash", false, "content-mismatch");
        Assert.Equal(EventHash.ComputeId(tampered), result["detail"]!["computedId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangedContentWithAMatchingNewIdFailsBecauseTheProofNamesTheOriginal()
    {
        var served = ServedEvents()[0];
        var proof = new ProofJson(ServedEvents().Select(IdOf)).For(IdOf(served));
        var forged = (JsonObject)served.DeepClone();
        forged["action"] = "DELETE";
        forged["eventID"] = EventHash.ComputeId(forged);

        AssertOutcome((await VerifyAsync((forged, proof)))[0], "hash", false, "proof-mismatch");
    }

    [Fact]
    public async Task AProofForAnotherEventFailsAtTheHashStep()
    {
        var events = ServedEvents();
        var batch = new ProofJson(events.Select(IdOf));

        AssertOutcome((await VerifyAsync((events[0], batch.For(IdOf(events[1])))))[0], "hash", false, "proof-mismatch");
    }

    [Fact]
    public async Task APendingEventVerifiesItsContentButIsNotOk()
    {
        var served = ServedEvents()[0];

        var result = (await VerifyAsync((served, ProofJson.Pending(IdOf(served)))))[0];

        AssertOutcome(result, "pending", false, "pending");
        Assert.Equal(IdOf(served), result["detail"]!["computedId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWrongRootIndexSizeOrPathFailsAtThePathStep()
    {
        var events = ServedEvents();
        var batch = new ProofJson(events.Select(IdOf));
        var served = events[1];
        JsonObject Proof(Action<JsonObject> change)
        {
            var p = batch.For(IdOf(served));
            change(p);
            return p;
        }

        var results = await VerifyAsync(
            (served, Proof(p => p["root"] = "0x" + new string('a', 64))),
            (served, Proof(p => p["leafIndex"] = 0)),
            (served, Proof(p => p["treeSize"] = 1)),
            (served, Proof(p => p["auditPath"]!.AsArray().RemoveAt(0))),
            (served, Proof(p => p.Remove("auditPath"))),
            (served, Proof(p => p["status"] = "confirmed")));

        AssertOutcome(results[0], "path", false, "root-mismatch");
        AssertOutcome(results[1], "path", false, "root-mismatch");
        AssertOutcome(results[2], "path", false, "index-out-of-range");
        AssertOutcome(results[3], "path", false, "path-too-short");
        AssertOutcome(results[4], "path", false, "malformed-proof");
        AssertOutcome(results[5], "path", false, "unknown-status");
    }

    [Fact]
    public async Task TheHardCodedAnchorsSelectorIsKeccakOfTheSignature()
    {
        var constants = await JsModules.RunAsync("constants", new JsonObject(), Ct);

        Assert.Equal(
            Traceability.Ledger.Evm.Hex.Encode(Traceability.Ledger.Evm.AbiFunction.Parse("anchors(bytes32)").Selector),
            constants["anchorsSelector"]!.GetValue<string>());
    }
}
