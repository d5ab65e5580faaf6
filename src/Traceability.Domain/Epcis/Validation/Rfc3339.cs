namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// RFC 3339 date-time ("2026-07-22T06:45:00.116+02:00", "…Z"): the JSON schema's "date-time" format.
/// The offset is mandatory. Hand-written so the capture path pays no regex or culture cost.
/// </summary>
internal static class Rfc3339
{
    public const string Expected = "an RFC 3339 date-time with a time-zone offset, e.g. 2026-07-22T06:45:00.000+02:00";

    public static bool IsValid(string text) => TryParse(text, out _);

    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20
            || !TwoDigits(s, 0, out var century) || !TwoDigits(s, 2, out var yearOfCentury) || s[4] != '-'
            || !TwoDigits(s, 5, out var month) || s[7] != '-'
            || !TwoDigits(s, 8, out var day) || s[10] is not ('T' or 't')
            || !TwoDigits(s, 11, out var hour) || s[13] != ':'
            || !TwoDigits(s, 14, out var minute) || s[16] != ':'
            || !TwoDigits(s, 17, out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            var scale = TimeSpan.TicksPerSecond;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                // Digits beyond 100 ns precision are valid but cannot be represented: truncate.
                if (scale > 1)
                {
                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                }
            }
            if (i == start)
            {
                return false;
            }
        }

        if (!TryParseOffset(s[i..], out var offset))
        {
            return false;
        }

        var year = century * 100 + yearOfCentury;
        // Second 60 (leap second) is RFC 3339-legal but DateTimeOffset cannot hold it; it is rejected.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        value = new DateTimeOffset(localTicks, offset);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length == 1)
        {
            return s[0] is 'Z' or 'z';
        }
        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':'
            || !TwoDigits(s, 1, out var hours) || !TwoDigits(s, 4, out var minutes)
            || minutes > 59 || hours * 60 + minutes > 14 * 60)
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = offset.Negate();
        }
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        var tens = s[at] - '0';
        var ones = s[at + 1] - '0';
        value = tens * 10 + ones;
        return (uint)tens <= 9 && (uint)ones <= 9;
    }
}
