using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// Reads the query parameters of an EPCIS 2.0 SimpleEventQuery, from a URL query string (lists pipe-delimited) or from
/// the binding's JSON query object (lists as arrays, with an optional @context for prefixes), into an
/// <see cref="EpcisEventQuery"/>. Every parameter the binding lists is understood; an unknown name, a bad value or a
/// parameter this repository cannot answer is an <c>epcisException:QueryParameterException</c> naming each one.
/// </summary>
public static class EventQueryParser
{
    public const string ParameterException = "epcisException:QueryParameterException";

    /// <summary>The largest eventCountLimit or maxEventCount accepted.</summary>
    public const int MaxCount = 1_000_000;

    /// <param name="parameters">Each parameter with its values (a URL list already split at '|').</param>
    /// <param name="prefixes">Prefixes the client declared (GS1-Extensions header, the query's @context).</param>
    public static EpcisEventQuery Parse(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> parameters, IReadOnlyDictionary<string, string> prefixes)
    {
        var builder = new QueryBuilder(prefixes);
        foreach (var (name, values) in parameters) builder.Add(name, values);
        return builder.Build();
    }

    /// <summary>The binding's JSON query object (<c>{"eventType": ["ObjectEvent"], "GE_eventTime": "…"}</c>).</summary>
    public static EpcisEventQuery Parse(JsonObject query, IReadOnlyDictionary<string, string> prefixes) =>
        Parse(Flatten(query, out var own), Merge(prefixes, own));

    /// <summary>The parameters of a JSON query object as name and values; its @context's prefixes come out apart.</summary>
    public static List<KeyValuePair<string, IReadOnlyList<string>>> Flatten(JsonObject query, out IReadOnlyDictionary<string, string> prefixes)
    {
        var list = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var (name, value) in query)
        {
            if (name == "@context")
            {
                ReadContext(value, own, errors);
                continue;
            }
            var values = value switch
            {
                JsonArray array => array.Select(Text).ToList(),
                null => [""],
                _ => [Text(value)],
            };
            if (values.Any(v => v is null)) errors.Add(new FieldError(name, "values must be strings, numbers or booleans"));
            else list.Add(KeyValuePair.Create(name, (IReadOnlyList<string>)values!));
        }
        if (errors.Count > 0) throw Problem(errors);
        prefixes = own;
        return list;
    }

    /// <summary>Prefixes of a GS1-Extensions header: <c>ex=https://example.org/ns/, ex2=…</c>.</summary>
    public static IReadOnlyDictionary<string, string> ExtensionPrefixes(IEnumerable<string> headerValues)
    {
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var item in headerValues.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = item.IndexOf('=');
            var prefix = eq > 0 ? item[..eq].Trim() : "";
            var ns = eq > 0 ? item[(eq + 1)..].Trim() : "";
            if (prefix.Length == 0 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || !Uri.IsWellFormedUriString(ns, UriKind.Absolute))
                errors.Add(new FieldError("GS1-Extensions", $"{JsonValues.Quote(item)} is not prefix=namespace-URI"));
            else prefixes[prefix] = ns;
        }
        if (errors.Count > 0) throw TraceError.Invalid("bad-request", "the GS1-Extensions header is not valid", errors);
        return prefixes;
    }

    internal static TraceError Problem(IReadOnlyList<FieldError> errors) => TraceError.Invalid(ParameterException,
        $"query parameter(s) not accepted: {string.Join(", ", errors.Select(e => e.Path).Distinct())}", errors);

    private static string? Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    private static void ReadContext(JsonNode? context, Dictionary<string, string> prefixes, List<FieldError> errors)
    {
        foreach (var part in context is JsonArray array ? array.ToList() : [context])
        {
            if (part is JsonValue) continue; // a context URI: the standard one adds nothing the parser does not know
            if (part is not JsonObject map)
            {
                errors.Add(new FieldError("@context", "must be a URI, an object of prefix definitions or an array of those"));
                continue;
            }
            foreach (var (prefix, ns) in map)
            {
                var iri = JsonValues.StringOrNull(ns) ?? JsonValues.StringOrNull((ns as JsonObject)?["@id"]);
                if (iri is null) errors.Add(new FieldError($"@context.{prefix}", "a prefix maps to a namespace URI"));
                else prefixes[prefix] = iri;
            }
        }
    }

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> outer, IReadOnlyDictionary<string, string> inner)
    {
        if (inner.Count == 0) return outer;
        var merged = new Dictionary<string, string>(outer, StringComparer.Ordinal);
        foreach (var (k, v) in inner) merged[k] = v;
        return merged;
    }

    /// <summary>Standard CBV values in any spelling (bare, URN, Web URI, cbv: CURIE) as the full CBV URI.</summary>
    internal static string CbvUri(CbvVocabulary vocabulary, string value) => Cbv.ToUri(vocabulary, CbvXml.ToJson(vocabulary, value) ?? value);

    internal static string Canonical(string id) => Identifiers.Canonical(id);

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
