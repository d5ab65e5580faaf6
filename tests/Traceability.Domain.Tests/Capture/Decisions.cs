using System.Text.Json.Nodes;
using Traceability.Domain.Capture;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;

namespace Traceability.Domain.Tests.Capture;

/// <summary>Builds capture decisions from event JSON and a few lots, as the API loads them.</summary>
internal static class Decisions
{
    public static readonly DateTimeOffset RecordTime = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static Organisation Org(string id, OrgRole role, string? gln = null, params string[] prefixes) =>
        new(id, id, role, gln, "hash-" + id, "0x0", RecordTime) { CompanyPrefixes = prefixes };

    public static readonly Organisation Producer = Org("org-producer", OrgRole.Producer, "9506000000008", "950600");
    public static readonly Organisation OtherProducer = Org("org-farm", OrgRole.Producer, "9506000000107");
    public static readonly Organisation Retailer = Org("org-shop", OrgRole.Retailer, "9506000000206");
    public static readonly Organisation Lab = Org("org-lab", OrgRole.Lab, "9506000000305");
    public static readonly Organisation Regulator = Org("org-samr", OrgRole.Regulator);
    public static readonly Organisation[] All = [Producer, OtherProducer, Retailer, Lab, Regulator];

    public static CapturedEvent Event(string json, int index = 0) =>
        CapturedEvent.Read(index, JsonNode.Parse(json)!.AsObject(), EventScope.Standalone, null, RecordTime);

    public static LotState Lot(string key, string holder, params string[] custodians) =>
        Identifiers.SplitLot(key) is var (gtin, lot)
            ? new LotState(key, gtin, lot, holder, null, false, "ev-created", "ev-created") { Custodians = custodians.Length > 0 ? custodians : [holder] }
            : throw new ArgumentException(key);

    public static CapturePlan Decide(Organisation writer, IEnumerable<LotState> lots, params CapturedEvent[] events) =>
        Decide(writer, lots, new Dictionary<string, StoredEventFacts>(), events);

    public static CapturePlan Decide(
        Organisation writer, IEnumerable<LotState> lots, IReadOnlyDictionary<string, StoredEventFacts> stored, CapturedEvent[] events,
        ErrorBehaviour behaviour = ErrorBehaviour.Rollback)
    {
        var gtins = events.SelectMany(e => e.Effects.Created).Select(Identifiers.SplitLot).OfType<(string Gtin, string Lot)>()
            .Select(p => p.Gtin).Distinct().ToDictionary(g => g, g => GtinRights.Of(Traceability.Domain.Gs1.Gtin.Parse(g), All, null, []));
        var facts = new CaptureFacts(writer, lots.ToDictionary(l => l.LotKey), new Dictionary<string, IReadOnlyList<string>>(), stored, gtins,
            gln => All.FirstOrDefault(o => o.Gln == gln)?.Id);
        return CaptureDecider.Decide(facts, events, behaviour);
    }

    /// <summary>An ObjectEvent about one lot (quantityList), with the given action, bizStep and disposition.</summary>
    public static string ObjectEvent(string lotUri, string action = "OBSERVE", string? bizStep = null, string? disposition = null, string time = "2026-11-20T10:00:00Z") => $$"""
        { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "action": "{{action}}",
          "quantityList": [{ "epcClass": "{{lotUri}}" }]
          {{(bizStep is null ? "" : $", \"bizStep\": \"{bizStep}\"")}}{{(disposition is null ? "" : $", \"disposition\": \"{disposition}\"")}} }
        """;
}
