using System.Security.Cryptography;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Ledger.Tests.Registry;

public sealed class Anchoring(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(OrgRole.Producer)]
    [InlineData(OrgRole.Lab)]
    [InlineData(OrgRole.Retailer)]
    [InlineData(OrgRole.Regulator)]
    [InlineData(OrgRole.Distributor)]
    public async Task EveryRegisteredRoleAnchorsARootOnce(OrgRole role)
    {
        var org = await chain.NewOrgAsync(role);
        var root = RandomNumberGenerator.GetBytes(32);

        var receipt = await chain.Registry.AnchorAsync(org, root, 1024, Ct);

        var anchored = await chain.Registry.AnchorsAsync(root, Ct);
        Assert.NotNull(anchored);
        Assert.Equal(org.Address, anchored.Org);
        Assert.Equal(1024u, anchored.EventCount);
        Assert.True(anchored.Timestamp > DateTimeOffset.UnixEpoch);
        var ev = Assert.Single(chain.Registry.Contract.DecodeEvents(receipt));
        Assert.Equal("Anchored", ev.Name);
        Assert.Equal(root, (byte[])ev.Arguments[0]);
        Assert.Equal(org.Address, ev.Arguments[1]);
    }

    [Fact]
    public async Task TheAnchoredLogOfARootNamesItsTransactionAndBlock()
    {
        var org = await chain.NewOrgAsync(OrgRole.Producer);
        var root = RandomNumberGenerator.GetBytes(32);
        var from = await chain.Gateway.GetBlockNumberAsync(Ct);
        var receipt = await chain.Registry.AnchorAsync(org, root, 7, Ct);

        var found = await chain.Registry.FindAnchoredLogAsync(root, from, Ct);

        Assert.NotNull(found);
        Assert.Equal((receipt.TransactionHash, receipt.BlockNumber), (found.TransactionHash, found.BlockNumber));
        Assert.Null(await chain.Registry.FindAnchoredLogAsync(RandomNumberGenerator.GetBytes(32), 0, Ct));
    }

    [Fact]
    public async Task RejectsASecondAnchorOfTheSameRootWithAlreadyAnchored()
    {
        var first = await chain.NewOrgAsync(OrgRole.Producer);
        var second = await chain.NewOrgAsync(OrgRole.Retailer);
        var root = RandomNumberGenerator.GetBytes(32);
        await chain.Registry.AnchorAsync(first, root, 3, Ct);

        // anchor() skips simulation, so the revert is found at commit, mined with status 0.
        var error = await Assert.ThrowsAsync<CommitException>(() => chain.Registry.AnchorAsync(second, root, 5, Ct));

        Assert.Equal("AlreadyAnchored", error.Error?.Name);
        Assert.Equal(first.Address, error.Error!.Arguments[1]);
        Assert.NotNull(error.TransactionHash);
        Assert.Equal(3u, (await chain.Registry.AnchorsAsync(root, Ct))!.EventCount);
    }

    [Fact]
    public async Task RejectsAnchorsFromUnregisteredAccountsWithNotRegistered()
    {
        var stranger = await chain.NewOrgAsync(OrgRole.None);
        var root = RandomNumberGenerator.GetBytes(32);

        var error = await Assert.ThrowsAsync<CommitException>(() => chain.Registry.AnchorAsync(stranger, root, 1, Ct));

        Assert.Equal("NotRegistered", error.Error?.Name);
        Assert.Null(await chain.Registry.AnchorsAsync(root, Ct));
    }

    [Fact]
    public async Task RejectsAnEmptyRootAndAZeroCount()
    {
        var org = await chain.NewOrgAsync(OrgRole.Producer);
        var empty = await Assert.ThrowsAsync<CommitException>(() => chain.Registry.AnchorAsync(org, new byte[32], 1, Ct));
        var zero = await Assert.ThrowsAsync<CommitException>(() => chain.Registry.AnchorAsync(org, RandomNumberGenerator.GetBytes(32), 0, Ct));
        Assert.Equal("EmptyRoot", empty.Error?.Name);
        Assert.Equal("ZeroEventCount", zero.Error?.Name);
    }

    [Fact]
    public async Task UnknownRootsReadAsNeverAnchored()
    {
        Assert.Null(await chain.Registry.AnchorsAsync(RandomNumberGenerator.GetBytes(32), Ct));
    }
}
