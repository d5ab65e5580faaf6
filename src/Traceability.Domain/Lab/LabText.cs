namespace Traceability.Domain.Lab;

/// <summary>Normalisation shared by the lab codes, which Chinese users often type with full-width punctuation.</summary>
internal static class LabText
{
    /// <summary>Full-width and typographic forms of the ASCII characters the codes use, folded to ASCII.</summary>
    public static string FoldPunctuation(string text)
    {
        var chars = text.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                // Chinese standard numbers are officially printed with an em dash ("GB 2763—2021").
                '\u2014' or '\u2013' or '\u2012' or '\u2010' or '\u2011' or '\uFF0D' => '-',
                '\uFF0F' => '/',
                '\uFF0E' => '.',
                '\uFF08' => '(',
                '\uFF09' => ')',
                '\u3000' or '\u00A0' => ' ',
                var c when c is >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
                var c when c is >= '\uFF21' and <= '\uFF3A' => (char)('A' + (c - '\uFF21')),
                var c when c is >= '\uFF41' and <= '\uFF5A' => (char)('a' + (c - '\uFF41')),
                var c => c,
            };
        }
        return new string(chars);
    }

    /// <summary>Free text a person typed (names, lots, sample ids): present, bounded, no control characters.</summary>
    public static bool IsAcceptableText(string text, int maxLength, out string error)
    {
        if (text.Length > maxLength)
        {
            error = $"must be at most {maxLength} characters, not {text.Length}";
            return false;
        }
        if (text.Any(char.IsControl))
        {
            error = "must not contain control characters (line breaks, tabs)";
            return false;
        }
        error = "";
        return true;
    }
}
