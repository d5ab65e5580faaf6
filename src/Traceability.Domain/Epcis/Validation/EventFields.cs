using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>The standard fields of EPCIS 2.0 events.</summary>
internal enum EventField
{
    Context,
    Type,
    EventTime,
    RecordTime,
    EventTimeZoneOffset,
    EventId,
    CertificationInfo,
    ErrorDeclaration,
    Action,
    EpcList,
    QuantityList,
    ParentId,
    ChildEpcs,
    ChildQuantityList,
    InputEpcList,
    InputQuantityList,
    OutputEpcList,
    OutputQuantityList,
    TransformationId,
    BizStep,
    Disposition,
    PersistentDisposition,
    ReadPoint,
    BizLocation,
    BizTransactionList,
    SourceList,
    DestinationList,
    SensorElementList,
    Ilmd,
}

/// <summary>Which fields each event type admits (the schema's propertyNames lists), as bit sets.</summary>
internal static class EventFields
{
    private static readonly uint Common = Bits(
        EventField.Context, EventField.Type, EventField.EventTime, EventField.RecordTime,
        EventField.EventTimeZoneOffset, EventField.EventId, EventField.CertificationInfo,
        EventField.ErrorDeclaration,
        // What/where/why fields every type has. persistentDisposition is here too: the final schema
        // limits it to Object and Transformation events, but it is as meaningful on the others and
        // real feeds (the openepcis suite) send it on AggregationEvents.
        EventField.BizStep, EventField.Disposition, EventField.PersistentDisposition, EventField.ReadPoint,
        EventField.BizLocation, EventField.BizTransactionList, EventField.SourceList,
        EventField.DestinationList, EventField.SensorElementList);

    private static readonly uint[] ByType = new uint[5];

    static EventFields()
    {
        ByType[(int)EventType.ObjectEvent] = Common | Bits(
            EventField.Action, EventField.EpcList, EventField.QuantityList, EventField.Ilmd);
        ByType[(int)EventType.AggregationEvent] = Common | Bits(
            EventField.Action, EventField.ParentId, EventField.ChildEpcs, EventField.ChildQuantityList);
        ByType[(int)EventType.AssociationEvent] = ByType[(int)EventType.AggregationEvent];
        ByType[(int)EventType.TransactionEvent] = Common | Bits(
            EventField.Action, EventField.ParentId, EventField.EpcList, EventField.QuantityList);
        ByType[(int)EventType.TransformationEvent] = Common | Bits(
            EventField.InputEpcList, EventField.InputQuantityList, EventField.OutputEpcList,
            EventField.OutputQuantityList, EventField.TransformationId, EventField.Ilmd);
    }

    public static bool IsAllowed(EventType type, EventField field) => (ByType[(int)type] & Bit(field)) != 0;

    public static uint Bit(EventField field) => 1u << (int)field;

    public static EventField? Parse(string name) => name switch
    {
        "@context" => EventField.Context,
        "type" => EventField.Type,
        "eventTime" => EventField.EventTime,
        "recordTime" => EventField.RecordTime,
        "eventTimeZoneOffset" => EventField.EventTimeZoneOffset,
        "eventID" => EventField.EventId,
        "certificationInfo" => EventField.CertificationInfo,
        "errorDeclaration" => EventField.ErrorDeclaration,
        "action" => EventField.Action,
        "epcList" => EventField.EpcList,
        "quantityList" => EventField.QuantityList,
        "parentID" => EventField.ParentId,
        "childEPCs" => EventField.ChildEpcs,
        "childQuantityList" => EventField.ChildQuantityList,
        "inputEPCList" => EventField.InputEpcList,
        "inputQuantityList" => EventField.InputQuantityList,
        "outputEPCList" => EventField.OutputEpcList,
        "outputQuantityList" => EventField.OutputQuantityList,
        "transformationID" => EventField.TransformationId,
        "bizStep" => EventField.BizStep,
        "disposition" => EventField.Disposition,
        "persistentDisposition" => EventField.PersistentDisposition,
        "readPoint" => EventField.ReadPoint,
        "bizLocation" => EventField.BizLocation,
        "bizTransactionList" => EventField.BizTransactionList,
        "sourceList" => EventField.SourceList,
        "destinationList" => EventField.DestinationList,
        "sensorElementList" => EventField.SensorElementList,
        "ilmd" => EventField.Ilmd,
        _ => null,
    };

    public static EventType? ParseType(string name) => name switch
    {
        "ObjectEvent" => EventType.ObjectEvent,
        "AggregationEvent" => EventType.AggregationEvent,
        "TransactionEvent" => EventType.TransactionEvent,
        "TransformationEvent" => EventType.TransformationEvent,
        "AssociationEvent" => EventType.AssociationEvent,
        _ => null,
    };

    private static uint Bits(params ReadOnlySpan<EventField> fields)
    {
        var bits = 0u;
        foreach (var field in fields)
        {
            bits |= Bit(field);
        }
        return bits;
    }
}
