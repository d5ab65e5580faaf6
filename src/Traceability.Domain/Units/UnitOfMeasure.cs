using System.Globalization;

namespace Traceability.Domain.Units;

/// <summary>
/// UN/ECE Recommendation 20 unit codes as EPCIS quantity elements carry them (<c>uom</c>): their names, and exact
/// conversions between units of one kind (mass, volume, count of items), so one lot is reported in one unit
/// although its events mix e.g. KGM and TNE. Package codes (the Rec 21 codes Rec 20 carries with an X prefix, XCS,
/// XBX …, and their older two-letter forms CS, BX …) have names but no conversion: how much a carton holds is not in
/// the event. The one table of units: recall acknowledgements are validated against it, the FSMA export converts
/// with it, the console offers it in both languages.
/// </summary>
/// <remarks>
/// Written by hand: the factors below are the exact legal definitions (1 lb = 0.45359237 kg, 1 US gal =
/// 3.785411784 L), and no package on the registry maps Rec 20 codes to them.
/// </remarks>
public static class UnitOfMeasure
{
    /// <summary>EPCIS: a quantity element without uom counts instances.</summary>
    public const string Each = "EA";

    public enum Kind { Mass, Volume, Count, Package }

    /// <summary>A unit: its Rec 20 code, English and Chinese names, kind, and how many of the kind's base unit (KGM, LTR, EA) one is.</summary>
    public sealed record Unit(string Code, string Name, string Chinese, Kind Kind, decimal Factor);

    // Factor: how many of the kind's base unit (KGM, LTR, EA) one of this unit is.
    private static readonly Dictionary<string, Unit> Units = new(StringComparer.Ordinal)
    {
        ["KGM"] = new("KGM", "kilogram", "千克", Kind.Mass, 1m),
        ["GRM"] = new("GRM", "gram", "克", Kind.Mass, 0.001m),
        ["MGM"] = new("MGM", "milligram", "毫克", Kind.Mass, 0.000001m),
        ["MC"] = new("MC", "microgram", "微克", Kind.Mass, 0.000000001m),
        ["HGM"] = new("HGM", "hectogram", "百克", Kind.Mass, 0.1m),
        ["DJ"] = new("DJ", "decagram", "十克", Kind.Mass, 0.01m),
        ["TNE"] = new("TNE", "tonne", "吨", Kind.Mass, 1000m),
        ["LBR"] = new("LBR", "pound", "磅", Kind.Mass, 0.45359237m),
        ["ONZ"] = new("ONZ", "ounce", "盎司", Kind.Mass, 0.028349523125m),
        ["STN"] = new("STN", "short ton", "短吨", Kind.Mass, 907.18474m),
        ["LTN"] = new("LTN", "long ton", "长吨", Kind.Mass, 1016.0469088m),
        ["CWA"] = new("CWA", "hundredweight (US)", "英担（美）", Kind.Mass, 45.359237m),
        ["LTR"] = new("LTR", "litre", "升", Kind.Volume, 1m),
        ["MLT"] = new("MLT", "millilitre", "毫升", Kind.Volume, 0.001m),
        ["CLT"] = new("CLT", "centilitre", "厘升", Kind.Volume, 0.01m),
        ["DLT"] = new("DLT", "decilitre", "分升", Kind.Volume, 0.1m),
        ["HLT"] = new("HLT", "hectolitre", "百升", Kind.Volume, 100m),
        ["MTQ"] = new("MTQ", "cubic metre", "立方米", Kind.Volume, 1000m),
        ["DMQ"] = new("DMQ", "cubic decimetre", "立方分米", Kind.Volume, 1m),
        ["CMQ"] = new("CMQ", "cubic centimetre", "立方厘米", Kind.Volume, 0.001m),
        ["GLL"] = new("GLL", "gallon (US)", "加仑（美）", Kind.Volume, 3.785411784m),
        ["GLI"] = new("GLI", "gallon (UK)", "加仑（英）", Kind.Volume, 4.54609m),
        ["QT"] = new("QT", "quart (US)", "夸脱（美）", Kind.Volume, 0.946352946m),
        ["OZA"] = new("OZA", "fluid ounce (US)", "液盎司（美）", Kind.Volume, 0.0295735295625m),
        ["OZI"] = new("OZI", "fluid ounce (UK)", "液盎司（英）", Kind.Volume, 0.0284130625m),
        ["EA"] = new("EA", "each", "个", Kind.Count, 1m),
        ["C62"] = new("C62", "one", "单位", Kind.Count, 1m),
        ["H87"] = new("H87", "piece", "件", Kind.Count, 1m),
        ["DZN"] = new("DZN", "dozen", "打", Kind.Count, 12m),
        ["GRO"] = new("GRO", "gross", "罗", Kind.Count, 144m),
        ["CT"] = new("CT", "carton", "纸箱", Kind.Package, 0m),
        ["CS"] = new("CS", "case", "箱", Kind.Package, 0m),
        ["BX"] = new("BX", "box", "盒", Kind.Package, 0m),
        ["BG"] = new("BG", "bag", "袋", Kind.Package, 0m),
        ["PK"] = new("PK", "pack", "包", Kind.Package, 0m),
        ["PA"] = new("PA", "packet", "小包", Kind.Package, 0m),
        ["BO"] = new("BO", "bottle", "瓶", Kind.Package, 0m),
        ["CA"] = new("CA", "can", "罐", Kind.Package, 0m),
        ["TN"] = new("TN", "tin", "听", Kind.Package, 0m),
        ["PL"] = new("PL", "pail", "提桶", Kind.Package, 0m),
        ["SA"] = new("SA", "sack", "麻袋", Kind.Package, 0m),
        ["NAR"] = new("NAR", "number of articles", "物品数", Kind.Count, 1m),
        ["PR"] = new("PR", "pair", "双", Kind.Count, 2m),
        ["XCT"] = new("XCT", "carton", "纸箱", Kind.Package, 0m),
        ["XCS"] = new("XCS", "case", "箱", Kind.Package, 0m),
        ["XBX"] = new("XBX", "box", "盒", Kind.Package, 0m),
        ["XBG"] = new("XBG", "bag", "袋", Kind.Package, 0m),
        ["XPK"] = new("XPK", "pack", "包", Kind.Package, 0m),
        ["XPA"] = new("XPA", "packet", "小包", Kind.Package, 0m),
        ["XBO"] = new("XBO", "bottle", "瓶", Kind.Package, 0m),
        ["XCA"] = new("XCA", "can", "罐", Kind.Package, 0m),
        ["XTN"] = new("XTN", "tin", "听", Kind.Package, 0m),
        ["XSA"] = new("XSA", "sack", "麻袋", Kind.Package, 0m),
        ["XCR"] = new("XCR", "crate", "板条箱", Kind.Package, 0m),
        ["XPX"] = new("XPX", "pallet", "托盘", Kind.Package, 0m),
        ["XPU"] = new("XPU", "tray", "浅盘", Kind.Package, 0m),
    };

    /// <summary>Every unit of the table, counts and packages first, for pickers.</summary>
    public static IReadOnlyList<Unit> All => Units.Values.OrderBy(u => u.Kind switch { Kind.Count => 0, Kind.Package => 1, Kind.Mass => 2, _ => 3 }).ToList();

    /// <summary>The unit of a Rec 20 code, written as the recommendation writes it (upper case).</summary>
    public static bool TryGet(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Unit? unit)
    {
        unit = code is not null && Units.TryGetValue(code, out var found) ? found : null;
        return unit is not null;
    }

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
