namespace Traceability.Domain.Gs1;

/// <summary>
/// What an element string parser must know of GS1 Application Identifiers (GS1 General Specifications §3.2 and
/// §7.8.5): how many digits the AI has, judged from its first two; which element strings have a predefined length and
/// so need no FNC1 separator after them; and the content of the AIs this system reads. Other assigned AIs are read as
/// opaque set-82 text, which is enough to split a string and report them.
/// </summary>
public static class Gs1ApplicationIdentifiers
{
    /// <summary>The longest value any AI allows (AI 8200 and friends: 70 characters; 90 is the element string limit).</summary>
    public const int MaxValueLength = 90;

    /// <summary>Digits in the AI that starts with these two digits; null when no AI starts so (unassigned).</summary>
    public static int? AiLength(ReadOnlySpan<char> firstTwoDigits)
    {
        if (firstTwoDigits.Length < 2 || !char.IsAsciiDigit(firstTwoDigits[0]) || !char.IsAsciiDigit(firstTwoDigits[1]))
            return null;
        return ((firstTwoDigits[0] - '0') * 10 + (firstTwoDigits[1] - '0')) switch
        {
            <= 4 or (>= 10 and <= 22) or 30 or 37 or >= 90 => 2,
            23 or 24 or 25 or (>= 40 and <= 42) or 71 => 3,
            (>= 31 and <= 36) or 39 or 43 or 70 or 72 or (>= 80 and <= 82) => 4,
            _ => null,
        };
    }

    /// <summary>
    /// Value length of the element strings of predefined length (GS1 General Specifications Figure 7.8.5-2): these
    /// are never followed by a separator. Every other AI is variable-length for this purpose and needs FNC1 after it
    /// when another element follows, even where its value has a fixed length (e.g. AI 402).
    /// </summary>
    public static int? PredefinedValueLength(string ai) => ai[..2] switch
    {
        "00" => 18,
        "01" or "02" or "03" => 14,
        "04" => 16,
        "11" or "12" or "13" or "14" or "15" or "16" or "17" or "18" or "19" => 6,
        "20" => 2,
        "31" or "32" or "33" or "34" or "35" or "36" => 6,
        "41" => 13,
        _ => null,
    };

    /// <summary>The AIs whose values this system interprets, with their titles in GS1's data titles.</summary>
    public static string? Title(string ai) => ai switch
    {
        "00" => "SSCC",
        "01" => "GTIN",
        "02" => "CONTENT",
        "10" => "BATCH/LOT",
        "11" => "PROD DATE",
        "13" => "PACK DATE",
        "15" => "BEST BEFORE or BEST BY",
        "16" => "SELL BY",
        "17" => "USE BY OR EXPIRY",
        "21" => "SERIAL",
        "30" => "VAR. COUNT",
        "37" => "COUNT",
        _ => null,
    };

    /// <summary>Checks a value against its AI's rules; for AIs not interpreted here, set 82 and the length limits.</summary>
    /// <returns>Null when valid, else why not.</returns>
    public static string? Validate(string ai, string value, DateOnly today)
    {
        if (value.Length == 0)
            return $"AI ({ai}) has no value";
        var predefined = PredefinedValueLength(ai);
        if (predefined is { } n && value.Length != n)
            return $"AI ({ai}) takes {n} characters, not {value.Length}";
        try
        {
            switch (ai)
            {
                case "00":
                    Sscc.Parse(value);
                    return null;
                case "01" or "02":
                    // A GTIN in an element string is always written with 14 digits.
                    Gtin.Parse(value);
                    return null;
                case "10":
                    LotCode.Parse(value);
                    return null;
                case "21":
                    SerialNumber.Parse(value);
                    return null;
                case "11" or "13" or "15" or "16" or "17":
                    Gs1Date.Parse(value, today);
                    return null;
                case "30" or "37":
                    return Gs1Text.AllDigits(value) && value.Length <= 8 ? null : $"AI ({ai}) takes 1 to 8 digits, not {Gs1Text.Quote(value)}";
            }
        }
        catch (FormatException e)
        {
            return $"AI ({ai}): {e.Message}";
        }
        if (predefined is not null && !Gs1Text.AllDigits(value))
            return $"AI ({ai}) takes digits only, not {Gs1Text.Quote(value)}";
        if (value.Length > MaxValueLength)
            return $"AI ({ai}) value is {value.Length} characters long, at most {MaxValueLength} are allowed";
        return Gs1Text.IsCset82(value) ? null : $"AI ({ai}) value {Gs1Text.Quote(value)} has characters outside GS1 character set 82";
    }
}
