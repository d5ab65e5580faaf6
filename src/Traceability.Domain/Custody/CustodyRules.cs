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

public sealed record CustodyOutcome(bool External, bool Unconfirmed, IReadOnlyList<LotState> Updates);

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
            case EventType.AggregationEvent when e.Action == "ADD":
                acted.AddRange(children);
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

    /// <summary>Applies the rules; throws a Conflict <see cref="TraceError"/> when the writer lacks custody.</summary>
    /// <param name="lotsInShippedContainers">Lots aggregated under containers this event ships or receives (they travel with them).</param>
    public static CustodyOutcome Apply(
        LotEffects effects, string eventId, string orgId, IReadOnlyDictionary<string, LotState> known,
        string? receiverOrgId, IReadOnlyCollection<string> lotsInShippedContainers)
    {
        var refused = effects.ActedOn
            .Where(a => known.TryGetValue(a.LotKey, out var lot) && lot.HolderOrgId != orgId)
            .Select(a => new FieldError(a.Path, $"lot {a.LotKey} is held by another organisation"))
            .ToList();
        if (refused.Count > 0)
            throw TraceError.Conflict("custody", $"only the current holder may do this to a lot: {refused[0].Message}", refused);

        var updates = new Dictionary<string, LotState>(StringComparer.Ordinal);
        LotState Current(string key) => updates.TryGetValue(key, out var u) ? u : known[key];

        foreach (var key in effects.Created.Where(k => !known.ContainsKey(k)))
        {
            if (Identifiers.SplitLot(key) is not { } parts) continue;
            updates[key] = new LotState(key, parts.Gtin, parts.Lot, orgId, null, false, eventId, eventId);
        }

        var shipped = effects.ActedOn.Select(a => a.LotKey).Concat(lotsInShippedContainers).Where(known.ContainsKey).Distinct();
        if (effects.ShippedToGln is not null)
            foreach (var key in shipped)
                updates[key] = Current(key) with { PendingReceiverOrgId = receiverOrgId, LastEventId = eventId };

        var unconfirmed = false;
        var received = effects.Received.Count == 0 ? [] : effects.Received.Concat(lotsInShippedContainers).Distinct().ToList();
        foreach (var key in received.Where(known.ContainsKey))
        {
            var lot = Current(key);
            if (lot.PendingReceiverOrgId == orgId) updates[key] = lot with { HolderOrgId = orgId, PendingReceiverOrgId = null, LastEventId = eventId };
            else if (lot.HolderOrgId != orgId) unconfirmed = true;
        }

        foreach (var key in effects.NonConformant.Where(k => known.ContainsKey(k) || updates.ContainsKey(k)))
            updates[key] = Current(key) with { NonConformant = true, LastEventId = eventId };

        foreach (var key in effects.Mentioned.Where(k => known.ContainsKey(k) && !updates.ContainsKey(k)))
            updates[key] = known[key] with { LastEventId = eventId };

        var external = effects.Created.Count == 0 && !effects.Mentioned.Any(known.ContainsKey);
        return new CustodyOutcome(external, unconfirmed, updates.Values.ToList());
    }

    private static IEnumerable<(string LotKey, string Path)> Lots(IEnumerable<string> ids, string field, string suffix = "") =>
        ids.Select((id, i) => (Key: Identifiers.LotPath(id), Path: $"$.{field}[{i}]{suffix}"))
           .Where(x => x.Key is not null)
           .Select(x => (x.Key!, x.Path));
}
