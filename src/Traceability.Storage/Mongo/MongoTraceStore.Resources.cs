using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

/// <summary>The binding's top-level resources (<see cref="IEventResourceStore"/>): distinct values by aggregation over the indexes.</summary>
public sealed partial class MongoTraceStore : IEventResourceStore
{
    public async Task<IReadOnlyList<string>> ListEventValuesAsync(
        EventValueKind kind, string? after, int max, string? writerOrgId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var field = kind switch
        {
            EventValueKind.EventType => "event_type",
            EventValueKind.Epc => "epcs",
            EventValueKind.BizStep => "biz_step",
            EventValueKind.BizLocation => "biz_location",
            EventValueKind.ReadPoint => "read_point",
            EventValueKind.Disposition => "disposition",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var match = Filter.Gt(field, after ?? "") & Filter.Type(field, BsonType.String);
        if (writerOrgId is not null) match &= Filter.Eq("org_id", writerOrgId);
        var pipeline = new List<BsonDocument> { new("$match", match.Render(new RenderArgs<BsonDocument>(_events.DocumentSerializer, _events.Settings.SerializerRegistry))) };
        if (kind == EventValueKind.Epc)
        {
            pipeline.Add(new BsonDocument("$unwind", "$epcs"));
            pipeline.Add(new BsonDocument("$match", new BsonDocument("epcs", new BsonDocument("$gt", after ?? ""))));
        }
        pipeline.Add(new BsonDocument("$group", new BsonDocument("_id", "$" + field)));
        pipeline.Add(new BsonDocument("$sort", new BsonDocument("_id", 1)));
        pipeline.Add(new BsonDocument("$limit", max));
        var docs = await _events.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return docs.Select(d => d["_id"].AsString).ToList();
    }

    public async Task<IReadOnlyList<CaptureJob>> ListCaptureJobsAsync(string orgId, string? afterId, int max, CancellationToken cancellationToken)
    {
        var docs = await _captureJobs.Find(Filter.Eq("org_id", orgId) & Filter.Gt("_id", afterId ?? ""))
            .Sort(Builders<BsonDocument>.Sort.Ascending("_id")).Limit(max).ToListAsync(cancellationToken);
        return docs.Select(MongoDocuments.ToCaptureJob).ToList();
    }
}
