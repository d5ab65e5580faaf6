using Traceability.Api.Tests.Ledger.Fixtures;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Ledger.Contract;

public abstract class OrganisationsGetLedgerIdentitiesOfTheirOwn<TFixture>(TFixture fixture) : LedgerContract<TFixture>(fixture)
    where TFixture : class, ILedgerFixture
{
    [Fact]
    public async Task EachRegisteredOrganisationAnchorsUnderItsOwnIdentity()
    {
        var farm = await RegisterAsync(OrgRole.Producer);
        var lab = await RegisterAsync(OrgRole.Lab);
        var shop = await RegisterAsync(OrgRole.Retailer);

        var anchored = await Task.WhenAll(new[] { farm, lab, shop }.Select(o => AnchorAsync(o.OrgId, NewRoot())));

        Assert.Equal(3, new[] { farm.Identity, lab.Identity, shop.Identity }.Distinct().Count());
        Assert.Equal([farm.Identity, lab.Identity, shop.Identity], anchored.Select(a => a.AnchoredBy));
    }

    [Fact]
    public async Task RegistrationsAtTheSameTimeGetDifferentIdentities()
    {
        var identities = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RegisterAsync(OrgRole.Distributor)));

        Assert.Equal(4, identities.Select(i => i.Identity).Distinct().Count());
        Assert.All(identities, i => Assert.False(string.IsNullOrWhiteSpace(i.Identity)));
    }
}

public sealed class OrganisationsGetLedgerIdentitiesOfTheirOwnOnEvm(EvmLedgerFixture fixture) : OrganisationsGetLedgerIdentitiesOfTheirOwn<EvmLedgerFixture>(fixture);

public sealed class OrganisationsGetLedgerIdentitiesOfTheirOwnOnFabric(FabricLedgerFixture fixture) : OrganisationsGetLedgerIdentitiesOfTheirOwn<FabricLedgerFixture>(fixture);
