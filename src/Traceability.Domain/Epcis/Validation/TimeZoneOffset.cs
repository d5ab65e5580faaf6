namespace Traceability.Domain.Epcis.Validation;

/// <summary>eventTimeZoneOffset: "[+-]hh:mm" from -14:00 to +14:00, as the schema's pattern has it.</summary>
internal static class TimeZoneOffset
{
    public const string Expected = "a time-zone offset [+-]hh:mm between -14:00 and +14:00, e.g. +02:00";

    public static bool IsValid(string s)
    {
        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':'
            || !char.IsAsciiDigit(s[1]) || !char.IsAsciiDigit(s[2])
            || s[4] is < '0' or > '5' || !char.IsAsciiDigit(s[5]))
        {
            return false;
        }
        var hours = (s[1] - '0') * 10 + (s[2] - '0');
        return hours < 14 || (hours == 14 && s[4] == '0' && s[5] == '0');
    }
}
