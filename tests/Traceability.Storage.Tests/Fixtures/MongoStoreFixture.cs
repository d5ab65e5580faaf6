using MongoDB.Driver;
using Traceability.Storage.Mongo;

namespace Traceability.Storage.Tests.Fixtures;

/// <summary>
/// A database of its own on the server at TRACE_MONGODB_URI (a replica set: appends use transactions),
/// dropped afterwards. Without the variable every test using <see cref="Store"/> is skipped.
/// </summary>
public sealed class MongoStoreFixture : IStoreFixture, IAsyncLifetime
{
    public const string SkipReason =
        "TRACE_MONGODB_URI is not set: the MongoDB adapter runs the same contract suite when it points at a server";

    private readonly string? _uri = Environment.GetEnvironmentVariable("TRACE_MONGODB_URI") is { Length: > 0 } uri ? uri : null;
    private readonly string _databaseName = $"trace_test_{Guid.NewGuid():N}";
    private MongoTraceStore? _store;

    public ITraceStore Store
    {
        get
        {
            if (_uri is null) Assert.Skip(SkipReason);
            return _store ?? throw new InvalidOperationException("the fixture is not initialised");
        }
    }

    public string Kind => "mongodb";

    // 17 MiB of error detail makes the capture job larger than a BSON document may be (16 MiB);
    // the job is written last, after the events and the lot.
    public CaptureWrite RejectedAfterTheEvents(StoredEvent evt, LotState lot, CaptureJob job) =>
        new([evt], [lot], job with { Errors = [new CaptureError(0, evt.EventId, "oversized", "$", new string('x', 17 << 20))] });

    public async ValueTask InitializeAsync()
    {
        if (_uri is null) return;
        _store = new MongoTraceStore(_uri, _databaseName);
        await _store.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is null) return;
        await _store.DisposeAsync();
        using var client = new MongoClient(_uri);
        await client.DropDatabaseAsync(_databaseName);
    }
}
