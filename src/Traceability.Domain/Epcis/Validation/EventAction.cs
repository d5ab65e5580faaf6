namespace Traceability.Domain.Epcis.Validation;

/// <summary>The EPCIS action of Object, Aggregation, Transaction and Association events.</summary>
internal enum EventAction
{
    Add,
    Observe,
    Delete,
}
