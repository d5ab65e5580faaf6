namespace Traceability.Domain.Fsma;

/// <summary>
/// The shipments among the exported events, to fill in what a receipt or a harvest record does not say itself:
/// a receipt's immediate previous source is where the matching shipment left from, and a harvested lot's
/// immediate subsequent recipient is where its first shipment went.
/// </summary>
internal sealed class ShipmentIndex
{
    /// <param name="Objects">Lot keys and SSCC paths the shipping event names itself.</param>
    /// <param name="Lots">Every lot it ships, those inside named SSCCs included.</param>
    /// <param name="DestinationGlns">The GLNs of its destinations (parties and locations).</param>
    public sealed record Shipment(
        DateTimeOffset At, IReadOnlySet<string> Objects, IReadOnlySet<string> Lots, IReadOnlySet<string> DestinationGlns,
        string ShipFrom, string ShipTo);

    private readonly Dictionary<string, List<Shipment>> _byObject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Shipment>> _byLot = new(StringComparer.Ordinal);

    public void Add(Shipment shipment)
    {
        foreach (var o in shipment.Objects) Append(_byObject, o, shipment);
        foreach (var l in shipment.Lots) Append(_byLot, l, shipment);
    }

    /// <summary>
    /// The shipment a receipt of the object (lot key or SSCC path) at that time answers: the latest one before it
    /// addressed to one of the receiver's GLNs or, failing that, the latest one that named no destination. A
    /// shipment of the same object to someone else is not it.
    /// </summary>
    public Shipment? MatchReceipt(string obj, DateTimeOffset receivedAt, IReadOnlySet<string> receiverGlns)
    {
        if (!_byObject.TryGetValue(obj, out var shipments)) return null;
        var before = shipments.Where(s => s.At <= receivedAt).OrderByDescending(s => s.At).ToList();
        return before.FirstOrDefault(s => s.DestinationGlns.Overlaps(receiverGlns))
               ?? before.FirstOrDefault(s => s.DestinationGlns.Count == 0);
    }

    /// <summary>The lot's first shipment at or after the time (in a pallet or not), or null.</summary>
    public Shipment? NextOf(string lotKey, DateTimeOffset after) =>
        _byLot.TryGetValue(lotKey, out var shipments) ? shipments.Where(s => s.At >= after).MinBy(s => s.At) : null;

    private static void Append(Dictionary<string, List<Shipment>> index, string key, Shipment shipment)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(shipment);
    }
}
