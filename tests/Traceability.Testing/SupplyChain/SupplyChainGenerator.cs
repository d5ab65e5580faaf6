using System.Security.Cryptography;
using System.Text;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Testing.SupplyChain;

/// <summary>
/// A deterministic, realistic food supply chain for the trace benchmark and its tests: about <c>lots</c> lots over
/// <c>depth</c> levels of processing (so every finished lot descends from raw lots through <c>depth</c>
/// transformations), packed, palletised, shipped and received, plus routine observations (storing, inspecting,
/// stocking: no genealogy) up to <c>events</c> events in all. The same arguments always give the same events.
/// </summary>
public sealed class SupplyChainGenerator
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] RoutineSteps = ["storing", "inspecting", "stocking"];

    private readonly SupplyChainPlan _plan;
    private readonly int _seed;

    public SupplyChainGenerator(int events, int lots, int depth, int seed = 42)
    {
        _plan = new SupplyChainPlan(lots, depth, seed);
        _seed = seed;
        Depth = depth;
        StructuralEventCount = _plan.EventCount;
        EventCount = Math.Max(events, StructuralEventCount);
        LotKeysByLevel = [.. _plan.Levels.Select(level => (IReadOnlyList<string>)[.. level.Select(l => Identifiers.LotPath(l.Class)!)])];
        LotKeys = [.. LotKeysByLevel.SelectMany(l => l)];
        ContainerKeys = [.. _plan.Containers.Select(c => Identifiers.ContainerPath(c)!)];
    }

    public int Depth { get; }

    /// <summary>Lot paths (/01/{gtin14}/10/{lot}) by level: raw lots first, finished lots last.</summary>
    public IReadOnlyList<IReadOnlyList<string>> LotKeysByLevel { get; }

    public IReadOnlyList<string> LotKeys { get; }

    /// <summary>Case and pallet paths (/00/{sscc}).</summary>
    public IReadOnlyList<string> ContainerKeys { get; }

    /// <summary>Events that create genealogy (commissioning, transformation, packing, shipping, receiving, unpacking).</summary>
    public int StructuralEventCount { get; }

    /// <summary>All events: the requested number, or the structural ones alone when they are more.</summary>
    public int EventCount { get; }

    /// <summary>The events in time order; routine observations are spread evenly among the structural events.</summary>
    public IEnumerable<SupplyChainEvent> Events()
    {
        var rng = new Random(_seed ^ 0x5EED);
        var existing = new List<(string Id, bool IsClass, Site At)>();
        long routine = EventCount - StructuralEventCount, routineDone = 0, structuralDone = 0, sequence = 0;
        foreach (var step in _plan.Steps)
        {
            foreach (var draft in Drafts(step, rng, existing))
            {
                yield return draft.Build(EventId(sequence), Start.AddSeconds(10 * sequence));
                sequence++;
                structuralDone++;
                for (var due = routine * structuralDone / StructuralEventCount; routineDone < due; routineDone++, sequence++)
                    yield return Routine(rng, existing).Build(EventId(sequence), Start.AddSeconds(10 * sequence));
            }
        }
    }

    private static IEnumerable<EventDraft> Drafts(Step step, Random rng, List<(string, bool, Site)> existing)
    {
        switch (step)
        {
            case Commission c:
                existing.Add((c.Lot.Class, true, c.Lot.Maker));
                yield return new EventDraft(EventType.ObjectEvent, "ADD", "commissioning")
                    { Disposition = "active", Location = c.Lot.Maker.Location, Quantities = [(c.Lot.Class, Kilograms(rng))] };
                break;
            case Transfer t:
                yield return Moving(t, "shipping", "in_transit", t.From, rng);
                yield return Moving(t, "receiving", "in_progress", t.To, rng);
                break;
            case Transformation t:
                existing.AddRange(t.Outputs.Select(o => (o.Class, true, t.At)));
                yield return new EventDraft(EventType.TransformationEvent, null, "commissioning")
                {
                    Location = t.At.Location,
                    Inputs = [.. t.Inputs.Select(i => (i.Class, Kilograms(rng)))],
                    Outputs = [.. t.Outputs.Select(o => (o.Class, Kilograms(rng)))],
                };
                break;
            case Pack p:
                existing.Add((p.Case, false, p.Lot.Maker));
                yield return new EventDraft(EventType.AggregationEvent, "ADD", "packing")
                    { Location = p.Lot.Maker.Location, Parent = p.Case, ChildQuantities = [(p.Lot.Class, Kilograms(rng) / 10)] };
                break;
            case Palletise p:
                yield return new EventDraft(EventType.AggregationEvent, "ADD", "packing")
                    { Location = p.At.Location, Parent = p.Pallet, ChildEpcs = [.. p.Cases] };
                break;
            case Unpack u:
                yield return new EventDraft(EventType.AggregationEvent, "DELETE", "unpacking") { Location = u.At.Location, Parent = u.Pallet };
                break;
        }
    }

    private static EventDraft Moving(Transfer t, string bizStep, string disposition, Site at, Random rng)
    {
        var draft = new EventDraft(EventType.ObjectEvent, "OBSERVE", bizStep)
        {
            Disposition = disposition,
            Location = at.Location,
            SourceParties = [t.From.Party],
            // A shipment names where it goes; a receipt happens there (its bizLocation), so it names the new owner only.
            Destinations = bizStep == "shipping" ? [("owning_party", t.To.Party), ("location", t.To.Location)] : [("owning_party", t.To.Party)],
        };
        if (t.Classes) draft.Quantities.AddRange(t.Objects.Select(o => (o, Kilograms(rng))));
        else draft.EpcList.AddRange(t.Objects);
        return draft;
    }

    private static EventDraft Routine(Random rng, List<(string Id, bool IsClass, Site At)> existing)
    {
        var (id, isClass, at) = existing[rng.Next(existing.Count)];
        var draft = new EventDraft(EventType.ObjectEvent, "OBSERVE", RoutineSteps[rng.Next(RoutineSteps.Length)]) { Location = at.Location };
        if (isClass) draft.Quantities.Add((id, Kilograms(rng)));
        else draft.EpcList.Add(id);
        return draft;
    }

    private static decimal Kilograms(Random rng) => rng.Next(200, 20_000) / 10m;

    /// <summary>Ids in the CBV 2.0 hash format (as every stored event has), but derived from the sequence: hashing content is not what is measured.</summary>
    private string EventId(long sequence) =>
        EventHash.FromDigest(SHA256.HashData(Encoding.UTF8.GetBytes($"supply-chain/{_seed}/{sequence}")));
}
