using Traceability.Testing;

namespace Traceability.Fabric.Tests.Ledger;

/// <summary>A network of its own (stopping a peer would fail the other classes' transactions meanwhile).</summary>
public sealed class RestartableNetwork : IAsyncLifetime
{
    public FabricNetwork? Network { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (FabricNetwork.SkipReason is null) Network = await FabricNetwork.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Network is not null) await Network.DisposeAsync();
    }
}

public sealed class APeerStoppedAndRestartedCatchesUp(RestartableNetwork fixture) : IClassFixture<RestartableNetwork>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnchorsNeedBothPeersAndSurviveAPeerRestart()
    {
        if (FabricNetwork.SkipReason is { } reason) Assert.Skip(reason);
        var network = fixture.Network!;
        using var regulator = Connect(network, FabricLedger.Regulator);
        using var producer = Connect(network, FabricLedger.Producer);
        await regulator.Contract.SubmitTransactionAsync("RegisterOrg", [FabricLedger.Regulator, "Regulator", "org-regulator"], Ct);
        await regulator.Contract.SubmitTransactionAsync("RegisterOrg", [FabricLedger.Producer, "Producer", "org-producer"], Ct);
        var before = FabricLedger.NewHash();
        await producer.Contract.SubmitTransactionAsync("AnchorRoot", [before, "1"], Ct);

        await network.StopAsync("peer0.org2.example.com");
        var refused = await Assert.ThrowsAsync<EndorseException>(() =>
            regulator.Contract.SubmitTransactionAsync("AnchorRoot", [FabricLedger.NewHash(), "1"], Ct));
        Assert.Null(refused.ChaincodeError); // not the chaincode: the endorsement policy needs Org2's peer

        await network.RestartAsync(Ct);
        var after = FabricLedger.NewHash();
        await RetryAsync(() => regulator.Contract.SubmitTransactionAsync("AnchorRoot", [after, "1"], Ct));

        // Org2's own restarted peer kept its ledger and caught up with what was committed without it.
        foreach (var root in new[] { before, after })
        {
            await RetryAsync(() => producer.Contract.EvaluateAsync("GetAnchor", new ProposalOptions { Arguments = [root], TargetOrganizations = [FabricLedger.Producer] }, Ct));
        }
    }

    /// <summary>Gossip rediscovers the restarted peer within seconds; until then endorsement fails at the gateway.</summary>
    private static async Task RetryAsync(Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (GatewayException) when (attempt < 60)
            {
                await Task.Delay(1000, Ct);
            }
        }
    }

    private static Connection Connect(FabricNetwork network, string mspId)
    {
        var org = network.Organisation(mspId);
        var channel = GatewayChannels.Create(org.PeerEndpoint, org.TlsCaFile);
        var gateway = Gateway.Connect(new GatewayOptions
        {
            Client = channel,
            Identity = Identity.FromCertificateFile(mspId, org.User.CertificateFile),
            Signer = Signers.FromPrivateKeyFile(org.User.PrivateKeyFile),
        });
        return new Connection(channel, gateway, gateway.GetNetwork(network.Description.Channel).GetContract(network.Description.Chaincode));
    }

    private sealed record Connection(Grpc.Net.Client.GrpcChannel Channel, Gateway Gateway, Contract Contract) : IDisposable
    {
        public void Dispose()
        {
            Gateway.Dispose();
            Channel.Dispose();
        }
    }
}
