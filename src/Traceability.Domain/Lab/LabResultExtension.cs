using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

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
    }

    internal static string Compact(string localName) => Prefix + ":" + localName;

    /// <summary>
    /// The value of an extension field of <paramref name="evt"/>, written with any prefix its @context maps to the
    /// namespace (a lab capturing through /capture may choose its own) or as a full IRI.
    /// </summary>
    internal static JsonNode? Field(JsonObject evt, string localName)
    {
        if (evt.TryGetPropertyValue(Namespace + localName, out var full))
            return full;
        foreach (var prefix in PrefixesOf(evt))
        {
            if (evt.TryGetPropertyValue(prefix + ":" + localName, out var value))
                return value;
        }
        return null;
    }

    internal static bool IsDeclaredIn(JsonObject evt) => PrefixesOf(evt).Any();

    private static IEnumerable<string> PrefixesOf(JsonObject evt)
    {
        IEnumerable<JsonNode?> contexts = evt["@context"] switch
        {
            JsonArray list => list,
            JsonNode single => [single],
            null => [],
        };
        foreach (var context in contexts.OfType<JsonObject>())
        {
            foreach (var (term, definition) in context)
            {
                var iri = JsonValues.StringOrNull(definition) ?? JsonValues.StringOrNull((definition as JsonObject)?["@id"]);
                if (iri == Namespace)
                    yield return term;
            }
        }
    }
}
