using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Api.Tests.Web;

/// <summary>verify.js checkOnChain reads the registry's anchors(bytes32) through eth_call on a live Anvil chain.</summary>
public sealed class OnChainCheckInJavaScript(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonNode> CheckAsync(byte[] root) => JsModules.RunAsync("chain", new JsonObject
    {
        ["rpcUrl"] = chain.Node.RpcUrl.ToString(),
        ["contract"] = chain.Registry.Address.ToString(),
        ["root"] = Hex.Encode(root),
    }, Ct);

    [Fact]
    public async Task AnAnchoredRootReportsItsOrganisationTimeAndEventCount()
    {
        var org = await chain.NewOrgAsync(OrgRole.Producer);
        var root = RandomNumberGenerator.GetBytes(32);
        await chain.Registry.AnchorAsync(org, root, 1024, Ct);
        var expected = await chain.Registry.AnchorsAsync(root, Ct);

        var result = await CheckAsync(root);

        Assert.True(result["ok"]!.GetValue<bool>(), result["error"]?.ToString());
        Assert.True(result["anchored"]!.GetValue<bool>());
        Assert.Equal(org.Address.ToString().ToLowerInvariant(), result["org"]!.GetValue<string>());
        Assert.Equal(1024, result["eventCount"]!.GetValue<int>());
        Assert.Equal(expected!.Timestamp.ToUnixTimeSeconds(), result["timestamp"]!.GetValue<long>());
    }

    [Fact]
    public async Task AnUnknownRootIsNotAnchored()
    {
        var result = await CheckAsync(RandomNumberGenerator.GetBytes(32));

        Assert.True(result["ok"]!.GetValue<bool>(), result["error"]?.ToString());
        Assert.False(result["anchored"]!.GetValue<bool>());
        Assert.Equal(0, result["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnUnreachableNodeIsReportedNotThrown()
    {
        var result = await JsModules.RunAsync("chain", new JsonObject
        {
            ["rpcUrl"] = "http://127.0.0.1:1" /* nothing listens on port 1, and no test can take it */,
            ["contract"] = chain.Registry.Address.ToString(),
            ["root"] = Hex.Encode(new byte[32]),
        }, Ct);

        Assert.False(result["ok"]!.GetValue<bool>());
        Assert.Contains("could not be reached", result["error"]!.GetValue<string>());
    }
}
