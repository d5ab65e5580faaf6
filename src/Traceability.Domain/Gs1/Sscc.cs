using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>A Serial Shipping Container Code (AI 00): 18 digits with a mod-10 check digit. Names pallets and cases.</summary>
public sealed record Sscc
{
    private static readonly int[] AcceptedLengths = [18];

    private Sscc(string value) => Value = value;

    /// <summary>The 18 digits: extension digit, company prefix and serial reference, check digit last.</summary>
    public string Value { get; }

    /// <exception cref="FormatException">Not 18 digits, or the check digit is wrong.</exception>
    public static Sscc Parse(string text) =>
        NumericKeyText.TryNormalise(text, "SSCC", AcceptedLengths, 18, out var value, out var error)
            ? new Sscc(value)
            : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Sscc? sscc) => TryParse(text, out sscc, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Sscc? sscc, out string error)
    {
        sscc = NumericKeyText.TryNormalise(text, "SSCC", AcceptedLengths, 18, out var value, out error) ? new Sscc(value) : null;
        return sscc is not null;
    }

    public static char ComputeCheckDigit(ReadOnlySpan<char> digitsWithoutCheck) => Gs1CheckDigit.Compute(digitsWithoutCheck);

    public override string ToString() => Value;
}
