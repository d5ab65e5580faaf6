namespace Traceability.Domain.Epcis.Model;

/// <summary>A source or destination; <see cref="Type"/> is the full CBV URI when it is a CBV type
/// (e.g. https://ref.gs1.org/cbv/SDT-owning_party).</summary>
public sealed record SourceDest(string Type, string Id);
