using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Traceability.Domain.Lab;

/// <summary>
/// A Chinese certified reference material number: first class "GBW" + 5 digits (e.g. GBW10015) or
/// second class "GBW(E)" + 6 digits (e.g. GBW(E)082923), optionally followed by one lower-case batch
/// letter ("GBW10015a"). The batch may also be given apart from the number; both spellings give the
/// same value.
/// </summary>
public sealed partial record GbwNumber
{
    private GbwNumber(string number, char? batch)
    {
        Number = number;
        Batch = batch;
    }

    /// <summary>The number without batch letter, e.g. "GBW(E)082923".</summary>
    public string Number { get; }

    /// <summary>The batch letter (a–z), if any.</summary>
    public char? Batch { get; }

    /// <summary>A second-class (working) reference material, GBW(E).</summary>
    public bool IsSecondClass => Number.StartsWith("GBW(E)", StringComparison.Ordinal);

    /// <summary>Number and batch letter together, e.g. "GBW10015a".</summary>
    public string Value => Batch is { } b ? Number + b : Number;

    /// <param name="number">The number, possibly with its batch letter.</param>
    /// <param name="batch">The batch letter when given separately; must agree with one in the number.</param>
    /// <exception cref="FormatException">Not a GBW or GBW(E) number, or a batch that is not one lower-case letter.</exception>
    public static GbwNumber Parse(string number, string? batch = null)
    {
        if (!TryParse(number, out var parsed, out var error))
            throw new FormatException(error);
        if (batch is null)
            return parsed;
        return parsed.TryWithBatch(batch, out var withBatch, out error) ? withBatch : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GbwNumber? value) =>
        TryParse(text, out value, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GbwNumber? value, out string error)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "reference material number is empty";
            return false;
        }
        var match = Pattern().Match(LabText.FoldPunctuation(text));
        if (!match.Success)
        {
            error = $"'{text}' is not a reference material number: GBW + 5 digits (e.g. GBW10015) or GBW(E) + 6 digits (e.g. GBW(E)082923), optionally with a batch letter";
            return false;
        }
        var secondClass = match.Groups["e"].Success;
        var digits = match.Groups["digits"].Value;
        var expected = secondClass ? 6 : 5;
        if (digits.Length != expected)
        {
            error = $"'{text}': a {(secondClass ? "GBW(E)" : "GBW")} number has exactly {expected} digits, not {digits.Length}";
            return false;
        }
        char? batch = null;
        if (match.Groups["batch"].Success)
        {
            var letter = match.Groups["batch"].Value[0];
            if (!IsBatchLetter(letter))
            {
                error = $"'{text}': the batch letter is written in lower case ('{char.ToLowerInvariant(letter)}')";
                return false;
            }
            batch = letter;
        }
        value = new GbwNumber((secondClass ? "GBW(E)" : "GBW") + digits, batch);
        error = "";
        return true;
    }

    /// <summary>This number with a separately given batch letter, which must agree with any letter already in the number.</summary>
    internal bool TryWithBatch(string batch, [NotNullWhen(true)] out GbwNumber? value, out string error)
    {
        value = null;
        var text = batch.Trim();
        if (text.Length != 1 || !IsBatchLetter(text[0]))
        {
            error = $"batch must be one lower-case letter a-z, not '{batch}'";
            return false;
        }
        if (Batch is { } own && own != text[0])
        {
            error = $"batch '{text}' contradicts the batch letter '{own}' in the number {Value}";
            return false;
        }
        value = new GbwNumber(Number, text[0]);
        error = "";
        return true;
    }

    public override string ToString() => Value;

    private static bool IsBatchLetter(char c) => c is >= 'a' and <= 'z';

    // Prefix case and a space after it are forgiven; the batch letter's case is checked above so the error is precise.
    [GeneratedRegex(@"^(?i:GBW)(?<e>(?i:\(E\)))?\s?(?<digits>[0-9]+)(?<batch>[A-Za-z])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
