using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>Typed reads of <see cref="JsonNode"/> values that never throw.</summary>
internal static class JsonValues
{
    public static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        if (node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            value = scalar.GetValue<string>();
            return true;
        }
        value = null;
        return false;
    }

    public static string? StringOrNull(JsonNode? node) => TryGetString(node, out var value) ? value : null;

    public static bool IsNumber(JsonNode? node) => node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.Number;

    public static bool IsBoolean(JsonNode? node) =>
        node is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    /// <summary>A JSON number that fits <see cref="decimal"/> (about ±7.9e28, 28 places).</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (!IsNumber(node))
        {
            return false;
        }
        var scalar = (JsonValue)node!;
        // Parsed documents answer the first; values built in code (int, double …) the fallback.
        return scalar.TryGetValue(out value)
            || decimal.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static string Describe(JsonNode? node) => node is null
        ? "null"
        : node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };

    /// <summary>The offending text for a message, cut short so huge inputs are not echoed back.</summary>
    public static string Quote(string text) => text.Length <= 80 ? $"'{text}'" : $"'{text[..77]}…'";
}
