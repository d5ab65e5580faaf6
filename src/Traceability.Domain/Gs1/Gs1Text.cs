using System.Globalization;
using System.Text;

namespace Traceability.Domain.Gs1;

/// <summary>Character-level checks used by several GS1 keys.</summary>
internal static class Gs1Text
{
    /// <summary>Whether <paramref name="c"/> is in GS1 AI encodable character set 82 (GS1 General Specifications §7.11).</summary>
    public static bool IsCset82(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '"' or '%' or '&' or '\'' or '(' or ')' or '*' or '+' or ','
            or '-' or '.' or '/' or ':' or ';' or '<' or '=' or '>' or '?' or '_';

    public static bool IsCset82(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsCset82(c))
                return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="c"/> is in GS1 AI encodable character set 39 (used by CPID, AI 8010).</summary>
    public static bool IsCset39(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '#' or '-' or '/';

    public static bool AllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && text.IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Printable form of user input for error messages: quoted, control characters escaped.</summary>
    public static string Quote(string? text)
    {
        if (text is null) return "null";
        if (!text.Any(char.IsControl)) return "'" + text + "'";
        var quoted = new StringBuilder(text.Length + 8).Append('\'');
        foreach (var c in text)
        {
            if (char.IsControl(c)) quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return quoted.Append('\'').ToString();
    }
}
