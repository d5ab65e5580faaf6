using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests;

/// <summary>
/// Base of every contract behaviour. Each behaviour is an abstract class with one tiny subclass per
/// adapter (…OnSqlite, …OnMongo), so the same tests run against both and each gets its own database.
/// Tests in one class share that database, so each test uses its own ids or its own fixed data set.
/// Every test reads <see cref="Store"/> first: that is where the MongoDB run is skipped without a server.
/// </summary>
public abstract class StoreContract<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IStoreFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected ITraceStore Store => Fixture.Store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
