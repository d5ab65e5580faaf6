using System.Security.Cryptography;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Ledger.Tests.Gateway;

public sealed class NonceOrdering(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentSubmitsFromOneAccountAllLand()
    {
        var org = await chain.NewOrgAsync(OrgRole.Producer);
        var roots = Enumerable.Range(0, 40).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();

        var receipts = await Task.WhenAll(roots.Select(r => chain.Registry.AnchorAsync(org, r, 1, Ct)));

        Assert.All(receipts, r => Assert.True(r.Succeeded));
        foreach (var root in roots) Assert.Equal(org.Address, (await chain.Registry.AnchorsAsync(root, Ct))!.Org);
    }

    [Fact]
    public async Task SendsAgainWithAFreshNonceWhenAnotherClientUsedTheOneItHeld()
    {
        var key = Secp256k1Key.Generate();
        await chain.Node.FundAsync(key.Address, Ct);
        await chain.Registry.RegisterOrgAsync(chain.Admin, key.Address, OrgRole.Producer, "twin", Ct);
        var org = EvmIdentity.From(key);
        await chain.Registry.AnchorAsync(org, RandomNumberGenerator.GetBytes(32), 1, Ct); // caches the next nonce

        // A second gateway (another API instance, say) spends the nonce this gateway expects to use next.
        using var http = new HttpClient();
        var other = await EvmGateway.ConnectAsync(new JsonRpcClient(http, chain.Node.RpcUrl), Ct);
        await TraceRegistryClient.At(other, chain.Registry.Address).AnchorAsync(org, RandomNumberGenerator.GetBytes(32), 1, Ct);

        var root = RandomNumberGenerator.GetBytes(32);
        var receipt = await chain.Registry.AnchorAsync(org, root, 1, Ct);

        Assert.True(receipt.Succeeded);
        Assert.Equal(org.Address, (await chain.Registry.AnchorsAsync(root, Ct))!.Org);
    }
}
