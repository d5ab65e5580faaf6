using Traceability.Api.Tests.Ledger.Fixtures;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Ledger.Contract;

public abstract class TheLedgerSaysWhereItIsAndHowHighItIs<TFixture>(TFixture fixture) : LedgerContract<TFixture>(fixture)
    where TFixture : class, ILedgerFixture
{
    [Fact]
    public async Task AConnectedLedgerNamesItsKindNetworkAndContractAndAnswersItsHeight()
    {
        var ledger = Ledger;

        var probed = await ledger.ProbeAsync(Ct);

        Assert.True(ledger.Connected.IsCompletedSuccessfully);
        Assert.Equal(Fixture.Kind, ledger.Identity?.Kind);
        Assert.False(string.IsNullOrEmpty(ledger.Identity!.Network));
        Assert.False(string.IsNullOrEmpty(ledger.Identity.Contract));
        Assert.NotNull(probed);
        Assert.Null(ledger.LastError);
        Assert.True(await ledger.HeadAsync(Ct) >= probed);
    }

    [Fact]
    public async Task TheHeightReachesTheBlockOfEveryCommittedAnchor()
    {
        var (org, _) = await RegisterAsync(OrgRole.Producer);

        var commit = await AnchorAsync(org, NewRoot());

        Assert.True(await Ledger.HeadAsync(Ct) >= commit.BlockNumber);
        Assert.True(commit.BlockNumber > 0);
    }
}

public sealed class TheLedgerSaysWhereItIsAndHowHighItIsOnEvm(EvmLedgerFixture fixture) : TheLedgerSaysWhereItIsAndHowHighItIs<EvmLedgerFixture>(fixture);

public sealed class TheLedgerSaysWhereItIsAndHowHighItIsOnFabric(FabricLedgerFixture fixture) : TheLedgerSaysWhereItIsAndHowHighItIs<FabricLedgerFixture>(fixture);
