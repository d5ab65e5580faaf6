using System.Globalization;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Gs1;

/// <summary>
/// The dates a lot's creating event records in its instance/lot master data (CBV master data attributes
/// <c>cbvmda:bestBeforeDate</c> and <c>cbvmda:itemExpirationDate</c>), for GS1 AIs (15) and (17).
/// </summary>
public sealed record IlmdDates(DateOnly? BestBefore, DateOnly? Expiry)
{
    public static readonly IlmdDates None = new(null, null);

    /// <summary>Reads an EPCIS 2.0 JSON event's <c>ilmd</c>; dates that are not an xsd:date (or start like one) are ignored.</summary>
    public static IlmdDates Of(JsonObject epcisEvent)
    {
        if (epcisEvent["ilmd"] is not JsonObject ilmd)
            return None;
        DateOnly? bestBefore = null, expiry = null;
        foreach (var (name, value) in ilmd)
        {
            if (IsTerm(name, "bestBeforeDate"))
                bestBefore ??= Date(value);
            else if (IsTerm(name, "itemExpirationDate"))
                expiry ??= Date(value);
        }
        return new IlmdDates(bestBefore, expiry);
    }

    /// <summary>The CBV term under the cbvmda prefix or spelt out as a URI (…#term or …/term).</summary>
    private static bool IsTerm(string name, string term) =>
        name.EndsWith(term, StringComparison.Ordinal) && name.Length > term.Length && name[^(term.Length + 1)] is ':' or '#' or '/';

    private static DateOnly? Date(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length >= 10
        && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
