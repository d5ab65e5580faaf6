using Traceability.Domain.Organisations;
using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class OrganisationsAreUniqueAndFoundByEveryKey<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task AnAddedOrganisationIsFoundByIdApiKeyHashAndGln()
    {
        var store = Store;
        var org = Sample.Organisation(gln: Sample.Gln());

        await store.AddOrganisationAsync(org, Ct);

        Assert.Equal(org, await store.GetOrganisationAsync(org.Id, Ct));
        Assert.Equal(org, await store.FindOrganisationByApiKeyHashAsync(org.ApiKeyHash, Ct));
        Assert.Equal(org, await store.FindOrganisationByGlnAsync(org.Gln!, Ct));
    }

    [Fact]
    public async Task UnknownKeysFindNothing()
    {
        var store = Store;
        await store.AddOrganisationAsync(Sample.Organisation(gln: Sample.Gln()), Ct);

        Assert.Null(await store.GetOrganisationAsync(Sample.Unique("org"), Ct));
        Assert.Null(await store.FindOrganisationByApiKeyHashAsync(Sample.Unique("hash"), Ct));
        Assert.Null(await store.FindOrganisationByGlnAsync("0000000000000", Ct));
    }

    [Fact]
    public async Task ManyOrganisationsMayHaveNoGln()
    {
        var store = Store;
        var first = Sample.Organisation(gln: null);
        var second = Sample.Organisation(gln: null);

        await store.AddOrganisationAsync(first, Ct);
        await store.AddOrganisationAsync(second, Ct);

        Assert.Equal(first, await store.GetOrganisationAsync(first.Id, Ct));
        Assert.Equal(second, await store.GetOrganisationAsync(second.Id, Ct));
    }

    [Fact]
    public async Task TheListIsOrderedByCreationTime()
    {
        var store = Store;
        var later = Sample.Organisation(createdAt: Sample.T0.AddDays(2));
        var earliest = Sample.Organisation(createdAt: Sample.T0.AddDays(-1));
        var middle = Sample.Organisation(createdAt: Sample.T0.AddDays(1));
        foreach (var org in new[] { later, earliest, middle }) await store.AddOrganisationAsync(org, Ct);

        var ours = new HashSet<string> { later.Id, earliest.Id, middle.Id };
        var listed = (await store.ListOrganisationsAsync(Ct)).Where(o => ours.Contains(o.Id)).ToList();

        Assert.Equal([earliest, middle, later], listed);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("name in another case")]
    [InlineData("api key hash")]
    [InlineData("gln")]
    public async Task ADuplicateIsRejectedAndNothingChanges(string clash)
    {
        var store = Store;
        var original = Sample.Organisation(gln: Sample.Gln());
        await store.AddOrganisationAsync(original, Ct);
        var countBefore = (await store.ListOrganisationsAsync(Ct)).Count;
        var fresh = Sample.Organisation(gln: Sample.Gln()) with { Role = OrgRole.Retailer };
        var duplicate = clash switch
        {
            "id" => fresh with { Id = original.Id },
            "name" => fresh with { Name = original.Name },
            "name in another case" => fresh with { Name = original.Name.ToUpperInvariant() },
            "api key hash" => fresh with { ApiKeyHash = original.ApiKeyHash },
            _ => fresh with { Gln = original.Gln },
        };

        await Assert.ThrowsAsync<DuplicateException>(() => store.AddOrganisationAsync(duplicate, Ct));

        Assert.Equal(original, await store.GetOrganisationAsync(original.Id, Ct));
        Assert.Equal(original, await store.FindOrganisationByApiKeyHashAsync(original.ApiKeyHash, Ct));
        Assert.Equal(original, await store.FindOrganisationByGlnAsync(original.Gln!, Ct));
        Assert.Equal(countBefore, (await store.ListOrganisationsAsync(Ct)).Count);
    }
}

public sealed class OrganisationsAreUniqueAndFoundByEveryKeyOnSqlite(SqliteStoreFixture fixture)
    : OrganisationsAreUniqueAndFoundByEveryKey<SqliteStoreFixture>(fixture);

public sealed class OrganisationsAreUniqueAndFoundByEveryKeyOnMongo(MongoStoreFixture fixture)
    : OrganisationsAreUniqueAndFoundByEveryKey<MongoStoreFixture>(fixture);
