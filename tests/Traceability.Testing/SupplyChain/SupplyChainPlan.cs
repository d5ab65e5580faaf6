namespace Traceability.Testing.SupplyChain;

/// <summary>
/// The shape of a generated supply chain, decided before any event is written: farms raise raw lots; processors
/// turn 1–3 input lots into 1–3 output lots, level after level, shipping each input in from where it was made;
/// the last level is packed into cases, cases onto pallets, pallets shipped to distributors, unpacked there and
/// the cases shipped on to retailers.
/// </summary>
internal sealed class SupplyChainPlan
{
    public SupplyChainPlan(int lots, int depth, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lots, depth + 1);
        var rng = new Random(seed);
        var farms = Sites(1, Math.Max(4, lots / 200));
        var processors = Sites(20_001, Math.Max(3, lots / 1_000));
        var distributors = Sites(40_001, Math.Max(2, lots / 5_000));
        var retailers = Sites(60_001, Math.Max(4, lots / 250));
        var perLevel = lots / (depth + 1);

        var raw = new List<PlannedLot>();
        for (var i = 0; i < perLevel; i++)
        {
            var lot = NewLot(0, i, farms[rng.Next(farms.Count)]);
            raw.Add(lot);
            Steps.Add(new Commission(lot));
        }
        Levels.Add(raw);
        for (var level = 1; level <= depth; level++) Levels.Add(Transform(Levels[^1], level, processors, rng));
        PackAndDistribute(Levels[^1], distributors, retailers, rng);
    }

    public List<List<PlannedLot>> Levels { get; } = [];
    public List<Step> Steps { get; } = [];
    public List<string> Containers { get; } = [];

    public int EventCount => Steps.Sum(s => s is Transfer ? 2 : 1);

    private List<PlannedLot> Transform(List<PlannedLot> inputs, int level, IReadOnlyList<Site> processors, Random rng)
    {
        var shuffled = inputs.ToArray();
        rng.Shuffle(shuffled);
        var outputs = new List<PlannedLot>();
        for (var at = 0; at < shuffled.Length;)
        {
            var group = shuffled.AsSpan(at, Math.Min(OneToThree(rng), shuffled.Length - at)).ToArray();
            at += group.Length;
            var processor = processors[rng.Next(processors.Count)];
            foreach (var input in group.Where(i => i.Maker != processor))
                Steps.Add(new Transfer([input.Class], Classes: true, input.Maker, processor));
            var made = Enumerable.Range(0, OneToThree(rng)).Select(_ => NewLot(level, outputs.Count, processor, outputs)).ToList();
            Steps.Add(new Transformation(group, made, processor));
        }
        return outputs;
    }

    private void PackAndDistribute(List<PlannedLot> finished, IReadOnlyList<Site> distributors, IReadOnlyList<Site> retailers, Random rng)
    {
        var cases = new List<(string Case, Site Maker)>();
        foreach (var lot in finished.OrderBy(l => l.Maker.Location, StringComparer.Ordinal))
        {
            for (var c = rng.Next(2, 5); c > 0; c--)
            {
                var id = SupplyChainIds.Case(Containers.Count + 1);
                Containers.Add(id);
                cases.Add((id, lot.Maker));
                Steps.Add(new Pack(id, lot));
            }
        }
        for (var first = 0; first < cases.Count;)
        {
            var load = cases.GetRange(first, Math.Min(rng.Next(10, 21), cases.Count - first)).ToArray();
            first += load.Length;
            var pallet = SupplyChainIds.Pallet(Containers.Count + 1);
            Containers.Add(pallet);
            var packer = load[0].Maker;
            var distributor = distributors[rng.Next(distributors.Count)];
            Steps.Add(new Palletise(pallet, [.. load.Select(l => l.Case)], packer));
            Steps.Add(new Transfer([pallet], Classes: false, packer, distributor));
            Steps.Add(new Unpack(pallet, distributor));
            var shipments = Math.Min(load.Length, rng.Next(2, 5));
            for (var s = 0; s < shipments; s++)
            {
                var shipped = load.Where((_, i) => i % shipments == s).Select(l => l.Case).ToList();
                Steps.Add(new Transfer(shipped, Classes: false, distributor, retailers[rng.Next(retailers.Count)]));
            }
        }
    }

    /// <summary>1 (65 %), 2 (30 %) or 3: processing mostly keeps lots apart, sometimes blends or splits them.</summary>
    private static int OneToThree(Random rng) => rng.NextDouble() switch { < 0.65 => 1, < 0.95 => 2, _ => 3 };

    private static PlannedLot NewLot(int level, int index, Site maker, List<PlannedLot>? into = null)
    {
        var lot = new PlannedLot(level, SupplyChainIds.LotClass(level, index % 5, $"L{level}-{index}"), maker);
        into?.Add(lot);
        return lot;
    }

    private static List<Site> Sites(int firstReference, int count) =>
        [.. Enumerable.Range(firstReference, count).Select(SupplyChainIds.Site)];
}

internal sealed record PlannedLot(int Level, string Class, Site Maker);

internal abstract record Step;

internal sealed record Commission(PlannedLot Lot) : Step;

/// <summary>A shipment and its receipt (two events).</summary>
internal sealed record Transfer(IReadOnlyList<string> Objects, bool Classes, Site From, Site To) : Step;

internal sealed record Transformation(IReadOnlyList<PlannedLot> Inputs, IReadOnlyList<PlannedLot> Outputs, Site At) : Step;

internal sealed record Pack(string Case, PlannedLot Lot) : Step;

internal sealed record Palletise(string Pallet, IReadOnlyList<string> Cases, Site At) : Step;

internal sealed record Unpack(string Pallet, Site At) : Step;
