namespace Traceability.Domain.Gs1;

/// <summary>The GS1 mod-10 check digit shared by GTIN, GLN, SSCC and the other numeric GS1 keys.</summary>
public static class Gs1CheckDigit
{
    /// <summary>The check digit for the given digits (the key without its last digit).</summary>
    /// <exception cref="FormatException">A character is not an ASCII digit, or there are no digits.</exception>
    public static char Compute(ReadOnlySpan<char> digitsWithoutCheck)
    {
        if (digitsWithoutCheck.IsEmpty)
            throw new FormatException("A check digit needs at least one digit to compute over");

        // Weights alternate 3,1,3,... starting from the rightmost digit.
        var sum = 0;
        var weight = 3;
        for (var i = digitsWithoutCheck.Length - 1; i >= 0; i--)
        {
            var c = digitsWithoutCheck[i];
            if (!char.IsAsciiDigit(c))
                throw new FormatException($"'{c}' is not a digit");
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>Whether the last digit of <paramref name="key"/> is the check digit of the ones before it.</summary>
    public static bool IsValid(ReadOnlySpan<char> key) =>
        key.Length >= 2 && Gs1Text.AllDigits(key) && Compute(key[..^1]) == key[^1];
}
