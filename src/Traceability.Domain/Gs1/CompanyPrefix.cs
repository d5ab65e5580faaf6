using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>
/// A GS1 Company Prefix (4 to 12 digits) as GS1 licenses it to a company: every GTIN, SSCC and GLN the company
/// allocates starts with it (after the GTIN's indicator digit or the SSCC's extension digit).
/// </summary>
public sealed record CompanyPrefix
{
    private CompanyPrefix(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out CompanyPrefix? prefix)
    {
        prefix = text is { Length: >= 4 and <= 12 } && text.All(char.IsAsciiDigit) ? new CompanyPrefix(text) : null;
        return prefix is not null;
    }

    /// <summary>Whether the GTIN was allocated under this prefix (the digits after its indicator start with it).</summary>
    public bool Covers(Gtin gtin) => gtin.Value.AsSpan(1).StartsWith(Value, StringComparison.Ordinal);

    /// <summary>Two prefixes overlap when one starts the other: no two organisations may hold overlapping ones.</summary>
    public bool Overlaps(CompanyPrefix other) =>
        Value.StartsWith(other.Value, StringComparison.Ordinal) || other.Value.StartsWith(Value, StringComparison.Ordinal);

    public override string ToString() => Value;
}
