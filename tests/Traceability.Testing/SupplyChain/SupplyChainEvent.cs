using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;

namespace Traceability.Testing.SupplyChain;

/// <summary>
/// One generated EPCIS event: its JSON as a store would serve it, the fields a store indexes (identifiers in
/// canonical Digital Link form, lot and container paths as <c>LotKeys</c>), and its genealogy facts, so a loader
/// can fill a store and a lot graph without re-reading the JSON.
/// </summary>
public sealed record SupplyChainEvent(
    string EventId,
    EventType Type,
    DateTimeOffset EventTime,
    string BizStep,
    string? BizLocation,
    IReadOnlyList<string> Epcs,
    IReadOnlyList<string> EpcClasses,
    IReadOnlyList<string> LotKeys,
    GenealogyEvent Genealogy,
    string Json);
