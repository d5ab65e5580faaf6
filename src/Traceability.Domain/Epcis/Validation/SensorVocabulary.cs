using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Sensor report types and alert types come from the GS1 Web Vocabulary (https://gs1.org/voc/), not the
/// CBV: bare ("Temperature"), compact ("gs1:Temperature") or, for other vocabularies, any absolute URI.
/// </summary>
internal static class SensorVocabulary
{
    private const string Gs1Compact = "gs1:";
    private const string Gs1Namespace = "https://gs1.org/voc/";

    /// <summary>
    /// The GS1 Web Vocabulary's measurement types are extended independently of EPCIS (the 2.0 context
    /// lists 72; feeds use newer ones such as EffectiveDoseRate), so any well-formed GS1 type name is
    /// accepted: an upper-case letter, then letters, digits or underscores.
    /// </summary>
    public static void MeasurementType(JsonNode? node, string path, ErrorList errors)
    {
        var value = ValueRules.String(node, path, errors, "a GS1 measurement type such as Temperature, or an absolute URI");
        if (value is null || IsGs1TypeName(Gs1Term(value)))
        {
            return;
        }
        if (IsGs1(value) || !UriSyntax.IsAbsolute(value))
        {
            errors.Add(path, $"{JsonValues.Quote(value)} is neither a GS1 measurement type (e.g. Temperature, Mass, RelativeHumidity) nor an absolute URI");
        }
    }

    public static void AlertType(JsonNode? node, string path, ErrorList errors)
    {
        var value = ValueRules.String(node, path, errors, "ALARM_CONDITION, ERROR_CONDITION or an absolute URI");
        if (value is null || Gs1Term(value) is "ALARM_CONDITION" or "ERROR_CONDITION")
        {
            return;
        }
        if (IsGs1(value) || !UriSyntax.IsAbsolute(value))
        {
            errors.Add(path, $"{JsonValues.Quote(value)} is neither ALARM_CONDITION, ERROR_CONDITION nor an absolute URI");
        }
    }

    private static bool IsGs1(string value) =>
        value.StartsWith(Gs1Compact, StringComparison.Ordinal) || value.StartsWith(Gs1Namespace, StringComparison.Ordinal);

    /// <summary>The term of a bare, gs1: or https://gs1.org/voc/ value; other URIs give an empty span.</summary>
    private static ReadOnlySpan<char> Gs1Term(string value)
    {
        if (value.StartsWith(Gs1Compact, StringComparison.Ordinal))
        {
            return value.AsSpan(Gs1Compact.Length);
        }
        if (value.StartsWith(Gs1Namespace, StringComparison.Ordinal))
        {
            return value.AsSpan(Gs1Namespace.Length);
        }
        return value.Contains(':') ? [] : value;
    }

    private static bool IsGs1TypeName(ReadOnlySpan<char> term)
    {
        if (term.IsEmpty || !char.IsAsciiLetterUpper(term[0]))
        {
            return false;
        }
        foreach (var c in term)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
