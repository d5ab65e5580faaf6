using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Model;

/// <summary>
/// A typed, read-only view of an EPCIS 2.0 event that has passed <see cref="EpcisValidator"/>.
/// CBV values are given as full CBV URIs (https://ref.gs1.org/cbv/BizStep-shipping); other values as sent.
/// </summary>
public sealed class EpcisEvent
{
    private EpcisEvent(JsonObject json) => Json = json;

    public EventType Type { get; private init; }
    public DateTimeOffset EventTime { get; private init; }
    public string EventTimeZoneOffset { get; private init; } = "";
    public string? Action { get; private init; }
    public string? BizStep { get; private init; }
    public string? Disposition { get; private init; }
    public string? ReadPoint { get; private init; }
    public string? BizLocation { get; private init; }
    public string? ParentId { get; private init; }
    public string? TransformationId { get; private init; }
    public bool HasErrorDeclaration { get; private init; }
    public IReadOnlyList<string> EpcList { get; private init; } = [];
    public IReadOnlyList<string> ChildEpcs { get; private init; } = [];
    public IReadOnlyList<string> InputEpcList { get; private init; } = [];
    public IReadOnlyList<string> OutputEpcList { get; private init; } = [];
    public IReadOnlyList<QuantityElement> QuantityList { get; private init; } = [];
    public IReadOnlyList<QuantityElement> ChildQuantityList { get; private init; } = [];
    public IReadOnlyList<QuantityElement> InputQuantityList { get; private init; } = [];
    public IReadOnlyList<QuantityElement> OutputQuantityList { get; private init; } = [];
    public IReadOnlyList<BizTransaction> BizTransactions { get; private init; } = [];
    public IReadOnlyList<SourceDest> Sources { get; private init; } = [];
    public IReadOnlyList<SourceDest> Destinations { get; private init; } = [];

    /// <summary>The event as received; the view never modifies it.</summary>
    public JsonObject Json { get; }

    /// <summary>
    /// Builds the view. The event must have been validated: this only guards against what would make the
    /// view meaningless (unknown type, unreadable eventTime) and otherwise ignores what it cannot read.
    /// </summary>
    /// <exception cref="ArgumentException">The type or eventTime is missing or malformed.</exception>
    public static EpcisEvent FromJson(JsonObject evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var type = JsonValues.StringOrNull(evt["type"]) is { } typeName ? EventFields.ParseType(typeName) : null;
        if (type is null)
        {
            throw new ArgumentException("not a validated EPCIS event: unknown or missing type", nameof(evt));
        }
        if (JsonValues.StringOrNull(evt["eventTime"]) is not { } time || !Rfc3339.TryParse(time, out var eventTime))
        {
            throw new ArgumentException("not a validated EPCIS event: missing or malformed eventTime", nameof(evt));
        }

        return new EpcisEvent(evt)
        {
            Type = type.Value,
            EventTime = eventTime,
            EventTimeZoneOffset = JsonValues.StringOrNull(evt["eventTimeZoneOffset"]) ?? "",
            Action = JsonValues.StringOrNull(evt["action"]),
            BizStep = CbvValue(CbvVocabulary.BizStep, evt["bizStep"]),
            Disposition = CbvValue(CbvVocabulary.Disposition, evt["disposition"]),
            ReadPoint = JsonValues.StringOrNull((evt["readPoint"] as JsonObject)?["id"]),
            BizLocation = JsonValues.StringOrNull((evt["bizLocation"] as JsonObject)?["id"]),
            ParentId = JsonValues.StringOrNull(evt["parentID"]),
            TransformationId = JsonValues.StringOrNull(evt["transformationID"]),
            HasErrorDeclaration = evt["errorDeclaration"] is JsonObject,
            EpcList = Strings(evt["epcList"]),
            ChildEpcs = Strings(evt["childEPCs"]),
            InputEpcList = Strings(evt["inputEPCList"]),
            OutputEpcList = Strings(evt["outputEPCList"]),
            QuantityList = Quantities(evt["quantityList"]),
            ChildQuantityList = Quantities(evt["childQuantityList"]),
            InputQuantityList = Quantities(evt["inputQuantityList"]),
            OutputQuantityList = Quantities(evt["outputQuantityList"]),
            BizTransactions = BizTransactionList(evt["bizTransactionList"]),
            Sources = Parties(evt["sourceList"], "source"),
            Destinations = Parties(evt["destinationList"], "destination"),
        };
    }

    /// <summary>
    /// Every identifier the event is about, instance-level (epcList, childEPCs, parentID, input/output
    /// lists) then class-level (the epcClass of every quantity list), each once, in that order.
    /// </summary>
    public IEnumerable<string> AllEpcs()
    {
        IEnumerable<string> parent = ParentId is null ? [] : [ParentId];
        var classes = QuantityList.Concat(ChildQuantityList).Concat(InputQuantityList).Concat(OutputQuantityList)
            .Select(q => q.EpcClass);
        return EpcList.Concat(ChildEpcs).Concat(parent).Concat(InputEpcList).Concat(OutputEpcList)
            .Concat(classes)
            .Distinct(StringComparer.Ordinal);
    }

    private static string? CbvValue(CbvVocabulary vocabulary, JsonNode? node) =>
        JsonValues.StringOrNull(node) is { } value ? Cbv.ToUri(vocabulary, value) : null;

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray list ? list.Select(JsonValues.StringOrNull).OfType<string>().ToArray().AsReadOnly() : [];

    private static IReadOnlyList<QuantityElement> Quantities(JsonNode? node) =>
        node is JsonArray list
            ? list.OfType<JsonObject>()
                .Where(q => JsonValues.StringOrNull(q["epcClass"]) is not null)
                .Select(q => new QuantityElement(
                    JsonValues.StringOrNull(q["epcClass"])!,
                    JsonValues.TryGetDecimal(q["quantity"], out var quantity) ? quantity : null,
                    JsonValues.StringOrNull(q["uom"])))
                .ToArray().AsReadOnly()
            : [];

    private static IReadOnlyList<BizTransaction> BizTransactionList(JsonNode? node) =>
        node is JsonArray list
            ? list.OfType<JsonObject>()
                .Where(t => JsonValues.StringOrNull(t["bizTransaction"]) is not null)
                .Select(t => new BizTransaction(
                    JsonValues.StringOrNull(t["type"]) is { } type ? Cbv.ToUri(CbvVocabulary.BizTransactionType, type) : null,
                    JsonValues.StringOrNull(t["bizTransaction"])!))
                .ToArray().AsReadOnly()
            : [];

    private static IReadOnlyList<SourceDest> Parties(JsonNode? node, string idName) =>
        node is JsonArray list
            ? list.OfType<JsonObject>()
                .Where(p => JsonValues.StringOrNull(p["type"]) is not null && JsonValues.StringOrNull(p[idName]) is not null)
                .Select(p => new SourceDest(
                    Cbv.ToUri(CbvVocabulary.SourceDestType, JsonValues.StringOrNull(p["type"])!),
                    JsonValues.StringOrNull(p[idName])!))
                .ToArray().AsReadOnly()
            : [];
}
