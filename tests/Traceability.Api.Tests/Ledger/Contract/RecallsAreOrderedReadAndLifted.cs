using Traceability.Api.Tests.Ledger.Fixtures;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Ledger.Contract;

public abstract class RecallsAreOrderedReadAndLifted<TFixture>(TFixture fixture) : LedgerContract<TFixture>(fixture)
    where TFixture : class, ILedgerFixture
{
    [Fact]
    public async Task AProducersRecallIsActiveUnderItsIdentityUntilARegulatorLiftsIt()
    {
        var (producer, producerIdentity) = await RegisterAsync(OrgRole.Producer);
        var (regulator, _) = await RegisterAsync(OrgRole.Regulator);
        var lot = NewLot();
        var pallet = "/00/069012341000000017";

        var recalled = await Ledger.RecallAsync(producer, [lot, pallet], "chlorpyrifos above the limit", Ct);
        var whileRecalled = await Ledger.RecallOfAsync(lot, Ct);
        var palletWhileRecalled = await Ledger.RecallOfAsync(pallet, Ct);
        var lifted = await Ledger.LiftRecallAsync(regulator, [lot], Ct);
        var afterLifting = await Ledger.RecallOfAsync(lot, Ct);

        Assert.Single(recalled);
        Assert.True(whileRecalled.Active);
        Assert.Equal(producerIdentity, whileRecalled.By, ignoreCase: true);
        Assert.NotNull(whileRecalled.At);
        Assert.True(palletWhileRecalled.Active);
        Assert.Single(lifted);
        Assert.False(afterLifting.Active);
        Assert.NotEqual(recalled[0], lifted[0]);
    }

    [Fact]
    public async Task ALotNeverRecalledHasNoRecall()
    {
        var record = await Ledger.RecallOfAsync(NewLot(), Ct);

        Assert.False(record.Active);
        Assert.Null(record.At);
        Assert.Null(record.By);
    }

    [Fact]
    public async Task ARecallOfMoreLotsThanATransactionHoldsIsSplitAndEveryLotIsRecalled()
    {
        var ledger = Ledger;
        var (regulator, _) = await RegisterAsync(OrgRole.Regulator);
        var lots = Enumerable.Range(0, Fixture.LotsPerTransaction + 1).Select(_ => NewLot()).ToList();

        var transactions = await ledger.RecallAsync(regulator, lots, "recalled in bulk", Ct);

        Assert.Equal(2, transactions.Count);
        Assert.True((await ledger.RecallOfAsync(lots[0], Ct)).Active);
        Assert.True((await ledger.RecallOfAsync(lots[^1], Ct)).Active);
    }

    [Fact]
    public async Task OnlyRegulatorsLiftRecallsAndARefusalIsALedgerFailureByName()
    {
        var (producer, _) = await RegisterAsync(OrgRole.Producer);
        var lot = NewLot();
        await Ledger.RecallAsync(producer, [lot], "suspected contamination", Ct);

        var refused = await Assert.ThrowsAnyAsync<LedgerException>(() => Ledger.LiftRecallAsync(producer, [lot], Ct));

        Assert.Equal("RoleNotAllowed", RefusalName(refused));
        Assert.True((await Ledger.RecallOfAsync(lot, Ct)).Active);
    }
}

public sealed class RecallsAreOrderedReadAndLiftedOnEvm(EvmLedgerFixture fixture) : RecallsAreOrderedReadAndLifted<EvmLedgerFixture>(fixture);

public sealed class RecallsAreOrderedReadAndLiftedOnFabric(FabricLedgerFixture fixture) : RecallsAreOrderedReadAndLifted<FabricLedgerFixture>(fixture);
