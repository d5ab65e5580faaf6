using Traceability.Api.Tests.Ledger.Fixtures;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Ledger.Contract;

public abstract class ALedgerThatDoesNotAnswerIsReportedNotThrown<TFixture>(TFixture fixture) : LedgerContract<TFixture>(fixture)
    where TFixture : class, ILedgerFixture
{
    [Fact]
    public async Task ItHasNoIdentityNamesWhyProbesToNullAndRefusesWritesAsUnavailable()
    {
        await using var host = await Fixture.StartUnreachableAsync(Ct);
        var ledger = host.Ledger;
        await Task.Delay(500, Ct); // a few connection attempts

        var probed = await ledger.ProbeAsync(Ct);

        Assert.Null(ledger.Identity);
        Assert.False(ledger.Connected.IsCompleted);
        Assert.False(string.IsNullOrWhiteSpace(ledger.LastError));
        Assert.Null(probed);
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.HeadAsync(Ct));
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.RegisterOrganisationAsync(NewOrgId(), OrgRole.Producer, Ct));
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.IsAnchoredAsync(NewRoot(), Ct));
    }
}

public sealed class ALedgerThatDoesNotAnswerIsReportedNotThrownOnEvm(EvmLedgerFixture fixture) : ALedgerThatDoesNotAnswerIsReportedNotThrown<EvmLedgerFixture>(fixture);

public sealed class ALedgerThatDoesNotAnswerIsReportedNotThrownOnFabric(FabricLedgerFixture fixture) : ALedgerThatDoesNotAnswerIsReportedNotThrown<FabricLedgerFixture>(fixture);
