using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Traceability.Domain.Lab;

/// <summary>Where a test method is published.</summary>
public enum MethodKind
{
    /// <summary>SAMR food rapid-test method, "KJ yyyynn" (食品快速检测方法).</summary>
    RapidTest,

    /// <summary>National standard: GB (mandatory), GB/T (recommended), GB/Z (guidance).</summary>
    NationalStandard,

    /// <summary>Industry standard often cited for residue methods: NY (agriculture) and SN (entry-exit inspection), with or without /T.</summary>
    IndustryStandard,
}

/// <summary>
/// The method a result was obtained with: a SAMR rapid-test method such as "KJ 201710" (published in 2017,
/// number 10) or a standard such as "GB 2763-2021", "GB/T 5009.199-2003", "GB 23200.113-2018".
/// Spacing, letter case and full-width or em-dash punctuation are normalised, so "gb/t5009.199—2003"
/// is "GB/T 5009.199-2003".
/// </summary>
public sealed partial record MethodCode
{
    private MethodCode(string value, MethodKind kind, int year)
    {
        Value = value;
        Kind = kind;
        Year = year;
    }

    public string Value { get; }
    public MethodKind Kind { get; }

    /// <summary>Year of publication (from the code itself).</summary>
    public int Year { get; }

    /// <exception cref="FormatException">Neither a KJ method nor a GB, NY or SN standard number.</exception>
    public static MethodCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MethodCode? code) =>
        TryParse(text, out code, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MethodCode? code, out string error)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "method is empty";
            return false;
        }
        var folded = LabText.FoldPunctuation(text);
        if (RapidTestPattern().Match(folded) is { Success: true } kj)
        {
            var year = Number(kj.Groups["year"].Value);
            if (kj.Groups["seq"].Value == "00")
            {
                error = $"rapid-test method '{text}' has number 00; KJ numbers run from 01 within their year";
                return false;
            }
            code = new MethodCode($"KJ {kj.Groups["year"].Value}{kj.Groups["seq"].Value}", MethodKind.RapidTest, year);
            error = "";
            return true;
        }
        if (StandardPattern().Match(folded) is { Success: true } std)
        {
            var year = Number(std.Groups["year"].Value);
            if (year is < FirstStandardYear or > LastYear)
            {
                error = $"standard '{text}' has year {year}; expected {FirstStandardYear}-{LastYear}";
                return false;
            }
            var body = std.Groups["body"].Value.ToUpperInvariant();
            var series = std.Groups["series"].Success ? "/" + std.Groups["series"].Value.ToUpperInvariant() : "";
            if (series == "/Z" && body != "GB")
            {
                error = $"'{text}': only GB has the /Z (guidance) series";
                return false;
            }
            var kind = body == "GB" ? MethodKind.NationalStandard : MethodKind.IndustryStandard;
            code = new MethodCode($"{body}{series} {std.Groups["number"].Value}-{std.Groups["year"].Value}", kind, year);
            error = "";
            return true;
        }
        error = $"method '{text}' is neither a SAMR rapid-test method (KJ yyyynn, e.g. KJ 201710) "
            + "nor a standard number with its year (e.g. GB 2763-2021, GB/T 5009.199-2003, NY/T 761-2008)";
        return false;
    }

    public override string ToString() => Value;

    // China's first national standards date from the 1950s; anything earlier is a typo.
    private const int FirstStandardYear = 1950;
    private const int LastYear = 2099;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^KJ\s*(?<year>20[0-9]{2})(?<seq>[0-9]{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RapidTestPattern();

    [GeneratedRegex(@"^(?<body>GB|NY|SN)\s*(?:/\s*(?<series>[TZ])\s*)?(?<number>[0-9]+(?:\.[0-9]+)*)\s*-\s*(?<year>[0-9]{4})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandardPattern();
}
