using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

/// <summary>
/// A small chain to trace a recall through: farms 1 and 2 raise lots X and Y; processor 3 cooks them into O;
/// elsewhere W becomes Z. O goes into case 1, Z into case 2, both cases onto pallet 10, shipped from 3 to
/// distributor 6, which ships case 1 on to retailer 7.
/// </summary>
internal static class RecallScenario
{
    public static readonly string Case = ContainerKey(1), OtherCase = ContainerKey(2), Pallet = ContainerKey(10);

    public static LotGraph Build() => Graph(
        ("harvest X", Commission(Location(1), Lot("X"))),
        ("harvest Y", Commission(Location(2), Lot("Y"))),
        ("harvest W", Commission(Location(5), Lot("W"))),
        ("ship X", Ship([Lot("X")], [Party(3), Location(3)], Party(1))),
        ("receive X", Receive([Lot("X")], Location(3), Party(1))),
        ("cook", Transform([Lot("X"), Lot("Y")], [Lot("O")], Location(3))),
        ("cook elsewhere", Transform([Lot("W")], [Lot("Z")], Location(4))),
        ("pack O", Pack(Container(1), Lot("O"))),
        ("pack Z", Pack(Container(2), Lot("Z"))),
        ("palletise", Pack(Container(10), Container(1), Container(2))),
        ("ship pallet", Ship([Container(10)], [Party(6), Location(6)], Party(3))),
        ("receive pallet", Receive([Container(10)], Location(6), Party(3))),
        ("ship case", Ship([Container(1)], [Party(7)], Party(6))));
}
