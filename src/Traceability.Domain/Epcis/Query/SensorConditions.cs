using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// The sensor parameters of the EPCIS 2.0 query language: attributes of sensorMetadata and sensorReport
/// (EQ_type, EQ_deviceID …, GE_time, GE_startTime …), reading values by unit (<c>GE_value_CEL</c>, <c>LT_maxValue_KGM</c>
/// …; units compared as written, not converted), percRank, and EXISTS_sensorElementList.
/// </summary>
internal static partial class SensorConditions
{
    public static bool TryAdd(QueryBuilder builder, string name, IReadOnlyList<string> values)
    {
        switch (name)
        {
            case "EXISTS_sensorElementList":
                if (builder.Flag(name, values)) builder.Condition(e => e.Json["sensorElementList"] is JsonArray { Count: > 0 });
                return true;
            case "EQ_type":
                var types = values.Select(CbvXml.Gs1TermToJson).ToHashSet(StringComparer.Ordinal);
                builder.Condition(e => Reports(e).Any(r => JsonValues.StringOrNull(r["type"]) is { } t && types.Contains(CbvXml.Gs1TermToJson(t))));
                return true;
            case "EQ_deviceID" or "EQ_dataProcessingMethod" or "EQ_bizRules":
                // Attributes of both the metadata and each report.
                var attribute = name[3..];
                builder.Condition(e => Metadata(e).Concat(Reports(e)).Any(x => Equal(x[attribute], values)));
                return true;
            case "EQ_microorganism" or "EQ_chemicalSubstance" or "EQ_stringValue" or "EQ_hexBinaryValue" or "EQ_uriValue":
                var reportAttribute = name[3..];
                var hex = name == "EQ_hexBinaryValue";
                builder.Condition(e => Reports(e).Any(r => JsonValues.StringOrNull(r[reportAttribute]) is { } v
                    && values.Contains(v, hex ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)));
                return true;
            case "EQ_booleanValue":
                if (builder.Single(name, values) is not { } flag) return true;
                if (flag is not ("true" or "false"))
                {
                    builder.Error(name, "must be true or false");
                    return true;
                }
                builder.Condition(e => Reports(e).Any(r => JsonValues.IsBoolean(r["booleanValue"]) && r["booleanValue"]!.GetValue<bool>() == (flag == "true")));
                return true;
            case "GE_time" or "LT_time":
                if (builder.Time(name, values) is not { } time) return true;
                builder.Condition(e => Metadata(e).Concat(Reports(e)).Any(x => TimeHolds(x["time"], time, name[0] == 'G')));
                return true;
            case "GE_startTime" or "LT_startTime" or "GE_endTime" or "LT_endTime":
                if (builder.Time(name, values) is not { } bound) return true;
                var field = name[3..];
                builder.Condition(e => Metadata(e).Any(m => TimeHolds(m[field], bound, name[0] == 'G')));
                return true;
        }
        var percRank = PercRankParameter().Match(name);
        if (percRank.Success)
        {
            if (builder.Number(name, values) is { } rank)
                builder.Condition(e => Reports(e).Any(r => JsonValues.TryGetDecimal(r["percRank"], out var v) && QueryValues.Holds(v.CompareTo(rank), percRank.Groups[1].Value)));
            return true;
        }
        var reading = ValueParameter().Match(name);
        if (!reading.Success) return false;
        var (op, attr, uom) = (reading.Groups[1].Value, reading.Groups[2].Value, reading.Groups[3].Value);
        if (op == "EQ")
        {
            var wanted = builder.Numbers(name, values);
            builder.Condition(e => Reports(e, uom).Any(r => JsonValues.TryGetDecimal(r[attr], out var v) && wanted.Contains(v)));
        }
        else if (builder.Number(name, values) is { } limit)
        {
            builder.Condition(e => Reports(e, uom).Any(r => JsonValues.TryGetDecimal(r[attr], out var v) && QueryValues.Holds(v.CompareTo(limit), op)));
        }
        return true;
    }

    internal static IEnumerable<JsonObject> Elements(ServedEvent e) =>
        e.Json["sensorElementList"] is JsonArray list ? list.OfType<JsonObject>() : [];

    internal static IEnumerable<JsonObject> Metadata(ServedEvent e) =>
        Elements(e).Select(s => s["sensorMetadata"]).OfType<JsonObject>();

    internal static IEnumerable<JsonObject> Reports(ServedEvent e) =>
        Elements(e).SelectMany(s => s["sensorReport"] is JsonArray reports ? reports.OfType<JsonObject>() : []);

    private static IEnumerable<JsonObject> Reports(ServedEvent e, string uom) =>
        Reports(e).Where(r => JsonValues.StringOrNull(r["uom"]) == uom);

    private static bool Equal(JsonNode? node, IReadOnlyList<string> values) =>
        JsonValues.StringOrNull(node) is { } v && values.Contains(v, StringComparer.Ordinal);

    private static bool TimeHolds(JsonNode? node, DateTimeOffset bound, bool atOrAfter) =>
        JsonValues.StringOrNull(node) is { } s && QueryValues.TryTime(s, out var t) && (atOrAfter ? t >= bound : t < bound);

    [GeneratedRegex("^(GT|GE|LT|LE)_percRank$")]
    private static partial Regex PercRankParameter();

    [GeneratedRegex("^(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue)_([A-Z0-9]{2,4})$")]
    private static partial Regex ValueParameter();
}
