using System.Globalization;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// A scheduled subscription's times (EPCIS query schedule, as the binding's <c>schedule</c> object or the WebSocket's
/// <c>second</c>, <c>minute</c> … parameters): each field a comma-separated list of numbers and <c>[a-b]</c> ranges.
/// A field left out is unrestricted when it is coarser than every field given, and its smallest value when finer,
/// so <c>{"hour": "1", "minute": "5"}</c> runs daily at 01:05:00 and <c>{"minute": "5"}</c> hourly at :05:00. Times are UTC.
/// </summary>
public sealed class QuerySchedule
{
    private static readonly (string Name, int Min, int Max)[] Fields =
    [
        ("month", 1, 12), ("dayOfMonth", 1, 31), ("dayOfWeek", 1, 7), ("hour", 0, 23), ("minute", 0, 59), ("second", 0, 59),
    ];

    public static readonly IReadOnlyList<string> FieldNames = Fields.Select(f => f.Name).ToList();

    private readonly Dictionary<string, bool[]> _allowed;

    private QuerySchedule(Dictionary<string, bool[]> allowed) => _allowed = allowed;

    /// <summary>Reads a schedule; each error names the field (prefixed with <paramref name="path"/>).</summary>
    public static QuerySchedule Parse(IReadOnlyDictionary<string, string> fields, string path, List<FieldError> errors)
    {
        foreach (var unknown in fields.Keys.Where(k => !FieldNames.Contains(k)))
            errors.Add(new FieldError(path + unknown, $"not a schedule field ({string.Join(", ", FieldNames)})"));
        if (fields.Count == 0) errors.Add(new FieldError(path.TrimEnd('.'), "a schedule names at least one of " + string.Join(", ", FieldNames)));
        var allowed = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Length; i++)
        {
            var (name, min, max) = Fields[i];
            var set = new bool[max + 1];
            if (fields.TryGetValue(name, out var text))
            {
                if (!TryRead(text, min, max, set)) errors.Add(new FieldError(path + name, $"'{text}' is not a list of numbers or [a-b] ranges from {min} to {max}"));
            }
            else if (i >= 3 && Fields.Take(i).Any(f => fields.ContainsKey(f.Name)))
            {
                set[min] = true; // a time field finer than one given: its first value
            }
            else
            {
                for (var v = min; v <= max; v++) set[v] = true;
            }
            allowed[name] = set;
        }
        return new QuerySchedule(allowed);
    }

    public static QuerySchedule Parse(JsonObject schedule, string path, List<FieldError> errors)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in schedule)
        {
            var text = value is JsonValue v ? v.ToJsonString().Trim('"') : null;
            if (text is null) errors.Add(new FieldError(path + name, "a string such as \"5\" or \"0,30\""));
            else fields[name] = text;
        }
        return Parse(fields, path, errors);
    }

    /// <summary>The first scheduled time strictly after <paramref name="after"/> (whole seconds, UTC), within ten years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var t = new DateTime(after.UtcDateTime.Ticks - after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var end = t.AddYears(10);
        while (t < end)
        {
            if (!_allowed["month"][t.Month]) { t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); continue; }
            var dayOfWeek = t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek;
            if (!_allowed["dayOfMonth"][t.Day] || !_allowed["dayOfWeek"][dayOfWeek]) { t = t.Date.AddDays(1); continue; }
            if (!_allowed["hour"][t.Hour]) { t = t.Date.AddHours(t.Hour + 1); continue; }
            if (!_allowed["minute"][t.Minute]) { t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1); continue; }
            if (!_allowed["second"][t.Second]) { t = t.AddSeconds(1); continue; }
            return new DateTimeOffset(t);
        }
        return null;
    }

    private static bool TryRead(string text, int min, int max, bool[] set)
    {
        foreach (var element in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (element.StartsWith('[') && element.EndsWith(']') && element.IndexOf('-') is var dash and > 1
                && Number(element[1..dash], min, max) is { } from && Number(element[(dash + 1)..^1], min, max) is { } to && from <= to)
            {
                for (var v = from; v <= to; v++) set[v] = true;
            }
            else if (Number(element, min, max) is { } single)
            {
                set[single] = true;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null;
}
