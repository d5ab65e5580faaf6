using System.Text.Json.Nodes;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Storage;

namespace Traceability.Api.Capture;

/// <summary>A validated event with its CBV 2.0 id, its stored JSON and what it does to lots.</summary>
public sealed record PreparedEvent(string EventId, EpcisEvent Model, JsonObject Json, LotEffects Effects, bool IsLabResult)
{
    /// <summary>Namespace of the lab-result extension (only labs may write events that use it).</summary>
    public const string LabResultNamespace = "https://traceability.example/ns/lab-result/1.0#";

    public static PreparedEvent From(JsonObject evt, JsonObject? document, DateTimeOffset recordTime)
    {
        var eventId = EventHash.ComputeId(evt, document);
        var json = (JsonObject)evt.DeepClone();
        json["eventID"] = eventId;
        json["recordTime"] = recordTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        // The document's @context travels with the event so its extensions stay resolvable when served alone.
        if (document?["@context"] is { } context && !ReferenceEquals(document, evt))
            json["@context"] = Merge(context, json["@context"]);
        var model = EpcisEvent.FromJson(json);
        return new PreparedEvent(eventId, model, json, CustodyRules.EffectsOf(model), UsesLabNamespace(json));
    }

    public StoredEvent ToStored(string orgId, DateTimeOffset recordTime, bool external) => new(
        EventId,
        orgId,
        Model.Type.ToString(),
        Model.EventTime,
        recordTime,
        Model.BizStep,
        Model.Disposition,
        Model.BizLocation is null ? null : Identifiers.Canonical(Model.BizLocation),
        Model.ReadPoint is null ? null : Identifiers.Canonical(Model.ReadPoint),
        Model.EpcList.Concat(Model.ChildEpcs).Concat(Model.InputEpcList).Concat(Model.OutputEpcList)
            .Concat(Model.ParentId is null ? [] : [Model.ParentId]).Select(Identifiers.Canonical).Distinct().ToList(),
        Model.QuantityList.Concat(Model.ChildQuantityList).Concat(Model.InputQuantityList).Concat(Model.OutputQuantityList)
            .Select(q => Identifiers.Canonical(q.EpcClass)).Distinct().ToList(),
        Effects.Mentioned.Concat(Effects.Containers).Distinct().ToList(),
        external,
        Json.ToJsonString());

    private static bool UsesLabNamespace(JsonObject evt)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ctx in Contexts(evt["@context"]))
            foreach (var (prefix, value) in ctx)
                if (value is JsonValue v && v.TryGetValue<string>(out var iri) && iri == LabResultNamespace) prefixes.Add(prefix);
        return evt.Any(p => p.Key.StartsWith(LabResultNamespace, StringComparison.Ordinal)
            || (p.Key.IndexOf(':') is > 0 and var i && prefixes.Contains(p.Key[..i])));
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

    private static IEnumerable<JsonObject> Contexts(JsonNode? context) => context switch
    {
        JsonObject o => [o],
        JsonArray a => a.OfType<JsonObject>(),
        _ => [],
    };
}
