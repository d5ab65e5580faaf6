using System.Text.Json.Nodes;
using Traceability.Domain.Consumer;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Lab;
using Traceability.Domain.Trust;

namespace Traceability.Domain.Capture;

/// <summary>
/// A validated event as capture reads it, once: its CBV 2.0 id, the JSON that will be stored and served (the
/// document's @context merged in, eventID and recordTime set), the typed model, the one resolved JSON-LD scope,
/// what it does to lots, whether it uses the lab-result extension, the parties it names, and its stored text and
/// consumer view id. Everything after validation works from this; nothing re-reads the event. It is all made before
/// capture takes its write lock, so requests prepare their events side by side and the lock covers only the decision
/// and the append.
/// </summary>
public sealed record CapturedEvent(
    int Index,
    string EventId,
    JsonObject Json,
    EpcisEvent Model,
    EventScope Scope,
    LotEffects Effects,
    bool UsesLabExtension,
    IReadOnlyList<string> PartyGlns,
    string StoredJson,
    string ViewId)
{
    /// <summary>The view id for the standing capture decided: the prepared one, or a third party's (rare) made now.</summary>
    public string ViewIdFor(EventStanding standing) => standing == EventStanding.ThirdParty
        ? ConsumerView.Of(Json, Scope.Context, thirdParty: true)["eventID"]!.GetValue<string>()
        : ViewId;

    /// <param name="index">The event's position in its document (0 for a single event).</param>
    /// <param name="evt">The event as sent.</param>
    /// <param name="documentScope">The scope its document gives (resolved once per document), or <see cref="EventScope.Standalone"/>.</param>
    /// <param name="documentContext">The document's @context value, merged into the stored event so it stands alone.</param>
    public static CapturedEvent Read(int index, JsonObject evt, EventScope documentScope, JsonNode? documentContext, DateTimeOffset recordTime)
    {
        var scope = documentScope.ForEvent(evt);
        var eventId = EventHash.ComputeIdInScope(evt, scope);
        var json = (JsonObject)evt.DeepClone();
        json["eventID"] = eventId;
        json["recordTime"] = recordTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        if (documentContext is not null) json["@context"] = Merge(documentContext, json["@context"]);
        var model = EpcisEvent.FromJson(json);
        var parties = model.Sources.Concat(model.Destinations).Select(p => Identifiers.AnyGln(p.Id)).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var viewId = ConsumerView.Of(json, scope.Context)["eventID"]!.GetValue<string>();
        return new CapturedEvent(index, eventId, json, model, scope, CustodyRules.EffectsOf(model),
            LabResultExtension.IsUsedBy(evt, scope.Context), parties, json.ToJsonString(), viewId);
    }

    // The event's own entries come last so they override the document's, as JSON-LD scoping does.
    private static JsonArray Merge(JsonNode documentContext, JsonNode? eventContext)
    {
        var merged = new JsonArray();
        foreach (var part in new[] { documentContext, eventContext })
        {
            if (part is JsonArray array) foreach (var item in array) merged.Add(item?.DeepClone());
            else if (part is not null) merged.Add(part.DeepClone());
        }
        return merged;
    }
}
