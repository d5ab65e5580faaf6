using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;

namespace Traceability.Domain.Lab;

/// <summary>
/// The lab-result extension of EPCIS events: its namespace (the API lets only labs write events using it),
/// the prefix events built here declare for it, and the names of its fields.
/// </summary>
public static class LabResultExtension
{
    public const string Namespace = "https://traceability.example/ns/lab-result/1.0#";

    /// <summary>The prefix <see cref="LabResultEvent"/> declares in the event's @context.</summary>
    public const string Prefix = "lab";

    /// <summary>Sensor-report measurement type for microbial counts (CFU, MPN), which the GS1 vocabulary lacks.</summary>
    public const string MicrobialCountType = Namespace + "MicrobialCount";

    /// <summary>Local names of the extension's fields.</summary>
    internal static class Names
    {
        public const string SampleId = "sampleId";
        public const string Analyte = "analyte";
        public const string InchiKey = "inchiKey";
        public const string Method = "method";
        public const string Qualitative = "qualitativeResult";
        public const string Value = "value";
        public const string Unit = "unit";
        public const string Limit = "limit";
        public const string LimitUnit = "limitUnit";
        public const string LimitSource = "limitSource";
        public const string Verdict = "verdict";
        public const string KitLot = "kitLot";
        public const string KitExpiry = "kitExpiry";
        public const string ReferenceMaterial = "referenceMaterial";
        public const string Instrument = "instrument";
        public const string Analyst = "analyst";
        public const string TestSite = "testSite";
        public const string Vendor = "vendor";
        public const string SamplingOrderNo = "samplingOrderNo";
        public const string PhotoSha256 = "photoSha256";
        public const string RetestOf = "retestOf";
    }

    internal static string Compact(string localName) => Prefix + ":" + localName;

    /// <summary>
    /// The event's fields in the extension's namespace by local name, however the event names them: any prefix its
    /// @context maps to the namespace in any JSON-LD form (a lab capturing through /capture may choose its own), or
    /// the full IRI. Resolved by the one JSON-LD resolver, as the lab-only guard resolves them.
    /// </summary>
    internal static Dictionary<string, JsonNode?> FieldsOf(JsonObject evt)
    {
        var context = JsonLdContext.Epcis.With(evt["@context"]);
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in evt)
        {
            if (context.ExpandName(name) is { } iri && iri.StartsWith(Namespace, StringComparison.Ordinal))
                fields.TryAdd(iri[Namespace.Length..], value);
        }
        return fields;
    }

    /// <summary>
    /// Whether an event uses or even declares the extension, in any form JSON-LD allows: a field anywhere in it
    /// (nested objects and their embedded or term-scoped contexts included) that expands into the namespace, or a
    /// context in scope that maps any term or its vocabulary into it. Only labs may write such events.
    /// </summary>
    public static bool IsUsedBy(JsonObject evt, JsonLdContext context) =>
        context.MapsInto(NamespaceBase) || MembersUse(evt, context, 0);

    /// <summary>Every version of the extension, present and future, belongs to labs.</summary>
    private const string NamespaceBase = "https://traceability.example/ns/lab-result/";

    // The object's own @context is already part of context.
    private static bool MembersUse(JsonObject obj, JsonLdContext context, int depth)
    {
        foreach (var (name, value) in obj)
        {
            if (name == "@context") continue;
            if (context.ExpandName(name)?.StartsWith(NamespaceBase, StringComparison.Ordinal) == true) return true;
            if (ValueUses(value, context.ForProperty(name), depth + 1)) return true;
        }
        return false;
    }

    private static bool ValueUses(JsonNode? value, JsonLdContext context, int depth)
    {
        if (depth > 64) return true; // deeper than the body parser allows: never honest
        switch (value)
        {
            case JsonObject child:
                if (child.TryGetPropertyValue("@context", out var embedded) && embedded is not null)
                {
                    context = context.With(embedded);
                    if (context.MapsInto(NamespaceBase)) return true;
                }
                return MembersUse(child, context, depth);
            case JsonArray array:
                foreach (var item in array)
                    if (ValueUses(item, context, depth + 1)) return true;
                return false;
            default:
                return false;
        }
    }
}
