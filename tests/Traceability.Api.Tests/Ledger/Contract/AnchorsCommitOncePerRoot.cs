using Traceability.Api.Tests.Ledger.Fixtures;
using Traceability.Ledger;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Ledger.Contract;

public abstract class AnchorsCommitOncePerRoot<TFixture>(TFixture fixture) : LedgerContract<TFixture>(fixture)
    where TFixture : class, ILedgerFixture
{
    [Fact]
    public async Task ACommittedAnchorIsFoundAgainWithItsTransactionBlockAndOrganisation()
    {
        var (org, identity) = await RegisterAsync(OrgRole.Producer);
        var root = NewRoot();

        var submitted = await Ledger.SubmitAnchorAsync(org, root, 6, Ct);
        var commit = await Ledger.CommitAnchorAsync(submitted, Ct);
        var found = await Ledger.FindAnchorAsync(root, null, 0, Ct);

        Assert.Equal(submitted.TxId, commit.TxId);
        Assert.Equal(identity, commit.AnchoredBy);
        Assert.True(await Ledger.IsAnchoredAsync(root, Ct));
        Assert.NotNull(found);
        Assert.Equal((commit.TxId, commit.BlockNumber), (found.TxId, found.BlockNumber));
        Assert.Equal(identity, found.AnchoredBy, ignoreCase: true);
        Assert.True(found.At > DateTimeOffset.UtcNow.AddMinutes(-10) && found.At < DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task SendingAnAnchoredRootAgainEndsAsAnchorExistsAndTheFirstTransactionStays()
    {
        var (org, _) = await RegisterAsync(OrgRole.Producer);
        var root = NewRoot();
        var first = await AnchorAsync(org, root);

        await Assert.ThrowsAsync<AnchorExistsException>(() => AnchorAsync(org, root));

        var found = await Ledger.FindAnchorAsync(root, null, 0, Ct);
        Assert.Equal(first.TxId, found?.TxId);
        Assert.Equal(first.BlockNumber, found?.BlockNumber);
    }

    [Fact]
    public async Task TwoOrganisationsRacingWithOneRootCommitItOnce()
    {
        var (farm, farmIdentity) = await RegisterAsync(OrgRole.Producer);
        var (packer, packerIdentity) = await RegisterAsync(OrgRole.Producer);
        var root = NewRoot();

        var sent = await Task.WhenAll(Ledger.SubmitAnchorAsync(farm, root, 2, Ct), Ledger.SubmitAnchorAsync(packer, root, 2, Ct));
        var outcomes = await Task.WhenAll(sent.Select(async s =>
        {
            try { return (Commit: await Ledger.CommitAnchorAsync(s, Ct), Exists: false); }
            catch (AnchorExistsException) { return (Commit: (AnchorCommit?)null, Exists: true); }
        }));

        var winner = Assert.Single(outcomes, o => o.Commit is not null).Commit!;
        Assert.Single(outcomes, o => o.Exists);
        Assert.Contains(winner.AnchoredBy, new[] { farmIdentity, packerIdentity });
        Assert.Equal(winner.TxId, (await Ledger.FindAnchorAsync(root, null, 0, Ct))?.TxId);
    }

    [Fact]
    public async Task ARootNobodyAnchoredIsNotFound()
    {
        var root = NewRoot();

        Assert.False(await Ledger.IsAnchoredAsync(root, Ct));
        Assert.Null(await Ledger.FindAnchorAsync(root, null, 0, Ct));
    }
}

public sealed class AnchorsCommitOncePerRootOnEvm(EvmLedgerFixture fixture) : AnchorsCommitOncePerRoot<EvmLedgerFixture>(fixture);

public sealed class AnchorsCommitOncePerRootOnFabric(FabricLedgerFixture fixture) : AnchorsCommitOncePerRoot<FabricLedgerFixture>(fixture);
