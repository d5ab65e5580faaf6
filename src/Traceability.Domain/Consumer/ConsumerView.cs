using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.JsonLd;

namespace Traceability.Domain.Consumer;

/// <summary>
/// The public twin of a stored event: itself a valid EPCIS 2.0 event with its own CBV 2.0 hash, holding only
/// what a shopper may see. Quantities, order and invoice numbers, read points, transformation ids and
/// partners' private extensions are left out. The twin names its original (<c>viewOf</c>) and is anchored
/// in the same tree, signed by the same organisation, so a phone can recompute its hash and check its
/// proof without ever receiving the confidential fields.
/// </summary>
/// <remarks>
/// An allow-list, so a field added to events later stays private until someone decides otherwise.
/// The rules are versioned by <see cref="Namespace"/>: a changed rule set gets a new namespace, and
/// views anchored under the old one are recomputed with the old rules.
/// </remarks>
public static class ConsumerView
{
    public const string Namespace = "https://traceability.example/ns/consumer-view/1.0#";
    public const string Prefix = "view";
    public const string LabNamespace = "https://traceability.example/ns/lab-result/1.0#";
    private const string EpcisContext = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private static readonly HashSet<string> KeptAsIs = new(StringComparer.Ordinal)
    {
        "type", "eventTime", "eventTimeZoneOffset", "action", "bizStep", "disposition", "persistentDisposition",
        "bizLocation", "parentID", "childEPCs", "epcList", "inputEPCList", "outputEPCList",
        "sourceList", "destinationList", "sensorElementList", "certificationInfo",
    };

    private static readonly string[] QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];

    // Consumer-facing master data about the objects (CBV master data attributes, by local name).
    private static readonly HashSet<string> PublicIlmd = new(StringComparer.Ordinal)
    {
        "bestBeforeDate", "itemExpirationDate", "sellByDate", "firstFreezeDate", "productionDate", "harvestStartDate",
        "harvestEndDate", "countryOfOrigin", "countryOfExport", "growingMethodCode", "preservationTechniqueCode",
    };

    // Lab-result fields that identify people, kits, vendors, internal samples or the test card's photo rather than the result.
    private static readonly HashSet<string> PrivateLabFields = new(StringComparer.Ordinal)
    {
        "sampleId", "kitLot", "kitExpiry", "analyst", "instrument", "vendor", "samplingOrderNo", "photoSha256",
    };

    /// <summary>The view of a stored event (one with its eventID and merged @context), with the view's own eventID.</summary>
    /// <param name="thirdParty">
    /// The writer stood outside the custody chain of every lot the event names: the view says so
    /// (<c>view:thirdParty</c>), and it is anchored with that, so nobody can later pass it off as the chain's own.
    /// </param>
    public static JsonObject Of(JsonObject stored, bool thirdParty = false) =>
        Of(stored, JsonLdContext.Epcis.With(stored?["@context"]), thirdParty);

    /// <summary>The view of an event whose JSON-LD context capture has resolved already (the stored event's).</summary>
    public static JsonObject Of(JsonObject stored, JsonLdContext context, bool thirdParty = false)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(context);
        var originalId = stored["eventID"]?.GetValue<string>() ?? throw new ArgumentException("the event has no eventID", nameof(stored));
        var view = new JsonObject { ["@context"] = ContextOf(stored["@context"]) };
        foreach (var (name, value) in stored)
        {
            if (KeptAsIs.Contains(name)) view[name] = value?.DeepClone();
            else if (QuantityLists.Contains(name) && value is JsonArray list) view[name] = ClassesOnly(list);
            else if (name == "ilmd" && value is JsonObject ilmd && PublicMasterData(ilmd) is { Count: > 0 } kept) view[name] = kept;
            else if (name == "errorDeclaration" && value is JsonObject declaration) view[name] = Declaration(declaration);
            else if (name == "bizTransactionList" && stored["type"]?.GetValue<string>() == "TransactionEvent" && value is JsonArray transactions)
                view[name] = Redacted(transactions); // required in a TransactionEvent: keep the kinds, hide the numbers
            else if (IsPublicLabField(name, context)) view[name] = value?.DeepClone();
            else if (name == "readPoint" && IsSensorOnly(stored)) view[name] = value?.DeepClone(); // required there
        }
        view[$"{Prefix}:viewOf"] = originalId;
        if (thirdParty) view[$"{Prefix}:thirdParty"] = true;
        // The view's context is the event's plus the view prefix, so its scope is derived, not resolved again.
        view["eventID"] = EventHash.ComputeIdInScope(view, new EventScope(context.With(ViewPrefixDefinition), EventScope.Standalone.IgnoredFields));
        return view;
    }

    /// <summary>The original event id a view was made from, or null when the object is no view.</summary>
    public static string? OriginalOf(JsonObject view) => view[$"{Prefix}:viewOf"]?.GetValue<string>();

    private static JsonArray ClassesOnly(JsonArray quantities) => new(quantities
        .OfType<JsonObject>()
        .Where(q => q["epcClass"] is not null)
        .Select(q => (JsonNode?)new JsonObject { ["epcClass"] = q["epcClass"]!.DeepClone() })
        .ToArray());

    private static bool IsSensorOnly(JsonObject e) =>
        e["epcList"] is not JsonArray { Count: > 0 } && e["quantityList"] is not JsonArray { Count: > 0 } && e["sensorElementList"] is not null;

    private static JsonArray Redacted(JsonArray transactions) => new(transactions
        .OfType<JsonObject>()
        .Select(t =>
        {
            var kept = new JsonObject { ["bizTransaction"] = "urn:traceability:redacted" };
            if (t["type"] is { } type) kept["type"] = type.DeepClone();
            return (JsonNode?)kept;
        })
        .ToArray());

    private static JsonObject PublicMasterData(JsonObject ilmd)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in ilmd)
            if (PublicIlmd.Contains(LocalName(name))) kept[name] = value?.DeepClone();
        return kept;
    }

    private static JsonObject Declaration(JsonObject declaration)
    {
        var kept = new JsonObject();
        foreach (var field in new[] { "declarationTime", "reason", "correctiveEventIDs" })
            if (declaration[field] is { } v) kept[field] = v.DeepClone();
        return kept;
    }

    // Resolved as the lab-only guard resolves it, so whatever it let through is what is shown here.
    private static bool IsPublicLabField(string name, JsonLdContext context) =>
        context.ExpandName(name) is { } iri && iri.StartsWith(LabNamespace, StringComparison.Ordinal)
        && !PrivateLabFields.Contains(iri[LabNamespace.Length..]);

    private static string LocalName(string name) => name[(Math.Max(name.LastIndexOfAny([':', '#', '/']), -1) + 1)..];

    private static readonly JsonObject ViewPrefixDefinition = new() { [Prefix] = Namespace };

    private static JsonArray ContextOf(JsonNode? context)
    {
        var array = context switch
        {
            JsonArray a => (JsonArray)a.DeepClone(),
            null => new JsonArray(),
            _ => new JsonArray(context.DeepClone()),
        };
        // An event may carry only its own prefixes (the EPCIS context came with its document): the view stands alone.
        if (!array.Any(c => c is JsonValue v && v.TryGetValue<string>(out var uri) && uri == EpcisContext))
            array.Insert(0, EpcisContext);
        array.Add(new JsonObject { [Prefix] = Namespace });
        return array;
    }
}
