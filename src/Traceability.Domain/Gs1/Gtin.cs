using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>
/// A Global Trade Item Number. Accepts GTIN-8, -12, -13 and -14 and always holds the 14-digit form, so two
/// spellings of the same item compare equal.
/// </summary>
public sealed record Gtin
{
    private static readonly int[] AcceptedLengths = [8, 12, 13, 14];

    private Gtin(string value) => Value = value;

    /// <summary>The 14 digits, check digit last.</summary>
    public string Value { get; }

    /// <summary>The indicator digit (packaging level), the first of the 14.</summary>
    public char Indicator => Value[0];

    /// <exception cref="FormatException">Not 8, 12, 13 or 14 digits, or the check digit is wrong.</exception>
    public static Gtin Parse(string text) =>
        NumericKeyText.TryNormalise(text, "GTIN", AcceptedLengths, 14, out var value, out var error)
            ? new Gtin(value)
            : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Gtin? gtin) => TryParse(text, out gtin, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Gtin? gtin, out string error)
    {
        gtin = NumericKeyText.TryNormalise(text, "GTIN", AcceptedLengths, 14, out var value, out error) ? new Gtin(value) : null;
        return gtin is not null;
    }

    /// <summary>The mod-10 check digit for the digits of a GTIN without its check digit.</summary>
    public static char ComputeCheckDigit(ReadOnlySpan<char> digitsWithoutCheck) => Gs1CheckDigit.Compute(digitsWithoutCheck);

    public override string ToString() => Value;
}
