using Traceability.Domain.Organisations;

namespace Traceability.Storage.Tests;

/// <summary>Test data. Times have whole milliseconds: both stores keep millisecond precision.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string Sgtin(string serial) => $"https://id.gs1.org/01/09521234543213/21/{serial}";

    public static string LotKey(string lot) => $"/01/09521234543213/10/{lot}";

    public static StoredEvent Event(string eventId, string orgId = "org-producer") => new(
        EventId: eventId,
        OrgId: orgId,
        EventType: "ObjectEvent",
        EventTime: T0,
        RecordTime: T0.AddSeconds(5),
        BizStep: "commissioning",
        Disposition: "active",
        BizLocation: "https://id.gs1.org/414/9521234000006",
        ReadPoint: "https://id.gs1.org/414/9521234000006/254/1",
        Epcs: [Sgtin("1001")],
        EpcClasses: [],
        LotKeys: [],
        External: false,
        Json: $$"""{"type":"ObjectEvent","eventID":"{{eventId}}","action":"ADD"}""");

    public static Organisation Organisation(string? gln = null, DateTimeOffset? createdAt = null)
    {
        var id = Unique("org");
        return new Organisation(
            id, $"Farm {id}", OrgRole.Producer, gln, Unique("hash"), "0x" + Guid.NewGuid().ToString("N")[..20].PadLeft(40, '0'),
            createdAt ?? T0);
    }

    public static LotState Lot(string lotKey, string firstEventId) => new(
        lotKey, "09521234543213", lotKey.Split('/')[^1], "org-producer", null, false, firstEventId, firstEventId);

    public static CaptureJob Job(string captureId, params string[] eventIds) => new(
        captureId, "org-producer", T0, null, CaptureJobStatus.Running, "rollback", eventIds.Length, eventIds, []);

    public static string Gln() => Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString();
}
