using System.Text;

namespace Traceability.Domain.Gs1;

/// <summary>
/// Percent-encoding of AI values in GS1 Digital Link URI path segments. Every character that is not an RFC 3986
/// "unreserved" character (A-Z a-z 0-9 - . _ ~) is encoded, as GS1 Digital Link 1.2 §7 and GS1's own syntax engine
/// do: set-82 punctuation such as / % &amp; # ? would otherwise change the meaning of the path.
/// </summary>
internal static class DigitalLinkEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        var firstToEncode = IndexOfReserved(value);
        if (firstToEncode < 0)
            return value;

        var sb = new StringBuilder(value.Length + 16);
        sb.Append(value, 0, firstToEncode);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = firstToEncode; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c))
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

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static int IndexOfReserved(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsUnreserved(value[i]))
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
