using System.Security.Cryptography;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Ledger.Tests.Gateway;

public sealed class CommitStages(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportsCommitStatusWithTheHashWhenNoBlockIsMined()
    {
        var org = await chain.NewOrgAsync(OrgRole.Producer);
        await chain.Gateway.Rpc.CallAsync("evm_setAutomine", [false], Ct);
        await chain.Gateway.Rpc.CallAsync("evm_setIntervalMining", [0], Ct);
        try
        {
            var submitted = await chain.Registry.SubmitAnchorAsync(org, RandomNumberGenerator.GetBytes(32), 1, Ct);
            var error = await Assert.ThrowsAsync<CommitStatusException>(() => submitted.GetCommitAsync(TimeSpan.FromMilliseconds(300), Ct));
            Assert.Equal(submitted.TransactionHash, error.TransactionHash);

            await chain.Gateway.Rpc.CallAsync("evm_mine", [], Ct);
            var receipt = await submitted.GetCommitAsync(TimeSpan.FromSeconds(5), Ct);
            Assert.Equal(submitted.TransactionHash, receipt.TransactionHash);
        }
        finally
        {
            await chain.Gateway.Rpc.CallAsync("evm_setAutomine", [true], Ct);
            await chain.Gateway.Rpc.CallAsync("evm_setIntervalMining", [1], Ct);
        }
    }

    [Fact]
    public async Task ReportsEvaluateFailureForAnAddressWithoutTheContract()
    {
        var nowhere = TraceRegistryClient.At(chain.Gateway, Secp256k1Key.Generate().Address);
        await Assert.ThrowsAsync<EvaluateException>(() => nowhere.AnchorsAsync(new byte[32], Ct));
        Assert.False(await nowhere.IsDeployedAsync(Ct));
    }

    [Fact]
    public async Task ReportsAnUnreachableNodeAsUnavailable()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new Uri("http://127.0.0.1:1") /* port 1: nothing listens there, and no test can take it */);
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => EvmGateway.ConnectAsync(rpc, Ct));
    }

    [Fact]
    public async Task TransactionHashIsTheKeccakOfTheSignedBytes()
    {
        var org = await chain.NewOrgAsync(OrgRole.Producer);
        var submitted = await chain.Registry.SubmitAnchorAsync(org, RandomNumberGenerator.GetBytes(32), 1, Ct);
        var tx = await chain.Gateway.Rpc.CallAsync("eth_getTransactionByHash", [submitted.TransactionHash], Ct);
        Assert.Equal(org.Address, EvmAddress.Parse(tx!["from"]!.GetValue<string>()));
        Assert.Equal((ulong)submitted.Nonce, (ulong)Hex.DecodeQuantity(tx["nonce"]!.GetValue<string>()));
    }
}
