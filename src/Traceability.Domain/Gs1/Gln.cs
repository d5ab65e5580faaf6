using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>A Global Location Number: 13 digits with a mod-10 check digit. Names locations (AI 414) and parties (AI 417).</summary>
public sealed record Gln
{
    private static readonly int[] AcceptedLengths = [13];

    private Gln(string value) => Value = value;

    /// <summary>The 13 digits, check digit last.</summary>
    public string Value { get; }

    /// <exception cref="FormatException">Not 13 digits, or the check digit is wrong.</exception>
    public static Gln Parse(string text) =>
        NumericKeyText.TryNormalise(text, "GLN", AcceptedLengths, 13, out var value, out var error)
            ? new Gln(value)
            : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Gln? gln) => TryParse(text, out gln, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Gln? gln, out string error)
    {
        gln = NumericKeyText.TryNormalise(text, "GLN", AcceptedLengths, 13, out var value, out error) ? new Gln(value) : null;
        return gln is not null;
    }

    public static char ComputeCheckDigit(ReadOnlySpan<char> digitsWithoutCheck) => Gs1CheckDigit.Compute(digitsWithoutCheck);

    public override string ToString() => Value;
}
