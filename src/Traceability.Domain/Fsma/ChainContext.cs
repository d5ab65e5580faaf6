using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// The rows of one event, with the key data elements the rule names for its critical tracking event, filled in
/// from the other events where the event itself does not carry them (see <see cref="Fsma204Export"/>).
/// </summary>
internal sealed class ChainContext
{
    private readonly LocationDescriber _describer;
    private readonly Func<string, string?> _productDescription;
    private readonly PalletContents _pallets;
    private readonly LotOrigins _origins;
    private readonly ShipmentIndex _shipments = new();

    /// <param name="recorded">Events in time order, none declared in error.</param>
    public ChainContext(IReadOnlyList<RecordedEvent> recorded, LocationDescriber describer, Func<string, string?> productDescription)
    {
        _describer = describer;
        _productDescription = productDescription;
        _pallets = PalletContents.From(recorded.Select(r => r.Event));
        _origins = LotOrigins.From(recorded, describer);
        foreach (var r in recorded)
            if (CteClassifier.Classify(r.Event) == CriticalTrackingEvent.Shipping)
                _shipments.Add(ShipmentOf(r));
    }

    public IEnumerable<Fsma204Row> RowsOf(RecordedEvent r, CriticalTrackingEvent cte)
    {
        var e = r.Event;
        var place = _describer.Describe(PreciseLocation(e), r);
        var here = First(place, LocationDescriber.Recorder(r));
        var template = Template(r, cte);
        switch (cte)
        {
            case CriticalTrackingEvent.Transformation:
            {
                var inputs = LotAmounts.Of(e.InputEpcList, e.InputQuantityList).ToList();
                var outputs = LotAmounts.Of(e.OutputEpcList, e.OutputQuantityList).ToList();
                var inputCodes = string.Join("; ", LotAmounts.Lots(inputs).Select(Fsma204Export.TraceabilityLotCode));
                foreach (var lot in LotAmounts.Lots(inputs))
                    yield return Row(template with { TransformationRole = "Input", Location = here }, lot, inputs);
                foreach (var lot in LotAmounts.Lots(outputs))
                    yield return Row(template with { TransformationRole = "Output", Location = here, InputTraceabilityLotCodes = inputCodes }, lot, outputs);
                break;
            }
            case CriticalTrackingEvent.Shipping:
            {
                var shipment = ShipmentOf(r);
                var moved = Moved(e);
                foreach (var lot in LotAmounts.Lots(moved))
                    yield return Row(template with { Location = shipment.ShipFrom, ShipFromLocation = shipment.ShipFrom, ShipToLocation = shipment.ShipTo }, lot, moved);
                break;
            }
            case CriticalTrackingEvent.Receiving:
            {
                var receivedAt = First(place, _describer.Describe(LocationDescriber.Location(e.Destinations), r), LocationDescriber.Recorder(r));
                var ownSource = First(
                    _describer.Describe(LocationDescriber.Location(e.Sources), r), _describer.Describe(LocationDescriber.Party(e.Sources), r));
                var receiver = ReceiverGlns(r);
                var moved = Moved(e);
                foreach (var lot in LotAmounts.Lots(moved))
                {
                    var shipFrom = ownSource.Length > 0 ? ownSource : string.Join("; ", moved
                        .Where(a => a.LotKey == lot)
                        .Select(a => _shipments.MatchReceipt(a.Container ?? lot, e.EventTime, receiver)?.ShipFrom)
                        .OfType<string>().Where(s => s.Length > 0).Distinct());
                    yield return Row(template with { Location = receivedAt, ShipFromLocation = shipFrom, ShipToLocation = receivedAt }, lot, moved);
                }
                break;
            }
            case CriticalTrackingEvent.Harvesting or CriticalTrackingEvent.Cooling:
            {
                // The rule asks the harvester and cooler for the immediate subsequent recipient: the event's own
                // destination if it names one, else where the lot's next shipment went.
                var ownRecipient = _describer.Describe(LocationDescriber.Party(e.Destinations), r);
                var lots = LotAmounts.Of(e.EpcList, e.QuantityList).ToList();
                foreach (var lot in LotAmounts.Lots(lots))
                {
                    var recipient = ownRecipient.Length > 0 ? ownRecipient : _shipments.NextOf(lot, e.EventTime)?.ShipTo ?? "";
                    yield return Row(template with { Location = here, ShipToLocation = recipient }, lot, lots);
                }
                break;
            }
            default:
            {
                var lots = LotAmounts.Of(e.EpcList, e.QuantityList).ToList();
                foreach (var lot in LotAmounts.Lots(lots))
                    yield return Row(template with { Location = here }, lot, lots);
                break;
            }
        }
    }

