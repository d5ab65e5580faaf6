namespace Traceability.Domain.Gs1;

/// <summary>
/// The GS1 Application Identifiers that may appear in a Digital Link path, with the format of each value (GS1 General
/// Specifications §3, GS1 Digital Link URI syntax): shared by the canonicaliser and the capture check.
/// </summary>
internal static class DigitalLinkAis
{
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["gtin"] = "01", ["itip"] = "8006", ["cpid"] = "8010", ["gln"] = "414", ["party"] = "417", ["gsrnp"] = "8017",
        ["gsrn"] = "8018", ["gcn"] = "255", ["sscc"] = "00", ["gdti"] = "253", ["ginc"] = "401", ["gsin"] = "402",
        ["grai"] = "8003", ["giai"] = "8004", ["cpv"] = "22", ["lot"] = "10", ["ser"] = "21",
    };

    public static readonly HashSet<string> PrimaryKeys =
        ["01", "8006", "8010", "414", "417", "8017", "8018", "255", "00", "253", "401", "402", "8003", "8004"];

    /// <summary>The numeric AI for a path segment: itself, or the AI an old short name (gtin, lot, ser …) stands for.</summary>
    public static string Ai(string segment) => ShortNames.TryGetValue(segment, out var ai) ? ai : segment;

    /// <summary>The qualifiers a key may carry in the constrained canonical form, in path order.</summary>
    public static string[] QualifierOrder(string key) => key switch
    {
        "01" => GtinQualifiers,
        "8006" => ItipQualifiers,
        "414" => GlnQualifiers,
        "8010" => CpidQualifiers,
        _ => [],
    };

    // Shared, never written: these are asked for every path segment of every identifier capture reads.
    private static readonly string[] GtinQualifiers = ["10", "21", "235"], ItipQualifiers = ["10", "21"], GlnQualifiers = ["254"], CpidQualifiers = ["8011"];
    private static readonly int[] GtinLengths = [8, 12, 13, 14], SsccLengths = [18], GlnLengths = [13], GsinLengths = [17];

    /// <summary>Lengths of the all-digit keys whose last digit is a GS1 mod-10 check digit (ITIP: of its first 14).</summary>
    public static int[]? CheckedKeyLengths(string key) => key switch
    {
        "01" => GtinLengths,
        "00" or "8006" or "8017" or "8018" => SsccLengths,
        "414" or "417" => GlnLengths,
        "402" => GsinLengths,
        _ => null,
    };

    /// <summary>Where the check digit of a checked key ends (ITIP: after the GTIN, before piece and total).</summary>
    public static int CheckedDigits(string key, int length) => key == "8006" ? 14 : length;

    /// <summary>Whether a key value has its AI's format (check digits are not verified here).</summary>
    public static bool IsValidKey(string key, string value) => key switch
    {
        "00" or "8006" or "8017" or "8018" => IsDigits(value, 18),
        "01" => IsDigits(value, 14),
        "414" or "417" => IsDigits(value, 13),
        "402" => IsDigits(value, 17),
        "253" => DigitsThenText(value, 13, 17, Gs1Text.IsCset82),
        "255" => DigitsThenText(value, 13, 12, char.IsAsciiDigit),
        "8003" => DigitsThenText(value, 14, 16, Gs1Text.IsCset82),
        "401" or "8004" => value.Length is > 0 and <= 30 && Gs1Text.IsCset82(value),
        "8010" => value.Length is > 0 and <= 30 && value.All(Gs1Text.IsCset39),
        _ => false,
    };

    /// <summary>What is wrong with a key qualifier's value, null when it is valid or the AI is not a qualifier known here.</summary>
    public static string? QualifierError(string qualifier, string value) => qualifier switch
    {
        "10" => Alphanumeric(value, "lot (AI 10)", LotCode.MaxLength),
        "21" => Alphanumeric(value, "serial number (AI 21)", SerialNumber.MaxLength),
        "22" => Alphanumeric(value, "consumer product variant (AI 22)", 20),
        "254" => Alphanumeric(value, "GLN extension (AI 254)", GlnExtension.MaxLength),
        "235" => Alphanumeric(value, "third-party serial extension (AI 235)", 28),
        "8011" => DigitsUpTo(value, "CPID serial number (AI 8011)", 12),
        "8019" => DigitsUpTo(value, "service relation instance number (AI 8019)", 10),
        _ => null,
    };

    public static bool IsKnownQualifier(string ai) => ai is "10" or "21" or "22" or "254" or "235" or "8011" or "8019";

    private static string? Alphanumeric(string value, string name, int maxLength) =>
        AlphanumericKeyText.TryValidate(value, name, maxLength, out var error) ? null : error;

    private static string? DigitsUpTo(string value, string name, int maxLength) =>
        value.Length is > 0 && value.Length <= maxLength && Gs1Text.AllDigits(value)
            ? null
            : $"{name} {Gs1Text.Quote(value)} must be 1 to {maxLength} digits";

    private static bool IsDigits(string value, int length) => value.Length == length && Gs1Text.AllDigits(value);

    private static bool DigitsThenText(string value, int digits, int maxText, Func<char, bool> allowed) =>
        value.Length >= digits && value.Length <= digits + maxText
        && Gs1Text.AllDigits(value.AsSpan(0, digits)) && value.AsSpan(digits).ToString().All(allowed);

    /// <summary>The path of an http(s) URI after its host (without query or fragment); false for other URIs or none.</summary>
    public static bool TryPath(string uri, out string path)
    {
        path = "";
        int hostStart;
        if (uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            hostStart = 8;
        else if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            hostStart = 7;
        else
            return false;
        var end = uri.IndexOfAny(['?', '#'], hostStart);
        var rest = uri.AsSpan(hostStart, (end < 0 ? uri.Length : end) - hostStart);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
            return false;
        path = rest[(slash + 1)..].ToString();
        return true;
    }
}
