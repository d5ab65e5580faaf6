using System.Text;
using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class GetEventRoundTripsEveryField<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    // Odd spacing, escapes, non-ASCII text and a trailing zero: the JSON is served exactly as captured.
    private const string CapturedJson =
        "{ \"type\" : \"ObjectEvent\",\n  \"note\": \"Café — «ünïcode» \\\"quoted\\\" \\u00e9 🐟\",\n  \"quantity\": 1.50 }";

    [Fact]
    public async Task EveryFieldComesBackAsStored()
    {
        var store = Store;
        var sent = new StoredEvent(
            EventId: Sample.Unique("evt"), OrgId: Sample.Unique("org"), EventType: "TransformationEvent",
            EventTime: Sample.T0.ToOffset(TimeSpan.FromHours(2)), RecordTime: Sample.T0.AddMinutes(3),
            BizStep: "transforming", Disposition: "active", BizLocation: "https://id.gs1.org/414/9521234000006",
            ReadPoint: "https://id.gs1.org/414/9521234000006/254/7",
            Epcs: [Sample.Sgtin("9"), Sample.Sgtin("1"), Sample.Sgtin("5")],
            EpcClasses: ["https://id.gs1.org/01/09521234543220/10/B2", "https://id.gs1.org/01/09521234543213/10/A1"],
            LotKeys: [Sample.LotKey("B2"), Sample.LotKey("A1")],
            External: true, Json: CapturedJson);
        await store.AppendAsync(new CaptureWrite([sent], [], null), Ct);

        var got = (await store.GetEventAsync(sent.EventId, Ct))!;

        Assert.Equal(sent.EventId, got.EventId);
        Assert.Equal(sent.OrgId, got.OrgId);
        Assert.Equal(sent.EventType, got.EventType);
        Assert.Equal(sent.EventTime, got.EventTime);
        Assert.Equal(sent.RecordTime, got.RecordTime);
        Assert.Equal(sent.BizStep, got.BizStep);
        Assert.Equal(sent.Disposition, got.Disposition);
        Assert.Equal(sent.BizLocation, got.BizLocation);
        Assert.Equal(sent.ReadPoint, got.ReadPoint);
        Assert.Equal(sent.Epcs, got.Epcs);
        Assert.Equal(sent.EpcClasses, got.EpcClasses);
        Assert.Equal(sent.LotKeys, got.LotKeys);
        Assert.True(got.External);
        Assert.Equal(Encoding.UTF8.GetBytes(CapturedJson), Encoding.UTF8.GetBytes(got.Json));
        Assert.True(got.Sequence > 0);
    }

    [Fact]
    public async Task AbsentOptionalFieldsComeBackNullAndEmptyListsEmpty()
    {
        var store = Store;
        var sent = Sample.Event(Sample.Unique("evt")) with
        {
            BizStep = null, Disposition = null, BizLocation = null, ReadPoint = null,
            Epcs = [], EpcClasses = [], LotKeys = [], External = false,
        };
        await store.AppendAsync(new CaptureWrite([sent], [], null), Ct);

        var got = (await store.GetEventAsync(sent.EventId, Ct))!;

        Assert.Null(got.BizStep);
        Assert.Null(got.Disposition);
        Assert.Null(got.BizLocation);
        Assert.Null(got.ReadPoint);
        Assert.Empty(got.Epcs);
        Assert.Empty(got.EpcClasses);
        Assert.Empty(got.LotKeys);
        Assert.False(got.External);
    }

    [Fact]
    public async Task TimesKeepMillisecondsAndDropFinerTicks()
    {
        var store = Store;
        var sent = Sample.Event(Sample.Unique("evt")) with
        {
            EventTime = Sample.T0.AddTicks(4321), RecordTime = Sample.T0.AddTicks(9999),
        };
        await store.AppendAsync(new CaptureWrite([sent], [], null), Ct);

        var got = (await store.GetEventAsync(sent.EventId, Ct))!;

        Assert.Equal(Sample.T0, got.EventTime);
        Assert.Equal(Sample.T0, got.RecordTime);
    }

    [Fact]
    public async Task TheStoredSequenceIsTheOneQueriesReport()
    {
        var store = Store;
        var sent = Sample.Event(Sample.Unique("evt"), Sample.Unique("org"));
        await store.AppendAsync(new CaptureWrite([sent], [], null), Ct);

        var got = (await store.GetEventAsync(sent.EventId, Ct))!;
        var queried = Assert.Single((await store.QueryEventsAsync(new EventQuery { OrgId = sent.OrgId }, Ct)).Events);

        Assert.Equal(queried.Sequence, got.Sequence);
    }

    [Fact]
    public async Task AnUnknownEventIdFindsNothing()
    {
        var store = Store;
        await store.AppendAsync(new CaptureWrite([Sample.Event(Sample.Unique("evt"))], [], null), Ct);

        Assert.Null(await store.GetEventAsync(Sample.Unique("missing"), Ct));
    }
}

public sealed class GetEventRoundTripsEveryFieldOnSqlite(SqliteStoreFixture fixture) : GetEventRoundTripsEveryField<SqliteStoreFixture>(fixture);

public sealed class GetEventRoundTripsEveryFieldOnMongo(MongoStoreFixture fixture) : GetEventRoundTripsEveryField<MongoStoreFixture>(fixture);
