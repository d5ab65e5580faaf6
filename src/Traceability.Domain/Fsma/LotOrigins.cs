using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// Per traceability lot: its code's source (where the code was assigned: the place of the earliest event that
/// created the lot, an ObjectEvent ADD or a transformation output, or that event's recorder when it names no place)
/// as a location description and as a reference (the GLN's Digital Link), and the lot's unit of measure: the unit of
/// its creating event's amount, else of the earliest amount any event gives. Every row of the lot is written in it
/// where the units convert.
/// </summary>
internal sealed class LotOrigins
{
    private readonly Dictionary<string, (string Description, string Reference)> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _units = new(StringComparer.Ordinal);

    /// <param name="recorded">Events in time order, none declared in error.</param>
    public static LotOrigins From(IReadOnlyList<RecordedEvent> recorded, LocationDescriber describer)
    {
        var origins = new LotOrigins();
        foreach (var r in recorded)
        {
            var e = r.Event;
            var created = e.Type switch
            {
                EventType.TransformationEvent => LotAmounts.Of(e.OutputEpcList, e.OutputQuantityList),
                EventType.ObjectEvent when e.Action == "ADD" => LotAmounts.Of(e.EpcList, e.QuantityList),
                _ => [],
            };
            foreach (var amount in created)
            {
                var place = e.BizLocation ?? e.ReadPoint;
                var description = describer.Describe(place, r) is { Length: > 0 } d ? d : LocationDescriber.Recorder(r);
                origins._sources.TryAdd(amount.LotKey, (description, LocationDescriber.Reference(place, r)));
                origins._units.TryAdd(amount.LotKey, amount.Unit);
            }
        }
        foreach (var e in recorded.Select(r => r.Event))
        {
            var named = e.EpcList.Concat(e.ChildEpcs).Concat(e.InputEpcList).Concat(e.OutputEpcList);
            var quantities = e.QuantityList.Concat(e.ChildQuantityList).Concat(e.InputQuantityList).Concat(e.OutputQuantityList);
            foreach (var amount in LotAmounts.Of(named, quantities))
                origins._units.TryAdd(amount.LotKey, amount.Unit);
        }
        return origins;
    }

    public (string Description, string Reference) SourceOf(string lotKey) => _sources.GetValueOrDefault(lotKey, ("", ""));

    public string? UnitOf(string lotKey) => _units.GetValueOrDefault(lotKey);
}
