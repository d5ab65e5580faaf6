using Traceability.Domain.Units;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// An amount of one traceability lot in one event: an instance of the lot counts one each, a quantity element gives
/// its quantity and unit (EPCIS: no uom means a count, no quantity means unknown). <see cref="Container"/> is the
/// logistic unit (SSCC path /00/…) the event named when the lot travelled inside it, else null.
/// </summary>
internal sealed record LotAmount(string LotKey, decimal? Quantity, string Unit, string? Container = null);

internal static class LotAmounts
{
    /// <summary>The lots named directly; identifiers that name no lot (SSCCs, serials without lot) are skipped.</summary>
    public static IEnumerable<LotAmount> Of(IEnumerable<string> instances, IEnumerable<QuantityElement> quantities)
    {
        foreach (var id in instances)
            if (Identifiers.LotPath(id) is { } lot)
                yield return new LotAmount(lot, 1, UnitOfMeasure.Each);
        foreach (var q in quantities)
            if (Identifiers.LotPath(q.EpcClass) is { } lot)
                yield return new LotAmount(lot, q.Quantity, q.Uom ?? UnitOfMeasure.Each);
    }

    /// <summary>The lots in first-seen order.</summary>
    public static IReadOnlyList<string> Lots(IEnumerable<LotAmount> amounts) =>
        amounts.Select(a => a.LotKey).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The quantity and unit columns for one lot's amounts in one event, in the lot's own unit where the event's
    /// unit converts to it (<see cref="UnitOfMeasure.TryConvert"/>); an amount that does not convert keeps the
    /// event's unit, so several units are joined by "; ". <c>AsRecorded</c> holds what the event said when a
    /// conversion happened (e.g. "0.8 TNE"), else "".
    /// </summary>
    public static (string Quantity, string Unit, string AsRecorded) Describe(IReadOnlyList<LotAmount> amounts, string? lotUnit)
    {
        var converted = false;
        var inLotUnit = amounts.Select(a =>
        {
            if (a.Quantity is { } q && lotUnit is not null && a.Unit != lotUnit && UnitOfMeasure.TryConvert(q, a.Unit, lotUnit, out var c))
            {
                converted = true;
                return (Quantity: (decimal?)c, Unit: lotUnit);
            }
            return (a.Quantity, a.Unit);
        }).ToList();
        var groups = inLotUnit.GroupBy(a => a.Unit, StringComparer.Ordinal)
            .Select(g => (Quantity: Sum(g.Select(a => a.Quantity)), Unit: g.Key))
            .ToList();
        var asRecorded = converted
            ? string.Join("; ", amounts.Select(a => $"{(a.Quantity is { } q ? UnitOfMeasure.Format(q) : "?")} {a.Unit}"))
            : "";
        return (string.Join("; ", groups.Select(g => g.Quantity)), string.Join("; ", groups.Select(g => UnitOfMeasure.Describe(g.Unit))), asRecorded);
    }

    /// <summary>The total, or "" when any part is unknown (or the sum overflows).</summary>
    private static string Sum(IEnumerable<decimal?> quantities)
    {
        decimal total = 0;
        foreach (var q in quantities)
        {
            if (q is not { } value) return "";
            try
            {
                total += value;
            }
            catch (OverflowException)
            {
                return "";
            }
        }
        return UnitOfMeasure.Format(total);
    }
}
