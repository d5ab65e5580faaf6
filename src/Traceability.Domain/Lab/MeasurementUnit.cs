using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Lab;

/// <summary>
/// The units a residue, contaminant or microbiology result may be reported in, each with its UN/ECE
/// Recommendation 20 code for EPCIS <c>uom</c> where Rec 20 has one.
/// </summary>
/// <remarks>
/// <para>Rec 20 codes, checked against the Rec 20 code list (names as Rec 20 gives them) and the GS1 EPCIS sensor
/// unit converter that groups them by measurement type (github.com/mgh128/UnitConverterUNECERec20):</para>
/// <list type="table">
/// <listheader><term>symbol</term><description>Rec 20 code — Rec 20 name — GS1 measurement type</description></listheader>
/// <item><term>mg/kg</term><description>NA — milligram per kilogram — Dimensionless</description></item>
/// <item><term>µg/kg</term><description>J33 — microgram per kilogram — Dimensionless</description></item>
/// <item><term>g/kg</term><description>GK — gram per kilogram — Dimensionless</description></item>
/// <item><term>g/100g</term><description>60 — percent weight — Dimensionless (grams per 100 g is a mass percentage)</description></item>
/// <item><term>%</term><description>P1 — percent — Dimensionless</description></item>
/// <item><term>mg/L</term><description>M1 — milligram per litre — MassConcentration</description></item>
/// <item><term>µg/L</term><description>H29 — microgram per litre — MassConcentration</description></item>
/// <item><term>g/L</term><description>GL — gram per litre — MassConcentration</description></item>
/// <item><term>CFU/g, CFU/mL, MPN/g, MPN/100mL</term><description>none: Rec 20 has no colony-forming-unit or
/// most-probable-number codes, so these carry no <c>uom</c> and name their unit in the lab-result extension.</description></item>
/// </list>
/// </remarks>
public sealed record MeasurementUnit
{
    private MeasurementUnit(string symbol, string? rec20Code, string name, string? gs1MeasurementType)
    {
        Symbol = symbol;
        Rec20Code = rec20Code;
        Name = name;
        Gs1MeasurementType = gs1MeasurementType;
    }

    /// <summary>The canonical symbol, e.g. "µg/kg" (with the micro sign U+00B5).</summary>
    public string Symbol { get; }

    /// <summary>The UN/ECE Rec 20 common code, or null when Rec 20 has none (microbial counts).</summary>
    public string? Rec20Code { get; }

    public string Name { get; }

    /// <summary>The GS1 Web Vocabulary measurement type of a sensor report in this unit, or null when it has none.</summary>
    public string? Gs1MeasurementType { get; }

    public static readonly MeasurementUnit MilligramPerKilogram = new("mg/kg", "NA", "milligram per kilogram", "Dimensionless");
    public static readonly MeasurementUnit MicrogramPerKilogram = new("µg/kg", "J33", "microgram per kilogram", "Dimensionless");
    public static readonly MeasurementUnit GramPerKilogram = new("g/kg", "GK", "gram per kilogram", "Dimensionless");
    public static readonly MeasurementUnit GramPer100Gram = new("g/100g", "60", "gram per 100 gram (percent weight)", "Dimensionless");
    public static readonly MeasurementUnit Percent = new("%", "P1", "percent", "Dimensionless");
    public static readonly MeasurementUnit MilligramPerLitre = new("mg/L", "M1", "milligram per litre", "MassConcentration");
    public static readonly MeasurementUnit MicrogramPerLitre = new("µg/L", "H29", "microgram per litre", "MassConcentration");
    public static readonly MeasurementUnit GramPerLitre = new("g/L", "GL", "gram per litre", "MassConcentration");
    public static readonly MeasurementUnit CfuPerGram = new("CFU/g", null, "colony-forming units per gram", null);
    public static readonly MeasurementUnit CfuPerMillilitre = new("CFU/mL", null, "colony-forming units per millilitre", null);
    public static readonly MeasurementUnit MpnPerGram = new("MPN/g", null, "most probable number per gram", null);
    public static readonly MeasurementUnit MpnPer100Millilitre = new("MPN/100mL", null, "most probable number per 100 millilitres", null);

    public static IReadOnlyList<MeasurementUnit> All { get; } =
    [
        MilligramPerKilogram, MicrogramPerKilogram, GramPerKilogram, GramPer100Gram, Percent,
        MilligramPerLitre, MicrogramPerLitre, GramPerLitre,
        CfuPerGram, CfuPerMillilitre, MpnPerGram, MpnPer100Millilitre,
    ];

    // Keyed by the folded spelling (see Fold): the symbols are unambiguous in this closed set whatever the case.
    private static readonly FrozenDictionary<string, MeasurementUnit> BySpelling =
        All.ToFrozenDictionary(u => Fold(u.Symbol), StringComparer.Ordinal);

    /// <summary>
    /// Accepts the canonical symbols and their usual spellings: any letter case ("mg/l"), "ug" or Greek "μg" for
    /// "µg", and spaces ("g/100 g").
    /// </summary>
    /// <exception cref="FormatException">Not one of the accepted units.</exception>
    public static MeasurementUnit Parse(string text) =>
        TryParse(text, out var unit) ? unit : throw new FormatException(UnknownUnit(text));

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MeasurementUnit? unit)
    {
        unit = null;
        return text is not null && BySpelling.TryGetValue(Fold(text), out unit);
    }

    internal static string UnknownUnit(string? text) =>
        $"unit '{text}' is not accepted; use one of {string.Join(", ", All.Select(u => u.Symbol))}";

    public override string ToString() => Symbol;

    private static string Fold(string text)
    {
        var compact = string.Concat(LabText.FoldPunctuation(text).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        // Micro: the micro sign, the Greek letter mu and the ASCII stand-in "u" all mean 10^-6.
        return compact.Length > 1 && compact[0] is 'u' or 'μ' or 'µ' ? "µ" + compact[1..] : compact;
    }
}
