namespace Traceability.Fabric.Tests.Ledger;

public sealed class EventsResumeFromACheckpoint(FabricLedger ledger)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStreamResumedFromACheckpointStartsJustAfterTheLastEventHandled()
    {
        var producer = ledger.Contract(FabricLedger.Producer);
        var roots = new[] { FabricLedger.NewHash(), FabricLedger.NewHash(), FabricLedger.NewHash() };
        // One block for all three: the checkpoint then has to skip within a block, not just to the next one.
        var submitted = await Task.WhenAll(roots.Select(r => producer.SubmitAsync("AnchorRoot", new ProposalOptions { Arguments = [r, "1"] }, Ct)));
        var statuses = await Task.WhenAll(submitted.Select(s => s.GetStatusAsync(Ct)));
        var firstBlock = statuses.Min(s => s.BlockNumber);

        var checkpointer = new InMemoryCheckpointer();
        var seen = await ReadOursAsync(new ChaincodeEventsOptions { StartBlock = firstBlock }, roots, take: 1, checkpointer);
        var resumed = await ReadOursAsync(new ChaincodeEventsOptions { Checkpoint = checkpointer }, roots, take: 2, checkpointer: null);

        Assert.Equal(roots.Order(), seen.Concat(resumed).Select(e => (string)FabricLedger.Json(e.Payload)["root"]!).Order());
        Assert.All(seen.Concat(resumed), e => Assert.Equal("Anchored", e.EventName));
        Assert.All(seen.Concat(resumed), e => Assert.Contains(submitted, s => s.TransactionId == e.TransactionId));
    }

    [Fact]
    public async Task RecallsArriveAsOneEventNamingEveryLot()
    {
        var regulator = ledger.Contract(FabricLedger.Regulator);
        var lots = new[] { FabricLedger.NewHash(), FabricLedger.NewHash() };
        var submitted = await regulator.SubmitAsync("Recall", new ProposalOptions { Arguments = [System.Text.Json.JsonSerializer.Serialize(lots), "test"] }, Ct);
        var status = await submitted.GetStatusAsync(Ct);

        await foreach (var e in ledger.Channel(FabricLedger.Outsider).GetChaincodeEventsAsync(ledger.Network.Description.Chaincode,
                           new ChaincodeEventsOptions { StartBlock = status.BlockNumber }, Ct))
        {
            if (e.TransactionId != submitted.TransactionId) continue;
            var payload = FabricLedger.Json(e.Payload);
            Assert.Equal("Recalled", e.EventName);
            Assert.Equal(status.BlockNumber, e.BlockNumber);
            Assert.Equal(lots, payload["lotKeys"]!.AsArray().Select(k => (string)k!));
            Assert.Equal(FabricLedger.Regulator, (string?)payload["by"]);
            return;
        }
    }

    /// <summary>The first <paramref name="take"/> Anchored events for <paramref name="roots"/>, checkpointing each one handled.</summary>
    private async Task<List<ChaincodeEvent>> ReadOursAsync(ChaincodeEventsOptions options, string[] roots, int take, ICheckpointer? checkpointer)
    {
        var found = new List<ChaincodeEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await foreach (var e in ledger.Channel(FabricLedger.Outsider).GetChaincodeEventsAsync(ledger.Network.Description.Chaincode, options, timeout.Token))
        {
            if (e.EventName == "Anchored" && roots.Contains((string)FabricLedger.Json(e.Payload)["root"]!)) found.Add(e);
            if (checkpointer is not null) await checkpointer.CheckpointChaincodeEventAsync(e, Ct);
            if (found.Count == take) break;
        }
        return found;
    }
}
