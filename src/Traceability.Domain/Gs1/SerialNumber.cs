using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>A GS1 serial number of a trade item (AI 21): 1 to 20 characters of GS1 AI encodable character set 82.</summary>
public sealed record SerialNumber
{
    public const int MaxLength = 20;

    private SerialNumber(string value) => Value = value;

    /// <summary>The value as printed in a barcode's human-readable text, not percent-encoded.</summary>
    public string Value { get; }

    /// <exception cref="FormatException">Empty, longer than 20 characters, or a character outside set 82.</exception>
    public static SerialNumber Parse(string text) =>
        AlphanumericKeyText.TryValidate(text, "Serial number", MaxLength, out var error) ? new SerialNumber(text) : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SerialNumber? value) => TryParse(text, out value, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SerialNumber? value, out string error)
    {
        value = AlphanumericKeyText.TryValidate(text, "Serial number", MaxLength, out error) ? new SerialNumber(text!) : null;
        return value is not null;
    }

    public override string ToString() => Value;
}
