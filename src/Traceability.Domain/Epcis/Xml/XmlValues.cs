using System.Globalization;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>XML Schema lexical forms the binding uses, turned into JSON values.</summary>
internal static class XmlValues
{
    public const string DateTimeExpected = "an xsd:dateTime with seconds and a time zone, e.g. 2026-07-22T06:45:00.000+02:00";

    /// <summary>
    /// The binding's DateTimeStamp: <c>YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)</c>, offsets from -14:00 to +14:00,
    /// as the pattern of EPCglobal-epcis-2_0.xsd has it.
    /// </summary>
    public static bool IsDateTimeStamp(ReadOnlySpan<char> s)
    {
        if (s.Length < 20 || !Digits(s[..4]) || s[4] != '-' || !Range(s, 5, 1, 12) || s[7] != '-' || !Range(s, 8, 1, 31)
            || s[10] != 'T' || !Range(s, 11, 0, 23) || s[13] != ':' || !Range(s, 14, 0, 59) || s[16] != ':' || !Range(s, 17, 0, 59))
        {
            return false;
        }
        var rest = s[19..];
        if (rest[0] == '.')
        {
            var digits = rest[1..].IndexOfAnyExceptInRange('0', '9');
            if (digits == 0 || digits < 0)
                return false;
            rest = rest[(digits + 1)..];
        }
        if (rest is "Z")
            return true;
        return rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
            && ((Range(rest, 1, 0, 13) && Range(rest, 4, 0, 59)) || rest[1..] is "14:00");
    }

    /// <summary>An xsd:decimal (optional sign, digits, optional fraction) as a JSON number keeping its digits.</summary>
    public static bool TryDecimal(string text, out JsonValue? value)
    {
        value = null;
        if (!IsDecimalLexical(text) || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        value = JsonValue.Create(number);
        return true;
    }

    /// <summary>
    /// An xsd:double or xsd:float as a JSON number: its digits kept where <see cref="decimal"/> holds them, else
    /// as a double. INF and NaN have no JSON form and fail.
    /// </summary>
    public static bool TryNumber(string text, out JsonValue? value)
    {
        if (TryDecimal(text, out value))
            return true;
        if (text.Length > 0 && !text.Contains("INF", StringComparison.Ordinal) && !text.Contains("NaN", StringComparison.Ordinal)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            value = JsonValue.Create(number);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>An xsd:boolean: true, false, 1 or 0.</summary>
    public static bool TryBoolean(string text, out bool value)
    {
        value = text is "true" or "1";
        return value || text is "false" or "0";
    }

    private static bool IsDecimalLexical(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] is '+' or '-')
            s = s[1..];
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? [] : s[(dot + 1)..];
        return whole.Length + fraction.Length > 0 && Digits(whole) && Digits(fraction) && s.Length <= 64;
    }

    private static bool Digits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    private static bool Range(ReadOnlySpan<char> s, int at, int min, int max) =>
        char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && (s[at] - '0') * 10 + (s[at + 1] - '0') is var v && v >= min && v <= max;
}
