using Traceability.Domain.Units;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// What each logistic unit (SSCC: a pallet, a case) held over time, from AggregationEvents: ADD puts children on,
/// DELETE takes the named children off (all of them when it names none). A shipped or received SSCC ships or
/// receives the lots on it at that moment, through nested units too (cases on a pallet). OBSERVE changes nothing.
/// </summary>
internal sealed class PalletContents
{
    private const int MaxDepth = 8;

    /// <summary>One thing on a unit: a lot amount, or a nested unit (<see cref="Unit"/> set, no lot).</summary>
    private sealed record Item(string Id, string? LotKey, decimal? Quantity, string AmountUnit, string? Unit);

    private readonly Dictionary<string, List<(DateTimeOffset At, IReadOnlyList<Item> Items)>> _history = new(StringComparer.Ordinal);

    /// <param name="events">Events in time order; those that are no aggregation of an SSCC are ignored.</param>
    public static PalletContents From(IEnumerable<EpcisEvent> events)
    {
        var contents = new PalletContents();
        foreach (var e in events)
        {
            if (e.Type != EventType.AggregationEvent || e.HasErrorDeclaration || e.ParentId is null) continue;
            if (Identifiers.ContainerPath(e.ParentId) is not { } unit) continue;
            if (e.Action == "ADD") contents.Change(unit, e.EventTime, items => items.Concat(ItemsOf(e)));
            else if (e.Action == "DELETE") contents.Change(unit, e.EventTime, items => Remove(items, ItemsOf(e).ToList()));
        }
        return contents;
    }

    /// <summary>The lots on the unit at the given time, each amount carrying <paramref name="unit"/> as its container.</summary>
    public IEnumerable<LotAmount> LotsIn(string unit, DateTimeOffset at) => LotsIn(unit, unit, at, 0);

    private IEnumerable<LotAmount> LotsIn(string unit, string outermost, DateTimeOffset at, int depth)
    {
        if (depth > MaxDepth || !_history.TryGetValue(unit, out var history)) yield break;
        var snapshot = history.LastOrDefault(h => h.At <= at).Items ?? [];
        foreach (var item in snapshot)
        {
            if (item.Unit is { } nested)
            {
                foreach (var inner in LotsIn(nested, outermost, at, depth + 1)) yield return inner;
            }
            else
            {
                yield return new LotAmount(item.LotKey!, item.Quantity, item.AmountUnit, outermost);
            }
        }
    }

    private void Change(string unit, DateTimeOffset at, Func<IEnumerable<Item>, IEnumerable<Item>> change)
    {
        if (!_history.TryGetValue(unit, out var history)) _history[unit] = history = [];
        var current = history.Count > 0 ? history[^1].Items : [];
        history.Add((at, change(current).ToList()));
    }

    private static IEnumerable<Item> ItemsOf(EpcisEvent e)
    {
        foreach (var id in e.ChildEpcs)
        {
            var canonical = Identifiers.Canonical(id);
            if (Identifiers.ContainerPath(id) is { } nested) yield return new Item(canonical, null, null, "", nested);
            else if (Identifiers.LotPath(id) is { } lot) yield return new Item(canonical, lot, 1, UnitOfMeasure.Each, null);
        }
        foreach (var q in e.ChildQuantityList)
            if (Identifiers.LotPath(q.EpcClass) is { } lot)
                yield return new Item(lot, lot, q.Quantity, q.Uom ?? UnitOfMeasure.Each, null);
    }

    /// <summary>Takes the removed children off: instances and units by identity, quantities by subtraction.</summary>
    private static IEnumerable<Item> Remove(IEnumerable<Item> items, IReadOnlyList<Item> removed)
    {
        if (removed.Count == 0) return [];
        var left = items.ToList();
        foreach (var r in removed)
        {
            var index = left.FindIndex(i => i.Id == r.Id && i.AmountUnit == r.AmountUnit);
            if (index < 0) continue;
            var item = left[index];
            if (item.Id == item.LotKey && r.Quantity is { } less && item.Quantity is { } had && had > less)
                left[index] = item with { Quantity = had - less };
            else
                left.RemoveAt(index);
        }
        return left;
    }
}
