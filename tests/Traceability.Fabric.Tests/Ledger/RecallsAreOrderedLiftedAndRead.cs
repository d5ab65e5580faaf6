namespace Traceability.Fabric.Tests.Ledger;

public sealed class RecallsAreOrderedLiftedAndRead(FabricLedger ledger)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegulatorRecallsLotsAndLiftsThemAgain()
    {
        var regulator = ledger.Contract(FabricLedger.Regulator);
        var lots = new[] { FabricLedger.NewHash(), FabricLedger.NewHash() };
        var recalled = await regulator.SubmitAsync("Recall", new ProposalOptions { Arguments = [System.Text.Json.JsonSerializer.Serialize(lots), "chlorpyrifos 0.12 mg/kg"] }, Ct);
        Assert.True((await recalled.GetStatusAsync(Ct)).Successful);

        foreach (var lot in lots)
        {
            var recall = FabricLedger.Json(await ledger.Contract(FabricLedger.Outsider).EvaluateTransactionAsync("RecallOf", [lot], Ct));
            Assert.True((bool)recall["active"]!);
            Assert.Equal("chlorpyrifos 0.12 mg/kg", (string?)recall["reason"]);
            Assert.Equal(FabricLedger.Regulator, (string?)recall["by"]);
            Assert.Equal(recalled.TransactionId, (string?)recall["txId"]);
        }

        await regulator.SubmitTransactionAsync("LiftRecall", [System.Text.Json.JsonSerializer.Serialize(lots[..1])], Ct);

        Assert.False((bool)FabricLedger.Json(await regulator.EvaluateTransactionAsync("RecallOf", [lots[0]], Ct))["active"]!);
        Assert.True((bool)FabricLedger.Json(await regulator.EvaluateTransactionAsync("RecallOf", [lots[1]], Ct))["active"]!);
    }

    [Fact]
    public async Task AProducerRecallsButCannotLift()
    {
        var producer = ledger.Contract(FabricLedger.Producer);
        var lot = FabricLedger.NewHash();
        await producer.SubmitTransactionAsync("Recall", [$"[\"{lot}\"]", "mislabelled"], Ct);

        var refused = await Assert.ThrowsAsync<EndorseException>(() => producer.SubmitTransactionAsync("LiftRecall", [$"[\"{lot}\"]"], Ct));

        Assert.Equal("RoleNotAllowed", refused.ChaincodeError?.Name);
        Assert.True((bool)FabricLedger.Json(await producer.EvaluateTransactionAsync("RecallOf", [lot], Ct))["active"]!);
    }

    [Fact]
    public async Task LiftingALotThatIsNotRecalledIsRefused()
    {
        var refused = await Assert.ThrowsAsync<EndorseException>(() =>
            ledger.Contract(FabricLedger.Regulator).SubmitTransactionAsync("LiftRecall", [$"[\"{FabricLedger.NewHash()}\"]"], Ct));

        Assert.Equal("NotRecalled", refused.ChaincodeError?.Name);
    }
}
