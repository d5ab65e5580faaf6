using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Lab;

/// <summary>
/// A standard InChIKey, the hashed IUPAC chemical identifier: 14 upper-case letters, a hyphen, 10 more, a hyphen
/// and one (e.g. SBPBAQFWLVIOKP-UHFFFAOYSA-N for chlorpyrifos). EPCIS sensor reports name substances by its
/// identifiers.org URI.
/// </summary>
public sealed record InchiKey
{
    public const string UriPrefix = "https://identifiers.org/inchikey:";

    private InchiKey(string value) => Value = value;

    public string Value { get; }

    /// <summary>The identifiers.org URI EPCIS uses for <c>chemicalSubstance</c>.</summary>
    public string ToUri() => UriPrefix + Value;

    /// <exception cref="FormatException">Not of the 14-10-1 upper-case letter form.</exception>
    public static InchiKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not an InChIKey (14-10-1 upper-case letters, e.g. SBPBAQFWLVIOKP-UHFFFAOYSA-N)");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out InchiKey? key)
    {
        key = text is { Length: 27 } && Block(text, 0, 14) && text[14] == '-' && Block(text, 15, 10) && text[25] == '-' && Block(text, 26, 1)
            ? new InchiKey(text)
            : null;
        return key is not null;
    }

    public override string ToString() => Value;

    private static bool Block(string text, int start, int length)
    {
        foreach (var c in text.AsSpan(start, length))
        {
            if (!char.IsAsciiLetterUpper(c))
                return false;
        }
        return true;
    }
}
