namespace Traceability.Fabric.Tests.Ledger;

public sealed class AnchorsAreWrittenOncePerRoot(FabricLedger ledger)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnchoredRootReadsBackWithItsOrganisationCountAndTransaction()
    {
        var producer = ledger.Contract(FabricLedger.Producer);
        var root = FabricLedger.NewHash();

        var submitted = await producer.SubmitAsync("AnchorRoot", new ProposalOptions { Arguments = [root, "2048"] }, Ct);
        var status = await submitted.GetStatusAsync(Ct);
        var anchor = FabricLedger.Json(await ledger.Contract(FabricLedger.Outsider).EvaluateTransactionAsync("GetAnchor", [root], Ct));

        Assert.True(status.Successful);
        Assert.Equal("VALID", status.Code);
        Assert.True(status.BlockNumber > 0);
        Assert.Equal(FabricLedger.Producer, (string?)anchor["org"]);
        Assert.Equal(2048, (int)anchor["count"]!);
        Assert.Equal(submitted.TransactionId, (string?)anchor["txId"]);
        Assert.True(DateTimeOffset.TryParse((string?)anchor["timestamp"], out _));
        Assert.Equal(anchor.ToJsonString(), FabricLedger.Json(submitted.Result).ToJsonString());
    }

    [Fact]
    public async Task ASecondAnchorOfTheSameRootIsRefusedAtEndorsementByName()
    {
        var root = FabricLedger.NewHash();
        await ledger.Contract(FabricLedger.Producer).SubmitTransactionAsync("AnchorRoot", [root, "1"], Ct);

        var refused = await Assert.ThrowsAsync<EndorseException>(() => ledger.Contract(FabricLedger.Regulator).SubmitTransactionAsync("AnchorRoot", [root, "5"], Ct));

        Assert.Equal("AlreadyAnchored", refused.ChaincodeError?.Name);
        Assert.Matches("^[0-9a-f]{64}$", refused.TransactionId);
        var anchor = FabricLedger.Json(await ledger.Contract(FabricLedger.Regulator).EvaluateTransactionAsync("GetAnchor", [root], Ct));
        Assert.Equal(FabricLedger.Producer, (string?)anchor["org"]);
    }

    [Fact]
    public async Task TwoAnchorsOfOneRootRacingToTheOrdererCommitOnlyOnce()
    {
        var root = FabricLedger.NewHash();
        var both = await Task.WhenAll(
            ledger.Contract(FabricLedger.Producer).SubmitAsync("AnchorRoot", new ProposalOptions { Arguments = [root, "1"] }, Ct),
            ledger.Contract(FabricLedger.Regulator).SubmitAsync("AnchorRoot", new ProposalOptions { Arguments = [root, "1"] }, Ct));
        var statuses = await Task.WhenAll(both.Select(t => t.GetStatusAsync(Ct)));

        Assert.Single(statuses, s => s.Successful);
        Assert.Single(statuses, s => s.Code == "MVCC_READ_CONFLICT");
        var anchor = FabricLedger.Json(await ledger.Contract(FabricLedger.Producer).EvaluateTransactionAsync("GetAnchor", [root], Ct));
        Assert.Equal(statuses.Single(s => s.Successful).TransactionId, (string?)anchor["txId"]);
    }

    [Fact]
    public async Task ARootNobodyAnchoredIsNotAnchored()
    {
        var missing = await Assert.ThrowsAsync<EvaluateException>(() =>
            ledger.Contract(FabricLedger.Producer).EvaluateTransactionAsync("GetAnchor", [FabricLedger.NewHash()], Ct));

        Assert.Equal("NotAnchored", missing.ChaincodeError?.Name);
    }
}
