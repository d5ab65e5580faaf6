using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Units;

/// <summary>
/// A unit of measure by its UN/ECE Recommendation 20 code, as recall acknowledgements and EPCIS quantities carry it.
/// The table holds the codes food trade counts in: counts and trade packages (Rec 20 gives the Rec 21 package codes
/// an X prefix), mass and volume, each named in English and Chinese for the console's picker.
/// </summary>
public sealed record Rec20Unit(string Code, string English, string Chinese, Rec20Kind Kind)
{
    private static readonly Rec20Unit[] Table =
    [
        new("EA", "each", "个", Rec20Kind.Count),
        new("C62", "one (unit)", "单位", Rec20Kind.Count),
        new("H87", "piece", "件", Rec20Kind.Count),
        new("NAR", "number of articles", "物品数", Rec20Kind.Count),
        new("PR", "pair", "双", Rec20Kind.Count),
        new("DZN", "dozen", "打", Rec20Kind.Count),
        new("SET", "set", "套", Rec20Kind.Count),
        new("XBX", "box", "盒", Rec20Kind.Package),
        new("XCS", "case", "箱", Rec20Kind.Package),
        new("XCT", "carton", "纸箱", Rec20Kind.Package),
        new("XCR", "crate", "板条箱", Rec20Kind.Package),
        new("XPX", "pallet", "托盘", Rec20Kind.Package),
        new("XBG", "bag", "袋", Rec20Kind.Package),
        new("XSA", "sack", "麻袋", Rec20Kind.Package),
        new("XPK", "package", "包", Rec20Kind.Package),
        new("XPA", "packet", "小包", Rec20Kind.Package),
        new("XBO", "bottle", "瓶", Rec20Kind.Package),
        new("XCA", "can", "罐", Rec20Kind.Package),
        new("XTN", "tin", "听", Rec20Kind.Package),
        new("XJR", "jar", "坛", Rec20Kind.Package),
        new("XPU", "tray", "托盘（浅盘）", Rec20Kind.Package),
        new("XBA", "barrel", "桶", Rec20Kind.Package),
        new("XDR", "drum", "圆桶", Rec20Kind.Package),
        new("KGM", "kilogram", "千克", Rec20Kind.Mass),
        new("GRM", "gram", "克", Rec20Kind.Mass),
        new("MGM", "milligram", "毫克", Rec20Kind.Mass),
        new("TNE", "tonne", "吨", Rec20Kind.Mass),
        new("LBR", "pound", "磅", Rec20Kind.Mass),
        new("ONZ", "ounce", "盎司", Rec20Kind.Mass),
        new("LTR", "litre", "升", Rec20Kind.Volume),
        new("MLT", "millilitre", "毫升", Rec20Kind.Volume),
        new("CLT", "centilitre", "厘升", Rec20Kind.Volume),
        new("HLT", "hectolitre", "百升", Rec20Kind.Volume),
        new("MTQ", "cubic metre", "立方米", Rec20Kind.Volume),
        new("GLL", "gallon (US)", "加仑（美）", Rec20Kind.Volume),
    ];

    private static readonly FrozenDictionary<string, Rec20Unit> ByCode = Table.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);

    public static IReadOnlyList<Rec20Unit> All => Table;

    /// <summary>The unit of a Rec 20 code; codes are upper case, as the recommendation writes them.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Rec20Unit? unit)
    {
        unit = code is not null && ByCode.TryGetValue(code, out var found) ? found : null;
        return unit is not null;
    }
}

public enum Rec20Kind { Count, Package, Mass, Volume }
