using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Epcis.Query;

/// <summary>How query values compare with event values: identifiers in canonical form, EPC patterns, numbers, times.</summary>
internal static class QueryValues
{
    /// <summary>
    /// An identifier or EPC pattern as it is matched: the canonical Digital Link of a GS1 key, and for an
    /// <c>urn:epc:idpat:…:*</c> pattern the canonical form of what it names, to be matched as a prefix.
    /// </summary>
    public sealed record IdPattern(string Canonical, bool IsPattern)
    {
        public bool Matches(string id)
        {
            var canonical = Identifiers.Canonical(id);
            return canonical == Canonical || (IsPattern && canonical.StartsWith(Canonical + "/", StringComparison.Ordinal));
        }
    }

    public static IdPattern Pattern(string value)
    {
        var isPattern = value.StartsWith("urn:epc:idpat:", StringComparison.Ordinal) && value.EndsWith(".*", StringComparison.Ordinal);
        if (isPattern && EpcUrn.TryToDigitalLinkUri(value, out var uri)) return new IdPattern(uri, true);
        return new IdPattern(Identifiers.Canonical(value), false);
    }

    public static bool TryTime(string text, out DateTimeOffset time) => Rfc3339.TryParse(text, out time);

    public static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    /// <summary>The scalar values a field holds: its value, each item of an array, or an XML-born value object's @value.</summary>
    public static IEnumerable<JsonValue> Scalars(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v:
                yield return v;
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var v in Scalars(item)) yield return v;
                }
                break;
            case JsonObject obj when obj["@value"] is JsonValue inner:
                yield return inner;
                break;
        }
    }

    /// <summary>EQ on a field: its text equals one of the values, or its number equals one read as a number.</summary>
    public static bool EqualsAny(JsonValue value, IReadOnlyList<string> wanted)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return wanted.Contains(text, StringComparer.Ordinal)
                    || (TryNumber(text, out var n) && wanted.Any(w => TryNumber(w, out var m) && m == n));
            case JsonValueKind.Number:
                return JsonValues.TryGetDecimal(value, out var number) && wanted.Any(w => TryNumber(w, out var m) && m == number);
            case JsonValueKind.True:
                return wanted.Contains("true", StringComparer.OrdinalIgnoreCase);
            case JsonValueKind.False:
                return wanted.Contains("false", StringComparer.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    /// <summary>GT/GE/LT/LE on a field of type Int, Float or Time: -1, 0, 1 against the bound, null when not comparable.</summary>
    public static int? Compare(JsonValue value, Bound bound)
    {
        if (bound.Time is { } t)
            return JsonValues.StringOrNull(value) is { } s && TryTime(s, out var time) ? time.CompareTo(t) : null;
        if (JsonValues.TryGetDecimal(value, out var number)) return number.CompareTo(bound.Number);
        return JsonValues.StringOrNull(value) is { } text && TryNumber(text, out var parsed) ? parsed.CompareTo(bound.Number) : null;
    }

    /// <summary>A comparison bound: a time when the value reads as one, else a number.</summary>
    public sealed record Bound(decimal Number, DateTimeOffset? Time);

    public static bool TryBound(string text, out Bound bound)
    {
        if (TryTime(text, out var time))
        {
            bound = new Bound(0, time);
            return true;
        }
        var ok = TryNumber(text, out var number);
        bound = new Bound(number, null);
        return ok;
    }

    public static bool Holds(int comparison, string op) => op switch
    {
        "GT" => comparison > 0,
        "GE" => comparison >= 0,
        "LT" => comparison < 0,
        "LE" => comparison <= 0,
        _ => comparison == 0,
    };
}
