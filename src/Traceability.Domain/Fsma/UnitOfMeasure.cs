using System.Globalization;

namespace Traceability.Domain.Fsma;

/// <summary>
/// UN/ECE Recommendation 20 unit codes as EPCIS quantity elements carry them (<c>uom</c>): their names, and exact
/// conversions between units of one kind (mass, volume, count of items), so one lot is reported in one unit
/// although its events mix e.g. KGM and TNE. Package codes (CT, CS, BG …) have names but no conversion: how much a
/// carton holds is not in the event.
/// </summary>
/// <remarks>
/// Written by hand: the factors below are the exact legal definitions (1 lb = 0.45359237 kg, 1 US gal =
/// 3.785411784 L), and no package on the registry maps Rec 20 codes to them.
/// </remarks>
public static class UnitOfMeasure
{
    /// <summary>EPCIS: a quantity element without uom counts instances.</summary>
    public const string Each = "EA";

    private enum Kind { Mass, Volume, Count, Package }

    private sealed record Unit(string Name, Kind Kind, decimal Factor);

    // Factor: how many of the kind's base unit (KGM, LTR, EA) one of this unit is.
    private static readonly Dictionary<string, Unit> Units = new(StringComparer.Ordinal)
    {
        ["KGM"] = new("kilogram", Kind.Mass, 1m),
        ["GRM"] = new("gram", Kind.Mass, 0.001m),
        ["MGM"] = new("milligram", Kind.Mass, 0.000001m),
        ["MC"] = new("microgram", Kind.Mass, 0.000000001m),
        ["HGM"] = new("hectogram", Kind.Mass, 0.1m),
        ["DJ"] = new("decagram", Kind.Mass, 0.01m),
        ["TNE"] = new("tonne", Kind.Mass, 1000m),
        ["LBR"] = new("pound", Kind.Mass, 0.45359237m),
        ["ONZ"] = new("ounce", Kind.Mass, 0.028349523125m),
        ["STN"] = new("short ton", Kind.Mass, 907.18474m),
        ["LTN"] = new("long ton", Kind.Mass, 1016.0469088m),
        ["CWA"] = new("hundredweight (US)", Kind.Mass, 45.359237m),
        ["LTR"] = new("litre", Kind.Volume, 1m),
        ["MLT"] = new("millilitre", Kind.Volume, 0.001m),
        ["CLT"] = new("centilitre", Kind.Volume, 0.01m),
        ["DLT"] = new("decilitre", Kind.Volume, 0.1m),
        ["HLT"] = new("hectolitre", Kind.Volume, 100m),
        ["MTQ"] = new("cubic metre", Kind.Volume, 1000m),
        ["DMQ"] = new("cubic decimetre", Kind.Volume, 1m),
        ["CMQ"] = new("cubic centimetre", Kind.Volume, 0.001m),
        ["GLL"] = new("gallon (US)", Kind.Volume, 3.785411784m),
        ["GLI"] = new("gallon (UK)", Kind.Volume, 4.54609m),
        ["QT"] = new("quart (US)", Kind.Volume, 0.946352946m),
        ["OZA"] = new("fluid ounce (US)", Kind.Volume, 0.0295735295625m),
        ["OZI"] = new("fluid ounce (UK)", Kind.Volume, 0.0284130625m),
        ["EA"] = new("each", Kind.Count, 1m),
        ["C62"] = new("one", Kind.Count, 1m),
        ["H87"] = new("piece", Kind.Count, 1m),
        ["DZN"] = new("dozen", Kind.Count, 12m),
        ["GRO"] = new("gross", Kind.Count, 144m),
        ["CT"] = new("carton", Kind.Package, 0m),
        ["CS"] = new("case", Kind.Package, 0m),
        ["BX"] = new("box", Kind.Package, 0m),
        ["BG"] = new("bag", Kind.Package, 0m),
        ["PK"] = new("pack", Kind.Package, 0m),
        ["PA"] = new("packet", Kind.Package, 0m),
        ["BO"] = new("bottle", Kind.Package, 0m),
        ["CA"] = new("can", Kind.Package, 0m),
        ["TN"] = new("tin", Kind.Package, 0m),
        ["PL"] = new("pail", Kind.Package, 0m),
        ["SA"] = new("sack", Kind.Package, 0m),
    };

    /// <summary>The unit's name, e.g. "kilogram" for KGM; null for a code not in the table.</summary>
    public static string? Name(string code) => Units.TryGetValue(code, out var unit) ? unit.Name : null;

    /// <summary>The unit column's text: "kilogram (KGM)", or the code alone when its name is not known.</summary>
    public static string Describe(string code) => Name(code) is { } name ? $"{name} ({code})" : code;

    /// <summary>
    /// Converts an amount between two units of the same kind (mass, volume or count). Exact where the factors allow;
    /// otherwise rounded to nine decimal places. False when either unit is unknown, a package, or of another kind.
    /// </summary>
    public static bool TryConvert(decimal quantity, string from, string to, out decimal converted)
    {
        converted = 0;
        if (from == to)
        {
            converted = quantity;
            return true;
        }
        if (!Units.TryGetValue(from, out var source) || !Units.TryGetValue(to, out var target)
            || source.Kind != target.Kind || source.Kind == Kind.Package)
            return false;
        try
        {
            var exact = quantity * source.Factor / target.Factor;
            converted = decimal.Round(exact, 9, MidpointRounding.ToEven);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>A quantity as spreadsheets and people read it: invariant culture, no trailing zeros ("800", "0.8").</summary>
    public static string Format(decimal quantity) =>
        quantity.ToString("0.############################", CultureInfo.InvariantCulture);
}
