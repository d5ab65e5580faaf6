using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>A GS1 batch or lot number (AI 10): 1 to 20 characters of GS1 AI encodable character set 82.</summary>
public sealed record LotCode
{
    public const int MaxLength = 20;

    private LotCode(string value) => Value = value;

    /// <summary>The value as printed in a barcode's human-readable text, not percent-encoded.</summary>
    public string Value { get; }

    /// <exception cref="FormatException">Empty, longer than 20 characters, or a character outside set 82.</exception>
    public static LotCode Parse(string text) =>
        AlphanumericKeyText.TryValidate(text, "Lot", MaxLength, out var error) ? new LotCode(text) : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out LotCode? value) => TryParse(text, out value, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out LotCode? value, out string error)
    {
        value = AlphanumericKeyText.TryValidate(text, "Lot", MaxLength, out error) ? new LotCode(text!) : null;
        return value is not null;
    }

    public override string ToString() => Value;
}