    private Fsma204Row Row(Fsma204Row template, string lotKey, IReadOnlyList<LotAmount> amounts)
    {
        var mine = amounts.Where(a => a.LotKey == lotKey).ToList();
        var (quantity, unit, asRecorded) = LotAmounts.Describe(mine, _origins.UnitOf(lotKey));
        var (source, reference) = _origins.SourceOf(lotKey);
        var gtin = Identifiers.SplitLot(lotKey)!.Value.Gtin;
        return template with
        {
            TraceabilityLotCode = Fsma204Export.TraceabilityLotCode(lotKey),
            TraceabilityLotCodeSource = source,
            TraceabilityLotCodeSourceReference = reference,
            ProductDescription = _productDescription(gtin) is { Length: > 0 } description ? description : $"GTIN {gtin}",
            Quantity = quantity,
            UnitOfMeasure = unit,
            QuantityAsRecorded = asRecorded,
            LogisticUnits = string.Join("; ", mine.Select(a => a.Container).OfType<string>().Distinct().Select(Fsma204Export.LogisticUnitCode)),
        };
    }

    private static Fsma204Row Template(RecordedEvent r, CriticalTrackingEvent cte)
    {
        var (types, numbers) = ReferenceDocuments.Describe(r.Event.BizTransactions);
        return new Fsma204Row
        {
            TraceabilityLotCode = "",
            ProductDescription = "",
            Event = cte,
            EventTime = Fsma204Export.LocalTime(r.Event),
            ReferenceDocumentType = types,
            ReferenceDocumentNumber = numbers,
            RecordedBy = r.RecordedByName,
            EventId = Fsma204Export.EventIdOf(r),
        };
    }

    /// <summary>
    /// What a shipping or receiving event moves: the lots it names, and the lots on every logistic unit it names at
    /// that moment. A parentID counts only when the event names no children or objects of its own.
    /// </summary>
    private List<LotAmount> Moved(EpcisEvent e)
    {
        var named = e.EpcList.Concat(e.ChildEpcs).ToList();
        var amounts = LotAmounts.Of(named, e.QuantityList.Concat(e.ChildQuantityList)).ToList();
        var units = named.Select(Identifiers.ContainerPath).OfType<string>().ToList();
        if (e.ParentId is not null && named.Count == 0 && e.QuantityList.Count == 0 && e.ChildQuantityList.Count == 0
            && Identifiers.ContainerPath(e.ParentId) is { } parent)
            units.Add(parent);
        foreach (var unit in units.Distinct(StringComparer.Ordinal))
            amounts.AddRange(_pallets.LotsIn(unit, e.EventTime));
        return amounts;
    }

    private ShipmentIndex.Shipment ShipmentOf(RecordedEvent r)
    {
        var e = r.Event;
        var moved = Moved(e);
        var shipFrom = First(
            _describer.Describe(LocationDescriber.Location(e.Sources), r),
            _describer.Describe(e.BizLocation ?? e.ReadPoint, r),
            _describer.Describe(LocationDescriber.Party(e.Sources), r),
            LocationDescriber.Recorder(r));
        var objects = moved.Select(a => a.Container ?? a.LotKey).ToHashSet(StringComparer.Ordinal);
        var named = e.EpcList.Concat(e.ChildEpcs).Concat(e.ParentId is null ? [] : [e.ParentId]);
        objects.UnionWith(named.Select(Identifiers.ContainerPath).OfType<string>());
        return new ShipmentIndex.Shipment(
            e.EventTime,
            objects,
            moved.Select(a => a.LotKey).ToHashSet(StringComparer.Ordinal),
            e.Destinations.Select(d => LocationDescriber.GlnIn(d.Id)).OfType<string>().ToHashSet(StringComparer.Ordinal),
            shipFrom,
            _describer.Describe(LocationDescriber.Party(e.Destinations), r));
    }

    /// <summary>The GLNs a receipt names its receiver by: the recorder's, its place's and its destinations'.</summary>
    private static HashSet<string> ReceiverGlns(RecordedEvent r)
    {
        var e = r.Event;
        var glns = e.Destinations.Select(d => LocationDescriber.GlnIn(d.Id))
            .Append(LocationDescriber.GlnIn(e.BizLocation)).Append(LocationDescriber.GlnIn(e.ReadPoint)).Append(r.RecordedByGln)
            .OfType<string>();
        return glns.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Where the event happened, as precisely as it says: the business location, or the read point when that is a
    /// sub-location of the same GLN (the field of a harvest, the dock of a receipt).
    /// </summary>
    private static string? PreciseLocation(EpcisEvent e)
    {
        if (e.BizLocation is null) return e.ReadPoint;
        var sameSite = e.ReadPoint is not null && LocationDescriber.GlnIn(e.ReadPoint) is { } gln && gln == LocationDescriber.GlnIn(e.BizLocation);
        return sameSite && Identifiers.Canonical(e.ReadPoint!).Contains("/254/", StringComparison.Ordinal)
               && !Identifiers.Canonical(e.BizLocation).Contains("/254/", StringComparison.Ordinal)
            ? e.ReadPoint
            : e.BizLocation;
    }

    private static string First(params string[] candidates) => candidates.FirstOrDefault(c => c.Length > 0) ?? "";
}
