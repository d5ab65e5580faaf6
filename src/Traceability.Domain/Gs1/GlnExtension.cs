using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>A GS1 extension that tells apart sub-locations of one GLN (AI 254): 1 to 20 characters of GS1 AI encodable character set 82.</summary>
public sealed record GlnExtension
{
    public const int MaxLength = 20;

    private GlnExtension(string value) => Value = value;

    /// <summary>The value as printed in a barcode's human-readable text, not percent-encoded.</summary>
    public string Value { get; }

    /// <exception cref="FormatException">Empty, longer than 20 characters, or a character outside set 82.</exception>
    public static GlnExtension Parse(string text) =>
        AlphanumericKeyText.TryValidate(text, "GLN extension", MaxLength, out var error) ? new GlnExtension(text) : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GlnExtension? value) => TryParse(text, out value, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GlnExtension? value, out string error)
    {
        value = AlphanumericKeyText.TryValidate(text, "GLN extension", MaxLength, out error) ? new GlnExtension(text!) : null;
        return value is not null;
    }

    public override string ToString() => Value;
}
