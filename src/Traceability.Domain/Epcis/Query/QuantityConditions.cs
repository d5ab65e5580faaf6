using System.Text.RegularExpressions;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// EQ_/GT_/GE_/LT_/LE_quantity, with or without a unit suffix (<c>GE_quantity_KGM</c>): some quantity element of the
/// event, in any of its quantity lists, has a quantity so related to the value (and, with a suffix, that unit; units
/// are compared as written, not converted).
/// </summary>
internal static partial class QuantityConditions
{
    public static bool TryAdd(QueryBuilder builder, string name, IReadOnlyList<string> values)
    {
        var match = QuantityParameter().Match(name);
        if (!match.Success) return false;
        var op = match.Groups[1].Value;
        var uom = match.Groups[2].Success ? match.Groups[2].Value : null;
        if (op == "EQ")
        {
            var wanted = builder.Numbers(name, values);
            builder.Condition(e => Quantities(e.Model, uom).Any(q => wanted.Contains(q)));
        }
        else if (builder.Number(name, values) is { } bound)
        {
            builder.Condition(e => Quantities(e.Model, uom).Any(q => QueryValues.Holds(q.CompareTo(bound), op)));
        }
        return true;
    }

    private static IEnumerable<decimal> Quantities(EpcisEvent m, string? uom) =>
        m.QuantityList.Concat(m.ChildQuantityList).Concat(m.InputQuantityList).Concat(m.OutputQuantityList)
            .Where(q => q.Quantity is not null && (uom is null || q.Uom == uom))
            .Select(q => q.Quantity!.Value);

    [GeneratedRegex("^(EQ|GT|GE|LT|LE)_quantity(?:_([A-Z0-9]{2,4}))?$")]
    private static partial Regex QuantityParameter();
}
