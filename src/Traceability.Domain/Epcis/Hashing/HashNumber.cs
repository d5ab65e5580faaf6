using System.Globalization;
using System.Numerics;
using System.Text;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// Numbers in the pre-hash (CBV 2.0 §8.9 rules 6 and 7): no trailing zeros, no "+", no quotes. Any value that reads
/// as a decimal number is written the way the reference implementation writes it: whole numbers as integers
/// ("452.0" is "452"), others as the shortest text that reads back as the same double ("0.10" is "0.1"), with an
/// exponent only below 1e-4 ("1e-05").
/// </summary>
internal static class HashNumber
{
    public static bool TryFormat(string text, out string formatted)
    {
        formatted = text;
        if (!LooksNumeric(text)
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return false;
        }

        if (value == Math.Floor(value))
        {
            formatted = Math.Abs(value) < 1e15
                ? ((long)value).ToString(CultureInfo.InvariantCulture)
                : new BigInteger(value).ToString(CultureInfo.InvariantCulture);
            return true;
        }
        formatted = ShortestDecimal(value);
        return true;
    }

    // Optional sign, digits with an optional point (or a point and digits), optional exponent; nothing else.
    private static bool LooksNumeric(string s)
    {
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            i++;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
            return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                i++;
            var exponentDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0)
                return false;
        }
        return i == s.Length;
    }

    /// <summary>Shortest round-trip digits, in positional notation unless the exponent is below -4 or at least 16.</summary>
    private static string ShortestDecimal(double value)
    {
        // "E16" would give 17 digits; "R" gives the shortest round-trip digits, which we re-lay out.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        var body = negative ? r[1..] : r;
        var exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }
        var point = body.IndexOf('.');
        var digits = point < 0 ? body : body.Remove(point, 1);
        var pointPosition = (point < 0 ? body.Length : point) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointPosition -= leadingZeros;
        var scientificExponent = pointPosition - 1;

        var sb = new StringBuilder(digits.Length + 8);
        if (negative)
            sb.Append('-');
        if (scientificExponent < -4 || scientificExponent >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(scientificExponent < 0 ? '-' : '+').Append(Math.Abs(scientificExponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPosition <= 0)
        {
            sb.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
        return sb.ToString();
    }
}
