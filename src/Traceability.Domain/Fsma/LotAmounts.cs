using System.Globalization;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// The traceability lots on one side of an event and how much of each, in first-seen order. An instance
/// identifier of a lot counts one each; a quantity element gives its quantity and unit (EPCIS: no uom means a
/// count, no quantity means unknown). Identifiers that name no lot (SSCCs, serials without lot) are skipped.
/// </summary>
internal sealed class LotAmounts
{
    private const string Each = "EA"; // UN/ECE Rec 20 "each"

    private readonly Dictionary<string, List<(decimal? Quantity, string Unit)>> _byLot = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IReadOnlyList<string> Lots => _order;

    public static LotAmounts Of(IEnumerable<string> instances, IEnumerable<QuantityElement> quantities)
    {
        var amounts = new LotAmounts();
        foreach (var id in instances)
            amounts.Add(id, 1, Each);
        foreach (var q in quantities)
            amounts.Add(q.EpcClass, q.Quantity, q.Uom ?? Each);
        return amounts;
    }

    /// <summary>The quantity and unit columns: one total per unit, several units joined by "; ".</summary>
    public (string Quantity, string Unit) Describe(string lotKey)
    {
        var groups = _byLot[lotKey].GroupBy(a => a.Unit, StringComparer.Ordinal)
            .Select(g => (Quantity: g.Any(a => a.Quantity is null) ? "" : g.Sum(a => a.Quantity!.Value).ToString(CultureInfo.InvariantCulture), Unit: g.Key))
            .ToList();
        return (string.Join("; ", groups.Select(g => g.Quantity)), string.Join("; ", groups.Select(g => g.Unit)));
    }

    private void Add(string id, decimal? quantity, string unit)
    {
        if (Identifiers.LotPath(id) is not { } lot)
            return;
        if (!_byLot.TryGetValue(lot, out var list))
        {
            _byLot[lot] = list = [];
            _order.Add(lot);
        }
        list.Add((quantity, unit));
    }
}
