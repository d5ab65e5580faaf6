using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Anchoring;
using Traceability.Api.Tests.Browser;
using Traceability.Cli.Commands;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;

namespace Traceability.Api.Tests.Cli;

/// <summary>
/// <c>trace verify --fabric-network network.json</c> on the demo anchored on Fabric: GetAnchor is read through a peer's
/// gateway with another member's identity; a forged root or transaction fails at the ledger step; without the network
/// file the verdict is undecided. Exit codes as on an EVM chain.
/// </summary>
[Collection(FabricDemo.Name)]
public sealed class VerifyOnFabric(FabricDemoFixture demo) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("trace-verify-fabric-").FullName;

    private async Task<(string ApiKey, string Msp, string EventId)> FarmEventAsync()
    {
        var members = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(demo.DataDir, "demo", "organisations.json"), Ct))!;
        var farm = members["rice-farm"]!;
        var key = farm["apiKey"]!.GetValue<string>();
        using var http = demo.Api.Client(key);
        var page = await http.GetFromJsonAsync<JsonObject>("/events?perPage=1", Ct);
        var id = page!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]![0]!["eventID"]!.GetValue<string>();
        await Proofs.WaitAnchoredAsync(http, [id], TimeSpan.FromSeconds(90), Ct);
        return (key, farm["ledgerAddress"]!.GetValue<string>(), id);
    }

    private async Task<(int Exit, string Output, string Error)> VerifyAsync(string id, string apiKey, bool withNetwork = true, JsonObject? proof = null)
    {
        using var api = demo.Api.Client();
        using var rpc = new HttpClient();
        var output = new StringWriter();
        var error = new StringWriter();
        string? proofFile = null;
        if (proof is not null) await File.WriteAllTextAsync(proofFile = Path.Combine(_dir, $"{Guid.NewGuid():N}.json"), proof.ToJsonString(), Ct);
        var request = new VerifyCommand.Request(id, api.BaseAddress!, apiKey, null, null, proofFile is null ? null : new FileInfo(proofFile))
        {
            FabricNetwork = withNetwork ? new FileInfo(FabricAnchors.NetworkJson(demo.Network)) : null,
            FabricMsp = "Org2MSP",
        };
        var exit = await VerifyCommand.RunAsync(request, api, rpc, output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AnEventAnchoredOnFabricIsVerifiedThroughAnotherMembersGateway()
    {
        var (key, msp, id) = await FarmEventAsync();

        var (exit, output, error) = await VerifyAsync(id, key);

        Assert.True(exit == VerifyCommand.Verified, error);
        Assert.Contains($"VERIFIED: {id}", output);
        Assert.Contains($"anchored by {msp} (org-", output);
        Assert.Contains("on Fabric channel trace", output);
        Assert.Contains("asked as Org2MSP", output);
    }

    [Fact]
    public async Task EveryRecordOfTheDemoHoldsAgainstGetAnchorOnTheNetwork()
    {
        var members = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(demo.DataDir, "demo", "organisations.json"), Ct))!;
        using var regulator = demo.Api.Client(members["regulator"]!["apiKey"]!.GetValue<string>());
        var events = (await regulator.GetFromJsonAsync<JsonObject>("/events?perPage=1000", Ct))!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray();
        var ids = events.Select(e => e!["eventID"]!.GetValue<string>()).ToList();

        var proofs = await Proofs.WaitAnchoredAsync(regulator, ids, TimeSpan.FromSeconds(90), Ct);

        Assert.True(ids.Count >= 30, $"{ids.Count} demo events");
        using var ledger = new Traceability.Fabric.NetworkConnections(Traceability.Fabric.NetworkFile.Load(FabricAnchors.NetworkJson(demo.Network)));
        await FabricAnchors.AssertProofsHoldOnLedgerAsync(ledger, proofs, demo.Network, null, Ct);
        var msps = members.AsObject().Select(m => m.Value!["ledgerAddress"]!.GetValue<string>()).ToList();
        Assert.Equal(11, msps.Distinct().Count());
        Assert.All(proofs.Values, p => Assert.Contains((string)p["ledger"]!["anchoredBy"]!, msps));
    }

    [Fact]
    public async Task WithoutTheNetworkFileAFabricAnchorIsUndecided()
    {
        var (key, _, id) = await FarmEventAsync();

        var (exit, _, error) = await VerifyAsync(id, key, withNetwork: false);

        Assert.Equal(VerifyCommand.Inconclusive, exit);
        Assert.Contains("--fabric-network", error);
    }

    [Fact]
    public async Task AConsistentProofForARootNobodyAnchoredFailsAtTheLedgerStep()
    {
        var (key, _, id) = await FarmEventAsync();
        var tree = MerkleTree.Build([EventHash.Digest(id), RandomNumberGenerator.GetBytes(32)]);
        var proof = (await Proofs.GetAsync(demo.Api.Client(), id, Ct))!;
        proof["leafIndex"] = 0;
        proof["treeSize"] = 2;
        proof["auditPath"] = new JsonArray(tree.AuditPath(0).Select(h => (JsonNode?)Hex.Encode(h)).ToArray());
        proof["root"] = Hex.Encode(tree.Root);

        var (exit, _, error) = await VerifyAsync(id, key, proof: proof);

        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("FAILED at chain", error);
        Assert.Contains("never anchored on channel trace", error);
    }

    [Fact]
    public async Task AProofNamingAnotherTransactionFailsAtTheLedgerStep()
    {
        var (key, _, id) = await FarmEventAsync();
        var proof = (await Proofs.GetAsync(demo.Api.Client(), id, Ct))!;
        proof["ledger"]!["txId"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        var (exit, _, error) = await VerifyAsync(id, key, proof: proof);

        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("but the ledger anchored the root in", error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
