using System.Globalization;
using System.Text.Json.Nodes;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Capture;
using Traceability.Domain.Consumer;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;
using Traceability.Storage;

namespace Traceability.Api.Recalls;

/// <summary>
/// Announces every recall as an EPCIS event, so subscribers learn of it the way they learn of anything else: an
/// ObjectEvent OBSERVE with disposition <c>recalled</c>, naming each recalled lot as a quantity class and each
/// recalled pallet or case (SSCC) in its epcList, with the recall's id, reason and class in the recall namespace. A
/// subscription matching the lots (MATCH_epcClass, MATCH_anyEPC) or recalls (EQ_disposition=recalled) receives it;
/// the recall's parties and regulators read it in full, everyone else its consumer view. It is stored and anchored as
/// the ordering organisation's record, but names no lot key, so it changes no lot, page, trace or FSMA export (the
/// recall record does that). Its id is its CBV hash, so announcing again stores nothing twice: every recall is
/// announced again at start, which covers a crash between the recall and its announcement.
/// </summary>
public sealed class RecallAnnouncer(
    ITraceStore store, OrganisationDirectory directory, Anchoring.AnchoringSignal anchoring, TimeProvider clock, ILogger<RecallAnnouncer> logger)
    : BackgroundService
{
    public const string Namespace = "https://traceability.example/ns/recall/1.0#";
    private const string Prefix = "recall";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var recall in await store.ListRecallsAsync(null, stoppingToken))
                await AnnounceAsync(recall, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "announcing recalls at start failed; each is announced again on the next start");
        }
    }

    /// <summary>Stores the recall's announcement unless it is stored already; returns its event id.</summary>
    public async Task<string> AnnounceAsync(Recall recall, CancellationToken cancellationToken)
    {
        var orgs = await directory.GetAsync(cancellationToken);
        var evt = Event(recall);
        var captured = CapturedEvent.Read(0, evt, EventScope.Standalone, null, clock.GetUtcNow());
        if ((await store.GetStoredFactsAsync([captured.EventId], cancellationToken)).Count > 0) return captured.EventId;

        var m = captured.Model;
        var writer = orgs.Get(recall.InitiatedByOrgId);
        var stored = new StoredEvent(
            captured.EventId, recall.InitiatedByOrgId, m.Type.ToString(), m.EventTime, clock.GetUtcNow(), null, m.Disposition, null, null,
            m.EpcList.Select(Domain.Custody.Identifiers.Canonical).ToList(),
            m.QuantityList.Select(q => Domain.Custody.Identifiers.Canonical(q.EpcClass)).ToList(),
            [], false, captured.Json.ToJsonString())
        {
            Standing = writer?.Role == OrgRole.Regulator ? EventStanding.Regulator : EventStanding.Custodian,
            // The recall's parties read the announcement in full, as they read the recall.
            PartyGlns = recall.PartyOrgIds.Select(orgs.Get).Select(o => o?.Gln).OfType<string>().Distinct().ToList(),
            ViewId = ConsumerView.Of(captured.Json)["eventID"]!.GetValue<string>(),
        };
        var appended = await store.AppendAsync(new CaptureWrite([stored], [], null), cancellationToken);
        if (appended.NewEventIds.Count > 0) anchoring.Notify();
        return captured.EventId;
    }

    /// <summary>The announcement of a recall, a valid EPCIS 2.0 event with its own @context.</summary>
    public static JsonObject Event(Recall recall)
    {
        var evt = new JsonObject
        {
            ["@context"] = new JsonArray(JsonLdContext.EpcisContextUri, new JsonObject { [Prefix] = Namespace }),
            ["type"] = "ObjectEvent",
            ["eventTime"] = recall.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["eventTimeZoneOffset"] = "+00:00",
            ["action"] = "OBSERVE",
        };
        if (recall.AffectedUnits.Count > 0)
            evt["epcList"] = new JsonArray(recall.AffectedUnits.Select(sscc => (JsonNode)$"https://id.gs1.org/00/{sscc}").ToArray());
        evt["disposition"] = "recalled";
        evt["quantityList"] = new JsonArray(recall.AffectedLots.Prepend(recall.Origin).DistinctBy(l => l.LotKey)
            .Select(l => (JsonNode)new JsonObject { ["epcClass"] = "https://id.gs1.org" + l.LotKey }).ToArray());
        evt[$"{Prefix}:recallId"] = recall.Id;
        evt[$"{Prefix}:reason"] = recall.Reason;
        evt[$"{Prefix}:classification"] = recall.Classification.ToString();
        var validation = EpcisValidator.ValidateEvent(evt);
        if (!validation.IsValid) throw new InvalidOperationException($"recall {recall.Id} gives an invalid announcement: {validation}");
        return evt;
    }
}
