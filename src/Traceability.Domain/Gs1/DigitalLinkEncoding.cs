using System.Text;

namespace Traceability.Domain.Gs1;

/// <summary>
/// Percent-encoding of AI values in GS1 Digital Link URI path segments: one table, used for every Digital Link this
/// system writes (its own lot links and QR codes, EPC URIs converted to Digital Links, canonical links in the event
/// hash), so one identifier always has one spelling.
/// </summary>
/// <remarks>
/// <para>Characters of GS1 AI encodable character set 82 (and of set 39, which adds <c>#</c>):</para>
/// <list type="bullet">
/// <item><c>A–Z a–z 0–9 - . _</c> stay as they are: RFC 3986 "unreserved"; every GS1 source agrees.</item>
/// <item><c>' ; =</c> stay as they are: RFC 3986 allows them in a path segment (sub-delims), and GS1's CBV 2.0 event
/// hash reference implementation (RalphTro/epcis-event-hash-generator, <c>dl_normaliser.py</c>, whose published
/// vectors the event ids must match) writes them unencoded when it turns EPC URIs into Digital Links.</item>
/// <item><c>! " # % &amp; ( ) * + , / : &lt; &gt; ?</c> are percent-encoded: <c>/ ? #</c> and <c>%</c> would change
/// the URI's structure, <c>" &lt; &gt;</c> are not allowed in a URI at all, and the GS1 Digital Link standard's
/// percent-encoding table (as GS1's toolkit, its syntax engine and the hash reference all apply it) lists
/// <c>! &amp; ( ) * + , :</c> as well.</item>
/// </list>
/// <para>Anything else (only in values that are not valid GS1 data) is percent-encoded as UTF-8. Hex digits are
/// upper-case. Decoding accepts any well-formed escape in either case, so <c>%27</c>, <c>%3b</c> and <c>'</c> all
/// read back as the same value and re-encode the same way.</para>
/// </remarks>
public static class DigitalLinkEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Whether <paramref name="c"/> is written as itself in a Digital Link path segment.</summary>
    public static bool StaysUnencoded(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '\'' or ';' or '=';

    /// <summary>The value percent-encoded for a Digital Link path segment.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var firstToEncode = IndexOfEncoded(value);
        if (firstToEncode < 0)
            return value;

        var sb = new StringBuilder(value.Length + 16);
        sb.Append(value, 0, firstToEncode);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = firstToEncode; i < value.Length; i++)
        {
            var c = value[i];
            if (StaysUnencoded(c))
            {
                sb.Append(c);
                continue;
            }
            var isPair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var count = Encoding.UTF8.GetBytes(value.AsSpan(i, isPair ? 2 : 1), utf8);
            if (isPair)
                i++;
            foreach (var b in utf8[..count])
                sb.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
        }
        return sb.ToString();
    }

    /// <summary>Decodes %XX escapes (as UTF-8). False for a malformed escape or bytes that are not UTF-8.</summary>
    public static bool TryDecode(ReadOnlySpan<char> segment, out string decoded)
    {
        if (segment.IndexOf('%') < 0)
        {
            decoded = segment.ToString();
            return true;
        }
        decoded = "";
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(segment.Length)];
        var n = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == '%')
            {
                if (i + 2 >= segment.Length || !TryHex(segment[i + 1], out var hi) || !TryHex(segment[i + 2], out var lo))
                    return false;
                bytes[n++] = (byte)(hi << 4 | lo);
                i += 2;
            }
            else
            {
                n += Encoding.UTF8.GetBytes(segment.Slice(i, char.IsHighSurrogate(c) && i + 1 < segment.Length ? 2 : 1), bytes.AsSpan(n));
                if (char.IsHighSurrogate(c) && i + 1 < segment.Length)
                    i++;
            }
        }
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, n);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int IndexOfEncoded(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!StaysUnencoded(value[i]))
                return i;
        }
        return -1;
    }

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
