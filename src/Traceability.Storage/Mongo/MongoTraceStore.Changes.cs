using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

public sealed partial class MongoTraceStore
{
    private const string ChangesCounterId = "changes";

    public string InstanceId { get; init; } = "instance-" + Guid.NewGuid().ToString("N")[..12];

    public async Task<IReadOnlyList<StoreChange>> ReadChangesAsync(long after, int max, CancellationToken cancellationToken)
    {
        var docs = await _changes.Find(Filter.Gt("_id", after)).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).Limit(max).ToListAsync(cancellationToken);
        return docs.Select(d => new StoreChange(
            d["_id"].ToInt64(), d["instance"].AsString, d["kind"].AsString,
            d["subject"].IsString ? d["subject"].AsString : null,
            d["first_event"].IsBsonNull ? null : d["first_event"].ToInt64(),
            d["last_event"].IsBsonNull ? null : d["last_event"].ToInt64())
        {
            At = new DateTimeOffset(d["at"].ToUniversalTime(), TimeSpan.Zero),
        }).ToList();
    }

    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        var counter = await _counters.Find(Filter.Eq("_id", ChangesCounterId)).FirstOrDefaultAsync(cancellationToken);
        return counter?["value"].ToInt64() ?? 0;
    }

    /// <summary>
    /// Records a change, in the session's transaction when given. Writes outside a transaction may commit their
    /// change out of sequence order: followers wait briefly at a gap (<see cref="StoreChange.At"/>).
    /// </summary>
    private async Task RecordChangeAsync(IClientSessionHandle? session, string kind, string? subject, long? first, long? last, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq("_id", ChangesCounterId);
        var inc = Builders<BsonDocument>.Update.Inc("value", 1L);
        var options = new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        var counter = session is null
            ? await _counters.FindOneAndUpdateAsync(filter, inc, options, cancellationToken)
            : await _counters.FindOneAndUpdateAsync(session, filter, inc, options, cancellationToken);
        var doc = new BsonDocument
        {
            { "_id", counter["value"].ToInt64() },
            { "instance", InstanceId },
            { "kind", kind },
            { "subject", MongoDocuments.Nullable(subject) },
            { "first_event", first is { } f ? new BsonInt64(f) : BsonNull.Value },
            { "last_event", last is { } l ? new BsonInt64(l) : BsonNull.Value },
            { "at", MongoDocuments.Date(DateTimeOffset.UtcNow) },
        };
        if (session is null) await _changes.InsertOneAsync(doc, cancellationToken: cancellationToken);
        else await _changes.InsertOneAsync(session, doc, cancellationToken: cancellationToken);
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            // Matches a lease that is ours or expired; when none matches the upsert inserts one, and a live lease of
            // another holder makes that insert a duplicate key: not acquired.
            await _leases.UpdateOneAsync(
                Filter.Eq("_id", name) & (Filter.Eq("holder", holder) | Filter.Lt("expires_at", MongoDocuments.Date(now))),
                Builders<BsonDocument>.Update.Set("holder", holder).Set("expires_at", MongoDocuments.Date(now + ttl)),
                new UpdateOptions { IsUpsert = true }, cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        _leases.DeleteOneAsync(Filter.Eq("_id", name) & Filter.Eq("holder", holder), cancellationToken);
}
