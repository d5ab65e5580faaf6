using System.Globalization;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// Timestamps in the pre-hash: UTC, written with 'Z', exactly three fractional digits, the third rounded half-up on
/// the fourth (CBV 2.0 §8.9 rules 8 and 9; rounding as the reference implementation and CBV 2.1 state it).
/// </summary>
internal static class HashTimestamp
{
    /// <summary>False when <paramref name="text"/> is not an ISO 8601 date-time; the caller then keeps it as written.</summary>
    public static bool TryNormalise(string text, out string normalised)
    {
        normalised = text;
        var s = text.AsSpan();
        // yyyy-MM-ddTHH:mm:ss
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
            return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var at = 19;
        var millis = 0;
        var roundUp = false;
        if (at < s.Length && (s[at] == '.' || s[at] == ','))
        {
            var start = ++at;
            while (at < s.Length && char.IsAsciiDigit(s[at]))
                at++;
            var fraction = s[start..at];
            if (fraction.IsEmpty)
                return false;
            for (var i = 0; i < 3; i++)
                millis = millis * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
            roundUp = fraction.Length > 3 && fraction[3] >= '5';
        }

        if (!TryOffset(s[at..], out var offset))
            return false;
        try
        {
            var local = new DateTimeOffset(year, month, day, hour, minute, second, millis, offset);
            var utc = local.ToUniversalTime();
            if (roundUp)
                utc = utc.AddMilliseconds(1);
            normalised = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // out-of-range parts, e.g. month 13 or second 60
        }
    }

    /// <summary>'Z', ±HH:MM, ±HHMM or ±HH. No offset at all is read as UTC, the only reading that needs no local clock.</summary>
    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.IsEmpty || s is "Z" || s is "z")
            return true;
        if (s[0] != '+' && s[0] != '-')
            return false;
        var sign = s[0] == '-' ? -1 : 1;
        var body = s[1..];
        int hours, minutes = 0;
        if (body.Length == 5 && body[2] == ':')
        {
            if (!TryDigits(body[..2], out hours) || !TryDigits(body[3..], out minutes))
                return false;
        }
        else if (body.Length == 4)
        {
            if (!TryDigits(body[..2], out hours) || !TryDigits(body[2..], out minutes))
                return false;
        }
        else if (body.Length != 2 || !TryDigits(body, out hours))
        {
            return false;
        }
        if (hours > 14 || minutes > 59)
            return false;
        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return !s.IsEmpty;
    }
}
