namespace Traceability.Domain.Epcis.Model;

/// <summary>The five EPCIS 2.0 event types.</summary>
public enum EventType
{
    ObjectEvent,
    AggregationEvent,
    TransactionEvent,
    TransformationEvent,
    AssociationEvent,
}
