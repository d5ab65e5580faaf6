using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>orderBy/orderDirection of the EPCIS query: pages by event time or record time either way, keyset-paged.</summary>
public abstract class PagesFollowTheRequestedOrder<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    // Event times go 3, 1, 2, 2 (hours): two share a time, so the sequence must break the tie on every page.
    private static readonly StoredEvent[] Events =
    [
        Sample.Event("o-1", "org-order") with { EventTime = Sample.T0.AddHours(3), RecordTime = Sample.T0.AddMinutes(4) },
        Sample.Event("o-2", "org-order") with { EventTime = Sample.T0.AddHours(1), RecordTime = Sample.T0.AddMinutes(3) },
        Sample.Event("o-3", "org-order") with { EventTime = Sample.T0.AddHours(2), RecordTime = Sample.T0.AddMinutes(2) },
        Sample.Event("o-4", "org-order") with { EventTime = Sample.T0.AddHours(2), RecordTime = Sample.T0.AddMinutes(1) },
    ];

    [Theory]
    [InlineData(EventOrder.EventTime, false, "o-2 o-3 o-4 o-1")]
    [InlineData(EventOrder.EventTime, true, "o-1 o-4 o-3 o-2")]
    [InlineData(EventOrder.RecordTime, false, "o-4 o-3 o-2 o-1")]
    [InlineData(EventOrder.RecordTime, true, "o-1 o-2 o-3 o-4")]
    [InlineData(EventOrder.Sequence, true, "o-4 o-3 o-2 o-1")]
    [InlineData(EventOrder.Sequence, false, "o-1 o-2 o-3 o-4")]
    public async Task OnePerPageGivesTheWholeOrder(EventOrder order, bool descending, string expected)
    {
        await Store.AppendAsync(new CaptureWrite(Events, [], null), Ct);
        var query = new EventQuery { OrgId = "org-order", PerPage = 1, OrderBy = order, Descending = descending };

        var seen = new List<string>();
        for (var page = await Store.QueryEventsAsync(query, Ct); ; )
        {
            seen.AddRange(page.Events.Select(e => e.EventId));
            if (page.NextAfterSequence is null || seen.Count > 10) break;
            var last = page.Events[^1];
            page = await Store.QueryEventsAsync(query with
            {
                AfterSequence = last.Sequence,
                AfterTime = order == EventOrder.EventTime ? last.EventTime : order == EventOrder.RecordTime ? last.RecordTime : null,
            }, Ct);
        }

        Assert.Equal(expected.Split(' '), seen);
    }

    [Fact]
    public async Task EventIdsReadPointsAndTheRecordTimeBoundFilter()
    {
        await Store.AppendAsync(new CaptureWrite(Events, [], null), Ct);
        var query = new EventQuery { OrgId = "org-order" };

        var byId = await Store.QueryEventsAsync(query with { EventIds = ["o-3", "o-1", "absent"] }, Ct);
        var byReadPoint = await Store.QueryEventsAsync(query with { ReadPoints = [Events[0].ReadPoint!] }, Ct);
        var recordedBefore = await Store.QueryEventsAsync(query with { LtRecordTime = Sample.T0.AddMinutes(3) }, Ct);

        Assert.Equal(["o-1", "o-3"], byId.Events.Select(e => e.EventId));
        Assert.Equal(4, byReadPoint.Events.Count);
        Assert.Empty((await Store.QueryEventsAsync(query with { ReadPoints = ["urn:nowhere"] }, Ct)).Events);
        Assert.Equal(["o-3", "o-4"], recordedBefore.Events.Select(e => e.EventId));
    }
}

public sealed class PagesFollowTheRequestedOrderOnSqlite(SqliteStoreFixture fixture) : PagesFollowTheRequestedOrder<SqliteStoreFixture>(fixture);

public sealed class PagesFollowTheRequestedOrderOnMongo(MongoStoreFixture fixture) : PagesFollowTheRequestedOrder<MongoStoreFixture>(fixture);
