using System.Security.Cryptography;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Ledger.Tests.Registry;

public sealed class Recalls(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(OrgRole.Regulator)]
    [InlineData(OrgRole.Producer)]
    public async Task RecallsEveryLotOfABatchWithItsReason(OrgRole role)
    {
        var by = await chain.NewOrgAsync(role);
        var lots = Enumerable.Range(0, 3).Select(i => TraceRegistryClient.LotKey($"/01/09506000134352/10/L{i}-{role}")).ToArray();

        var receipt = await chain.Registry.RecallAsync(by, lots, "Listeria monocytogenes 李斯特菌", Ct);

        foreach (var lot in lots)
        {
            var recall = await chain.Registry.RecallOfAsync(lot, Ct);
            Assert.True(recall.Active);
            Assert.Equal(by.Address, recall.By);
        }
        var events = chain.Registry.Contract.DecodeEvents(receipt).ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("Listeria monocytogenes 李斯特菌", e.Arguments[2]));
        Assert.Equal(lots, events.Select(e => (byte[])e.Arguments[0]));
    }

    [Theory]
    [InlineData(OrgRole.Lab)]
    [InlineData(OrgRole.Retailer)]
    [InlineData(OrgRole.Distributor)]
    public async Task RejectsRecallsFromOtherRolesWithRoleNotAllowed(OrgRole role)
    {
        var by = await chain.NewOrgAsync(role);
        var lot = RandomNumberGenerator.GetBytes(32);

        var error = await Assert.ThrowsAsync<EndorseException>(() => chain.Registry.RecallAsync(by, [lot], "x", Ct));

        Assert.Equal("RoleNotAllowed", error.Error?.Name);
        Assert.False((await chain.Registry.RecallOfAsync(lot, Ct)).Active);
    }

    [Fact]
    public async Task RejectsRecallsFromUnregisteredAccountsAndEmptyBatches()
    {
        var stranger = await chain.NewOrgAsync(OrgRole.None);
        var regulator = await chain.NewOrgAsync(OrgRole.Regulator);
        var notRegistered = await Assert.ThrowsAsync<EndorseException>(() => chain.Registry.RecallAsync(stranger, [RandomNumberGenerator.GetBytes(32)], "x", Ct));
        var empty = await Assert.ThrowsAsync<EndorseException>(() => chain.Registry.RecallAsync(regulator, [], "x", Ct));
        Assert.Equal("NotRegistered", notRegistered.Error?.Name);
        Assert.Equal("EmptyRecall", empty.Error?.Name);
    }

    [Fact]
    public async Task OnlyRegulatorsLiftRecalls()
    {
        var regulator = await chain.NewOrgAsync(OrgRole.Regulator);
        var producer = await chain.NewOrgAsync(OrgRole.Producer);
        var lot = RandomNumberGenerator.GetBytes(32);
        await chain.Registry.RecallAsync(producer, [lot], "precaution", Ct);

        var refused = await Assert.ThrowsAsync<EndorseException>(() => chain.Registry.LiftRecallAsync(producer, [lot], Ct));
        await chain.Registry.LiftRecallAsync(regulator, [lot], Ct);
        var again = await Assert.ThrowsAsync<EndorseException>(() => chain.Registry.LiftRecallAsync(regulator, [lot], Ct));

        Assert.Equal("RoleNotAllowed", refused.Error?.Name);
        Assert.Equal("NotRecalled", again.Error?.Name);
        Assert.False((await chain.Registry.RecallOfAsync(lot, Ct)).Active);
    }

    [Fact]
    public void LotKeyIsSha256OfTheDigitalLinkPath()
    {
        Assert.Equal(
            SHA256.HashData("/01/09506000134352/10/A-1"u8),
            TraceRegistryClient.LotKey("/01/09506000134352/10/A-1"));
    }
}
