using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Custody;

/// <summary>The lots an event touches, by what it does to them.</summary>
public sealed record LotEffects(
    IReadOnlyList<(string LotKey, string Path)> ActedOn,
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Received,
    IReadOnlyList<string> Mentioned,
    IReadOnlyList<string> Containers,
    string? ShippedToGln,
    IReadOnlyList<string> NonConformant);

/// <summary>
/// The custody rules of ARCHITECTURE.md: for lots this system knows, only the current holder may
/// ship, transform, aggregate or destroy them; shipping to an organisation's party GLN makes it the
/// expected receiver, and its receiving event hands custody over (a receipt nobody shipped to it is
/// kept but marked unconfirmed). Events about lots never seen here are accepted as external.
/// An event with disposition non_conformant (a failed lab result, or a producer's own finding) marks its lots
/// non-conformant; observing a lot that way needs no custody, since labs test lots they do not hold. The mark
/// stays: a later conformant event does not clear it, so a retest cannot quietly hide a failed one.
/// </summary>
public static class CustodyRules
{
    private const string OwningParty = "https://ref.gs1.org/cbv/SDT-owning_party";

    public static LotEffects EffectsOf(EpcisEvent e)
    {
        var step = e.BizStep is null ? null : Cbv.ShortName(e.BizStep);
        var disposition = e.Disposition is null ? null : Cbv.ShortName(e.Disposition);
        var acted = new List<(string, string)>();
        var created = new List<string>();
        var received = new List<string>();

        var instance = Lots(e.EpcList, "epcList").Concat(Lots(e.QuantityList.Select(q => q.EpcClass), "quantityList", ".epcClass")).ToList();
        var children = Lots(e.ChildEpcs, "childEPCs").Concat(Lots(e.ChildQuantityList.Select(q => q.EpcClass), "childQuantityList", ".epcClass")).ToList();
        var inputs = Lots(e.InputEpcList, "inputEPCList").Concat(Lots(e.InputQuantityList.Select(q => q.EpcClass), "inputQuantityList", ".epcClass")).ToList();
        var outputs = Lots(e.OutputEpcList, "outputEPCList").Concat(Lots(e.OutputQuantityList.Select(q => q.EpcClass), "outputQuantityList", ".epcClass")).ToList();

        switch (e.Type)
        {
            case EventType.TransformationEvent:
                acted.AddRange(inputs);
                created.AddRange(outputs.Select(o => o.LotKey));
                break;
            case EventType.AggregationEvent when e.Action is "ADD" or "DELETE":
                acted.AddRange(children); // packing and unpacking are the holder's to do
                break;
            case EventType.ObjectEvent when e.Action == "ADD":
                created.AddRange(instance.Select(i => i.LotKey));
                break;
        }
        if (step is "shipping" or "departing" || step == "destroying" || disposition == "destroyed")
            acted.AddRange(instance.Concat(e.Type == EventType.AggregationEvent ? children : []));
        var mentioned = instance.Concat(children).Concat(inputs).Concat(outputs).Select(l => l.LotKey).Distinct().ToList();
        var containers = e.EpcList.Concat(e.ChildEpcs).Append(e.ParentId ?? "").Select(Identifiers.ContainerPath).OfType<string>().Distinct().ToList();
        // Receiving a pallet receives what is packed on it: the container keys say so, the caller adds its contents.
        if (step is "receiving" or "arriving" or "accepting")
            received.AddRange(instance.Concat(children).Select(l => l.LotKey).Concat(containers));
        var shippedTo = step is "shipping" or "departing"
            ? e.Destinations.Where(d => d.Type == OwningParty).Select(d => Identifiers.PartyGln(d.Id)).FirstOrDefault(g => g is not null)
            : null;
        // A transformation's disposition describes its outputs; other events' describe what they are about.
        var nonConformant = disposition != "non_conformant" ? []
            : e.Type == EventType.TransformationEvent ? outputs.Select(o => o.LotKey).Distinct().ToList()
            : instance.Concat(children).Select(l => l.LotKey).Distinct().ToList();
        return new LotEffects(acted.DistinctBy(a => a.Item1).ToList(), created.Distinct().ToList(), received.Distinct().ToList(), mentioned, containers, shippedTo, nonConformant);
    }

    private static IEnumerable<(string LotKey, string Path)> Lots(IEnumerable<string> ids, string field, string suffix = "") =>
        ids.Select((id, i) => (Key: Identifiers.LotPath(id), Path: $"$.{field}[{i}]{suffix}"))
           .Where(x => x.Key is not null)
           .Select(x => (x.Key!, x.Path));
}
