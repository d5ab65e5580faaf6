using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// Parameters named after a field: business transactions, sources and destinations by type
/// (<c>EQ_bizTransaction_po</c>, <c>EQ_source_owning_party</c>), and user extension fields
/// (<c>EQ_ex:temperature</c>, <c>GE_ILMD_cbvmda:bestBeforeDate</c>, <c>EXISTS_INNER_ex:batch</c>,
/// <c>EQ_SENSORREPORT_ex:calibration</c> …) at the top of the event, its ILMD, its error declaration, its sensor
/// element, metadata or reports, its read point or business location, or (INNER_) nested at any depth below them.
/// A field is named by a compact IRI whose prefix the client declares (GS1-Extensions, the query's @context) or the
/// EPCIS context defines, and matched by the IRI each event's own @context gives its keys; a prefix nobody declared
/// matches keys written exactly so.
/// </summary>
internal static partial class ExtensionConditions
{
    public static bool TryAdd(QueryBuilder builder, string name, IReadOnlyList<string> values)
    {
        var typed = TypedListParameter().Match(name);
        if (typed.Success)
        {
            AddTypedList(builder, typed.Groups[1].Value, typed.Groups[2].Value, values);
            return true;
        }
        var match = FieldParameter().Match(name);
        if (!match.Success) return false;
        var op = match.Groups[1].Value;
        var inner = match.Groups[2].Success;
        var scope = match.Groups[3].Value;
        var field = match.Groups[4].Value;
        var iri = Resolve(field, builder.Prefixes);
        Func<JsonValue, bool> test;
        switch (op)
        {
            case "EXISTS":
                if (!builder.Flag(name, values)) return true;
                test = _ => true;
                break;
            case "EQ":
                test = v => QueryValues.EqualsAny(v, values);
                break;
            default:
                if (builder.Single(name, values) is not { } text) return true;
                if (!QueryValues.TryBound(text, out var bound))
                {
                    builder.Error(name, $"{JsonValues.Quote(text)} is neither a number nor {Rfc3339.Expected}");
                    return true;
                }
                test = v => QueryValues.Compare(v, bound) is { } c && QueryValues.Holds(c, op);
                break;
        }
        var exists = op == "EXISTS";
        builder.Condition(e => Scopes(e, scope).Any(holder => Fields(holder, e.Context, field, iri, inner)
            .Any(value => exists || QueryValues.Scalars(value).Any(test))));
        return true;
    }

    private static void AddTypedList(QueryBuilder builder, string list, string type, IReadOnlyList<string> values)
    {
        switch (list)
        {
            case "bizTransaction":
                var transactionType = EventQueryParser.CbvUri(CbvVocabulary.BizTransactionType, type);
                builder.Condition(e => e.Model.BizTransactions.Any(t => t.Type == transactionType && values.Contains(t.Value, StringComparer.Ordinal)));
                break;
            default:
                var partyType = EventQueryParser.CbvUri(CbvVocabulary.SourceDestType, type);
                var ids = values.Select(EventQueryParser.Canonical).ToHashSet(StringComparer.Ordinal);
                builder.Condition(e => (list == "source" ? e.Model.Sources : e.Model.Destinations)
                    .Any(p => p.Type == partyType && ids.Contains(EventQueryParser.Canonical(p.Id))));
                break;
        }
    }

    /// <summary>The IRI a field name stands for, or null when its prefix is nobody's (then only the exact key matches).</summary>
    private static string? Resolve(string field, IReadOnlyDictionary<string, string> prefixes)
    {
        var colon = field.IndexOf(':');
        if (prefixes.TryGetValue(field[..colon], out var ns)) return ns + field[(colon + 1)..];
        if (JsonLdContext.Epcis.TryExpandCompact(field, out var standard, out var local)) return standard + local;
        return field.Contains("://", StringComparison.Ordinal) ? field : null;
    }

    private static IEnumerable<JsonObject> Scopes(ServedEvent e, string scope) => scope switch
    {
        "" => [e.Json],
        "ILMD_" => e.Json["ilmd"] is JsonObject ilmd ? [ilmd] : [],
        "ERROR_DECLARATION_" => e.Json["errorDeclaration"] is JsonObject d ? [d] : [],
        "SENSORELEMENT_" => SensorConditions.Elements(e),
        "SENSORMETADATA_" => SensorConditions.Metadata(e),
        "SENSORREPORT_" => SensorConditions.Reports(e),
        "readPoint_" => e.Json["readPoint"] is JsonObject rp ? [rp] : [],
        _ => e.Json["bizLocation"] is JsonObject bl ? [bl] : [],
    };

    /// <summary>The values of the field in <paramref name="holder"/> (or, inner, anywhere below its members).</summary>
    private static IEnumerable<JsonNode?> Fields(JsonObject holder, JsonLdContext context, string field, string? iri, bool inner)
    {
        foreach (var (key, value) in holder)
        {
            if (key.StartsWith('@')) continue;
            if (!inner)
            {
                if (Is(key, context, field, iri)) yield return value;
            }
            else
            {
                foreach (var nested in Below(value, context, field, iri, depth: 0)) yield return nested;
            }
        }
    }

    private static IEnumerable<JsonNode?> Below(JsonNode? node, JsonLdContext context, string field, string? iri, int depth)
    {
        if (depth > 32) yield break;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.StartsWith('@')) continue;
                    if (Is(key, context, field, iri)) yield return value;
                    foreach (var deeper in Below(value, context, field, iri, depth + 1)) yield return deeper;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var deeper in Below(item, context, field, iri, depth + 1)) yield return deeper;
                }
                break;
        }
    }

    private static bool Is(string key, JsonLdContext context, string field, string? iri) =>
        key == field || (iri is not null && context.ExpandName(key) == iri);

    [GeneratedRegex("^EQ_(bizTransaction|source|destination)_(.+)$")]
    private static partial Regex TypedListParameter();

    [GeneratedRegex("^(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|SENSORELEMENT_|SENSORMETADATA_|SENSORREPORT_|readPoint_|bizLocation_)?([A-Za-z][A-Za-z0-9._-]*:[^\\s]+)$")]
    private static partial Regex FieldParameter();
}
