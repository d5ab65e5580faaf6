namespace Traceability.Fabric.Tests.Ledger;

/// <summary>qscc through the gateway: the channel's height, and the block a transaction landed in.</summary>
public sealed class TheLedgerAnswersItsHeightAndBlocks(FabricLedger ledger)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACommittedTransactionIsFoundInTheBlockItsCommitStatusNamedBelowTheHeight()
    {
        var before = await ledger.Channel(FabricLedger.Producer).GetChainInfoAsync(Ct);
        var submitted = await ledger.Contract(FabricLedger.Producer).SubmitAsync("AnchorRoot", new ProposalOptions { Arguments = [FabricLedger.NewHash(), "1"] }, Ct);
        var status = await submitted.GetStatusAsync(Ct);

        var block = await ledger.Channel(FabricLedger.Outsider).GetBlockNumberByTransactionIdAsync(submitted.TransactionId, Ct);
        var after = await ledger.Channel(FabricLedger.Regulator).GetChainInfoAsync(Ct);

        Assert.Equal(status.BlockNumber, block);
        Assert.True(after.Height > before.Height);
        Assert.True(after.LatestBlock >= block);
        Assert.Equal(32, after.CurrentBlockHash.Length);
    }

    [Fact]
    public async Task AnUnknownTransactionIsAnEvaluateFailure()
    {
        var missing = await Assert.ThrowsAsync<EvaluateException>(() =>
            ledger.Channel(FabricLedger.Producer).GetBlockNumberByTransactionIdAsync(FabricLedger.NewHash(), Ct));

        Assert.NotNull(missing.TransactionId);
    }
}

/// <summary>A member organisation without a peer signs as itself through a peer organisation's gateway.</summary>
public sealed class MembersWithoutAPeerAnchorThroughAnotherOrganisationsGateway(FabricLedger ledger)
{
    private const string Member = "Org4MSP";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegisteredMemberAnchorsUnderItsOwnMspThroughOrg1sPeer()
    {
        var member = ledger.Network.Organisation(Member);
        await ledger.Contract(FabricLedger.Regulator).SubmitTransactionAsync("RegisterOrg", [Member, "Lab", "org-member"], Ct);
        var root = FabricLedger.NewHash();

        await ledger.Contract(Member).SubmitTransactionAsync("AnchorRoot", [root, "3"], Ct);

        var anchor = FabricLedger.Json(await ledger.Contract(FabricLedger.Producer).EvaluateTransactionAsync("GetAnchor", [root], Ct));
        Assert.False(member.HasPeer);
        Assert.Equal(ledger.Network.Organisation(FabricLedger.Regulator).PeerEndpoint, member.PeerEndpoint);
        Assert.Equal(Member, (string?)anchor["org"]);
    }

    [Fact]
    public async Task TheNetworkHasAMemberOrganisationForEachOfTheDemosOrganisations()
    {
        var members = ledger.Network.Description.Organisations.Where(o => !o.HasPeer).ToList();

        Assert.True(members.Count >= 11, $"{members.Count} member organisations");
        Assert.Equal(members.Count, members.Select(o => o.MspId).Distinct().Count());
        Assert.All(members, m => Assert.True(File.Exists(m.User.PrivateKeyFile)));
    }
}
