using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Traceability.Api.Tests.Anchoring;
using Traceability.Api.Tests.Capture;
using Traceability.Cli.Commands;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;

namespace Traceability.Api.Tests.Cli;

/// <summary>
/// <c>trace verify</c> against the live chain: an untouched event verifies; one changed byte in the event,
/// the audit path or the root makes it fail at exactly the step that catches it.
/// </summary>
public sealed class VerifyCommandVerdicts(AnchoringFixture api) : IClassFixture<AnchoringFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("trace-verify-").FullName;

    /// <summary>Captures one document of events (one batch) and returns the first, once anchored.</summary>
    private async Task<(TestOrgInfo Org, string EventId)> AnchoredEventAsync(string lot, int events = 1)
    {
        var org = await api.CreateOrgAsync("producer", name: $"Verify Farm {Guid.NewGuid():N}");
        var doc = Epcis.Document(Enumerable.Range(0, events).Select(i => Epcis.Commission(i == 0 ? lot : $"{lot}-{i}", quantity: 100)).ToArray());
        var ids = (await (await org.Client.Capture(doc)).Body())["eventIds"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        await Proofs.WaitAnchoredAsync(api.Anonymous, ids, TimeSpan.FromSeconds(60), Ct);
        return (new TestOrgInfo(org.OrgId, org.ApiKey), ids[0]);
    }

    private sealed record TestOrgInfo(string OrgId, string ApiKey);

    private async Task<(int Exit, string Output, string Error)> VerifyAsync(string target, string? apiKey = null, string? proofFile = null)
    {
        using var client = api.Factory.CreateClient();
        using var rpc = new HttpClient();
        var output = new StringWriter();
        var error = new StringWriter();
        var request = new VerifyCommand.Request(target, client.BaseAddress!, apiKey, null, null, proofFile is null ? null : new FileInfo(proofFile));
        var exit = await VerifyCommand.RunAsync(request, client, rpc, output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string> SaveAsync(string name, JsonNode json)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, json.ToJsonString(), Ct);
        return path;
    }

    [Fact]
    public async Task AnUntouchedEventFetchedByIdIsVerifiedAgainstTheChain()
    {
        var (org, id) = await AnchoredEventAsync("VER-OK");

        var (exit, output, _) = await VerifyAsync(id, org.ApiKey);

        Assert.Equal(VerifyCommand.Verified, exit);
        Assert.Contains($"VERIFIED: {id}", output);
        Assert.Contains($"({org.OrgId})", output);
    }

    [Fact]
    public async Task AnEventFileWithOneByteChangedFailsAtTheHashStep()
    {
        var (org, id) = await AnchoredEventAsync("VER-FILE");
        using var client = api.As(org.ApiKey);
        var text = await client.GetStringAsync($"/events/{Proofs.Digest(id)}", Ct);
        var original = await SaveAsync("event.json", JsonNode.Parse(text)!);
        var tampered = Path.Combine(_dir, "tampered.json");
        await File.WriteAllTextAsync(tampered, text.Replace("\"quantity\":100", "\"quantity\":101"), Ct);
        Assert.NotEqual(text, await File.ReadAllTextAsync(tampered, Ct));

        var untouched = await VerifyAsync(original);
        var (exit, _, error) = await VerifyAsync(tampered);

        Assert.Equal(VerifyCommand.Verified, untouched.Exit);
        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("FAILED at hash", error);
    }

    [Fact]
    public async Task AnEventAlteredInTheDatabaseFailsAtTheHashStep()
    {
        var (org, id) = await AnchoredEventAsync("VER-DB");
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(api.DataDir, "trace.db")};Pooling=False"))
        {
            await db.OpenAsync(Ct);
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE events SET json = replace(json, '\"quantity\":100', '\"quantity\":900') WHERE event_id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync(Ct));
        }

        var (exit, _, error) = await VerifyAsync(id, org.ApiKey);

        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("FAILED at hash", error);
        Assert.Contains("altered", error);
    }

    [Fact]
    public async Task AProofWithOneAuditPathByteChangedFailsAtThePathStep()
    {
        // Three events captured together share a batch, so the path has hashes to alter.
        var (org, id) = await AnchoredEventAsync("VER-PATH", events: 3);
        var proof = (await Proofs.GetAsync(api.Anonymous, id, Ct))!;
        var first = Hex.Decode(proof["auditPath"]![0]!.GetValue<string>());
        first[^1] ^= 0x01;
        proof["auditPath"]![0] = Hex.Encode(first);

        var (exit, _, error) = await VerifyAsync(id, org.ApiKey, await SaveAsync("proof.json", proof));

        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("FAILED at path", error);
    }

    [Fact]
    public async Task AConsistentProofForARootNobodyAnchoredFailsAtTheChainStep()
    {
        var (org, id) = await AnchoredEventAsync("VER-ROOT");
        // A well-formed proof into a forged two-leaf tree: the path checks out, the chain does not know the root.
        var tree = MerkleTree.Build([EventHash.Digest(id), RandomNumberGenerator.GetBytes(32)]);
        var proof = (await Proofs.GetAsync(api.Anonymous, id, Ct))!;
        proof["leafIndex"] = 0;
        proof["treeSize"] = 2;
        proof["auditPath"] = new JsonArray(tree.AuditPath(0).Select(h => (JsonNode?)Hex.Encode(h)).ToArray());
        proof["root"] = Hex.Encode(tree.Root);

        var (exit, _, error) = await VerifyAsync(id, org.ApiKey, await SaveAsync("forged.json", proof));

        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("FAILED at chain", error);
        Assert.Contains("never anchored", error);
    }

    [Fact]
    public async Task AnUnknownTargetIsInconclusiveNotVerified()
    {
        var (exit, _, error) = await VerifyAsync("/no/such/event.json");

        Assert.Equal(VerifyCommand.Inconclusive, exit);
        Assert.Contains("could not verify", error);
    }
}
