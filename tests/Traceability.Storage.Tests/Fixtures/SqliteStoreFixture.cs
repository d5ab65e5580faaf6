using Microsoft.Data.Sqlite;
using Traceability.Storage.Sqlite;

namespace Traceability.Storage.Tests.Fixtures;

/// <summary>A real SQLite file (WAL) in its own temporary directory, deleted afterwards.</summary>
public sealed class SqliteStoreFixture : IStoreFixture, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "traceability-store-tests", Guid.NewGuid().ToString("N"));
    private SqliteTraceStore? _store;

    public string DatabasePath => Path.Combine(_directory, "trace.db");

    public ITraceStore Store => _store ?? throw new InvalidOperationException("the fixture is not initialised");

    public string Kind => "sqlite";

    // lots.gtin is NOT NULL; lots are written after the events, inside the same transaction.
    public CaptureWrite RejectedAfterTheEvents(StoredEvent evt, LotState lot, CaptureJob job) =>
        new([evt], [lot with { Gtin = null! }], job);

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteTraceStore(DatabasePath);
        await _store.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        // The adapter's read connections stay in the pool and would keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
