namespace Traceability.Domain.Gs1;

/// <summary>Validation shared by the all-digit GS1 keys with a trailing mod-10 check digit.</summary>
internal static class NumericKeyText
{
    /// <summary>
    /// Checks <paramref name="text"/> is digits only, of one of <paramref name="lengths"/>, with a correct check
    /// digit, and left-pads it with zeros to <paramref name="normalLength"/>. On failure <paramref name="error"/>
    /// says what is wrong in words a user can act on.
    /// </summary>
    public static bool TryNormalise(
        string? text, string keyName, int[] lengths, int normalLength, out string normalised, out string error)
    {
        normalised = "";
        if (string.IsNullOrEmpty(text))
        {
            error = $"{keyName} is empty";
            return false;
        }
        if (!Gs1Text.AllDigits(text))
        {
            error = $"{keyName} {Gs1Text.Quote(text)} must contain only digits";
            return false;
        }
        if (Array.IndexOf(lengths, text.Length) < 0)
        {
            error = $"{keyName} {text} must have {DescribeLengths(lengths)} digits, not {text.Length}";
            return false;
        }
        var expected = Gs1CheckDigit.Compute(text.AsSpan(0, text.Length - 1));
        if (expected != text[^1])
        {
            error = $"{keyName} {text} has check digit {text[^1]}, expected {expected}";
            return false;
        }
        normalised = text.PadLeft(normalLength, '0');
        error = "";
        return true;
    }

    private static string DescribeLengths(int[] lengths) => lengths.Length switch
    {
        1 => lengths[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Join(", ", lengths[..^1]) + " or " + lengths[^1],
    };
}
