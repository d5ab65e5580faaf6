namespace Traceability.Domain.Fsma;

/// <summary>
/// The rule's product description from registered master data: the trade description, i.e. product name, brand
/// and packaging size (§1.1310), e.g. "Liuzhou fragrant rice (柳州香米), brand Luzhai (鹿寨), 25 kg". Names and brands
/// are language maps; English comes first for the FDA's readers, the Chinese the producer registered follows.
/// </summary>
public static class ProductDescriptions
{
    public static string? Compose(
        IReadOnlyDictionary<string, string>? name, IReadOnlyDictionary<string, string>? brand, string? netContent)
    {
        var parts = new List<string>();
        if (Bilingual(name) is { } n) parts.Add(n);
        if (Bilingual(brand) is { } b) parts.Add("brand " + b);
        if (!string.IsNullOrWhiteSpace(netContent)) parts.Add(netContent.Trim());
        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    /// <summary>"English (other)" with the first non-English text that differs, or whichever exists.</summary>
    private static string? Bilingual(IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0) return null;
        var texts = map.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToList();
        var english = texts.FirstOrDefault(kv => kv.Key.Split('-')[0].Equals("en", StringComparison.OrdinalIgnoreCase)).Value?.Trim();
        var other = texts.Select(kv => kv.Value.Trim()).FirstOrDefault(t => t != english);
        return (english, other) switch
        {
            (null, null) => null,
            (null, _) => other,
            (_, null) => english,
            _ => $"{english} ({other})",
        };
    }
}
