namespace Traceability.Api.Consumer;

/// <summary>Picks text from a language map (BCP 47 tag → text) for a page language.</summary>
public static class Localised
{
    /// <summary>The exact tag, else the same primary language (zh-CN for zh), else any entry; null for an empty map.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string>? map, string language)
    {
        if (map is not { Count: > 0 }) return null;
        if (map.TryGetValue(language, out var exact)) return exact;
        var primary = language.Split('-')[0];
        foreach (var (tag, text) in map)
            if (tag.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase)) return text;
        return map.Values.First();
    }
}
