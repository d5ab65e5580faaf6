namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// Orders strings by Unicode code point, which is the order of their UTF-8 bytes (CBV 2.0 §8.9 rule 10).
/// Plain ordinal comparison of UTF-16 would put characters above U+FFFF before U+E000-U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
                return Rank(a) - Rank(b);
        }
        return x.Length - y.Length;
    }

    // Surrogates (D800-DFFF) stand for code points above FFFF: lift them above E000-FFFF.
    private static int Rank(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
