using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Cross-field rules of EPCIS 2.0 §7.4 and the schema's anyOf blocks: required fields, what each
/// event type must be about, and which fields depend on the action. Rules that depend on the action
/// are skipped when the action itself is missing or invalid (that is already reported).
/// </summary>
internal static class EventShapeRules
{
    public static void Check(in EventFacts facts, string path, ErrorList errors)
    {
        Require(facts, EventField.EventTime, "eventTime", "an event needs its eventTime", path, errors);
        Require(facts, EventField.EventTimeZoneOffset, "eventTimeZoneOffset", "an event needs its eventTimeZoneOffset, e.g. +02:00", path, errors);
        if (facts.Type != EventType.TransformationEvent)
        {
            Require(facts, EventField.Action, "action", $"a {facts.Type} needs an action: ADD, OBSERVE or DELETE", path, errors);
        }

        switch (facts.Type)
        {
            case EventType.ObjectEvent:
                ObjectEvent(facts, path, errors);
                break;
            case EventType.AggregationEvent:
                // Observing an aggregation may leave the parent unknown; forming or breaking one may not.
                if (facts.Action is EventAction.Add or EventAction.Delete)
                {
                    Require(facts, EventField.ParentId, "parentID", "an AggregationEvent with action ADD or DELETE needs a parentID", path, errors);
                }
                Children(facts, path, errors);
                break;
            case EventType.AssociationEvent:
                Require(facts, EventField.ParentId, "parentID", "an AssociationEvent needs a parentID", path, errors);
                Children(facts, path, errors);
                break;
            case EventType.TransactionEvent:
                if (facts.Count(EventField.BizTransactionList) == 0)
                {
                    errors.Add(JsonPath.Property(path, "bizTransactionList"), "a TransactionEvent needs a non-empty bizTransactionList");
                }
                if (facts.Action is EventAction.Add or EventAction.Observe && !Any(facts, EventField.EpcList, EventField.QuantityList))
                {
                    errors.Add(JsonPath.Property(path, "epcList"), "a TransactionEvent needs a non-empty epcList or quantityList (only DELETE may omit them)");
                }
                break;
            case EventType.TransformationEvent:
                TransformationEvent(facts, path, errors);
                break;
        }
    }

    private static void ObjectEvent(in EventFacts facts, string path, ErrorList errors)
    {
        var isAboutObjects = Any(facts, EventField.EpcList, EventField.QuantityList);
        var isSensorObservation = facts.Count(EventField.SensorElementList) > 0 && facts.Has(EventField.ReadPoint);
        if (!isAboutObjects && !isSensorObservation)
        {
            errors.Add(JsonPath.Property(path, "epcList"),
                "an ObjectEvent needs a non-empty epcList or quantityList (or, for a sensor-only observation, a sensorElementList and a readPoint)");
        }
        if (facts.Has(EventField.Ilmd) && facts.Action is EventAction.Observe or EventAction.Delete)
        {
            errors.Add(JsonPath.Property(path, "ilmd"), "ilmd is only allowed when action is ADD");
        }
    }

    private static void Children(in EventFacts facts, string path, ErrorList errors)
    {
        // DELETE without children means "all children of the parent".
        if (facts.Action is EventAction.Add or EventAction.Observe && !Any(facts, EventField.ChildEpcs, EventField.ChildQuantityList))
        {
            errors.Add(JsonPath.Property(path, "childEPCs"),
                $"a {facts.Type} with action ADD or OBSERVE needs a non-empty childEPCs or childQuantityList");
        }
    }

    private static void TransformationEvent(in EventFacts facts, string path, ErrorList errors)
    {
        var hasInputs = Any(facts, EventField.InputEpcList, EventField.InputQuantityList);
        var hasOutputs = Any(facts, EventField.OutputEpcList, EventField.OutputQuantityList);
        if (hasInputs && hasOutputs)
        {
            return;
        }
        if (!hasInputs && !hasOutputs)
        {
            errors.Add(JsonPath.Property(path, "inputEPCList"),
                "a TransformationEvent needs inputs (inputEPCList or inputQuantityList) and outputs (outputEPCList or outputQuantityList)");
        }
        else if (!facts.Has(EventField.TransformationId))
        {
            // One side alone is allowed only when a transformationID ties it to the events holding the other side.
            var (missing, what) = hasInputs ? ("outputEPCList", "outputs") : ("inputEPCList", "inputs");
            errors.Add(JsonPath.Property(path, missing),
                $"a TransformationEvent without a transformationID needs both inputs and outputs; it has no {what}");
        }
    }

    private static bool Any(in EventFacts facts, EventField identifiers, EventField quantities) =>
        facts.Count(identifiers) > 0 || facts.Count(quantities) > 0;

    private static void Require(in EventFacts facts, EventField field, string name, string message, string path, ErrorList errors)
    {
        if (!facts.Has(field))
        {
            errors.Add(JsonPath.Property(path, name), message);
        }
    }
}
