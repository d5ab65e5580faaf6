using System.Text;

namespace Traceability.Domain.Gs1;

/// <summary>
/// Escaping of alphanumeric components of EPC pure identity URIs (EPC Tag Data Standard §6, "Table of characters
/// permitted in EPC URI components"): " % &amp; / &lt; &gt; ? and # are written as %-escapes, the rest of set 82 as is.
/// </summary>
internal static class EpcUrnEscaping
{
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
                sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Undoes <see cref="Escape"/>. False for a malformed escape or a character a URN component may not hold raw.</summary>
    public static bool TryUnescape(ReadOnlySpan<char> component, out string value)
    {
        value = "";
        var sb = new StringBuilder(component.Length);
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%')
            {
                if (i + 2 >= component.Length || !char.IsAsciiHexDigit(component[i + 1]) || !char.IsAsciiHexDigit(component[i + 2]))
                    return false;
                sb.Append((char)Convert.ToByte(component.Slice(i + 1, 2).ToString(), 16));
                i += 2;
            }
            else if (IsRawAllowed(c))
            {
                sb.Append(c);
            }
            else
            {
                return false;
            }
        }
        value = sb.ToString();
        return true;
    }

    private static bool MustEscape(char c) => c is '"' or '%' or '&' or '/' or '<' or '>' or '?' or '#' || c > '~' || c < '!';

    private static bool IsRawAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':' or ';' or '=' or '_' or '!' or '\'' or '(' or ')' or '*' or '+' or ',';
}
