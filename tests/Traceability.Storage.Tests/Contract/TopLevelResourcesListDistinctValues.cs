using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>The distinct values the binding's top-level resources list, and capture jobs by organisation, in pages.</summary>
public abstract class TopLevelResourcesListDistinctValues<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task ValuesAreDistinctOrderedAndPaged()
    {
        var tag = Sample.Unique("v");
        var writer = Sample.Unique("org");
        var events = new[]
        {
            Sample.Event(Sample.Unique("e"), writer) with { BizStep = $"urn:{tag}:b", ReadPoint = $"urn:{tag}:rp1", Epcs = [$"urn:{tag}:e2", $"urn:{tag}:e1"] },
            Sample.Event(Sample.Unique("e"), writer) with { BizStep = $"urn:{tag}:a", ReadPoint = $"urn:{tag}:rp1", Epcs = [$"urn:{tag}:e1"] },
            Sample.Event(Sample.Unique("e")) with { BizStep = $"urn:{tag}:c", ReadPoint = $"urn:{tag}:rp2", Epcs = [$"urn:{tag}:e3"] },
        };
        await Store.AppendAsync(new CaptureWrite(events, [], null), Ct);

        var steps = await Store.ListEventValuesAsync(EventValueKind.BizStep, $"urn:{tag}:", 2, null, Ct);
        var more = await Store.ListEventValuesAsync(EventValueKind.BizStep, steps[^1], 100, null, Ct);
        var epcs = await Store.ListEventValuesAsync(EventValueKind.Epc, $"urn:{tag}:", 100, null, Ct);
        var writersReadPoints = await Store.ListEventValuesAsync(EventValueKind.ReadPoint, $"urn:{tag}:", 100, writer, Ct);
        var writersEpcs = await Store.ListEventValuesAsync(EventValueKind.Epc, $"urn:{tag}:", 100, writer, Ct);

        Assert.Equal([$"urn:{tag}:a", $"urn:{tag}:b"], steps);
        Assert.Equal($"urn:{tag}:c", more[0]);
        Assert.Equal([$"urn:{tag}:e1", $"urn:{tag}:e2", $"urn:{tag}:e3"], epcs.Where(e => e.StartsWith($"urn:{tag}:", StringComparison.Ordinal)));
        Assert.Equal([$"urn:{tag}:rp1"], writersReadPoints.Where(e => e.StartsWith($"urn:{tag}:", StringComparison.Ordinal)));
        Assert.Equal([$"urn:{tag}:e1", $"urn:{tag}:e2"], writersEpcs.Where(e => e.StartsWith($"urn:{tag}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EventTypesAreListedOnce()
    {
        await Store.AppendAsync(new CaptureWrite(
            [Sample.Event(Sample.Unique("e")), Sample.Event(Sample.Unique("e")) with { EventType = "TransformationEvent" }], [], null), Ct);

        var types = await Store.ListEventValuesAsync(EventValueKind.EventType, null, 100, null, Ct);

        Assert.Equal(types.Distinct(), types);
        Assert.Contains("ObjectEvent", types);
        Assert.Contains("TransformationEvent", types);
    }

    [Fact]
    public async Task CaptureJobsAreListedForTheirOrganisationOnly()
    {
        var org = Sample.Unique("org");
        foreach (var id in new[] { "cap-b", "cap-a", "cap-c" }.Select(i => $"{i}-{org}"))
            await Store.SaveCaptureJobAsync(Sample.Job(id) with { OrgId = org }, Ct);
        await Store.SaveCaptureJobAsync(Sample.Job(Sample.Unique("cap")) with { OrgId = Sample.Unique("org") }, Ct);

        var first = await Store.ListCaptureJobsAsync(org, null, 2, Ct);
        var rest = await Store.ListCaptureJobsAsync(org, first[^1].CaptureId, 2, Ct);

        Assert.Equal([$"cap-a-{org}", $"cap-b-{org}"], first.Select(j => j.CaptureId));
        Assert.Equal([$"cap-c-{org}"], rest.Select(j => j.CaptureId));
    }
}

public sealed class TopLevelResourcesListDistinctValuesOnSqlite(SqliteStoreFixture fixture) : TopLevelResourcesListDistinctValues<SqliteStoreFixture>(fixture);

public sealed class TopLevelResourcesListDistinctValuesOnMongo(MongoStoreFixture fixture) : TopLevelResourcesListDistinctValues<MongoStoreFixture>(fixture);
