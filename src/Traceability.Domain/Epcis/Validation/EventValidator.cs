using Traceability.Domain.Epcis.JsonLd;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>One pass over an event's fields: each value is checked as it is met, facts needed by the
/// cross-field rules are recorded, and <see cref="EventShapeRules"/> judges them at the end.</summary>
internal static class EventValidator
{
    /// <param name="outerContext">The document's context, or null for a standalone event, which must bring its own.</param>
    public static void Validate(JsonNode? node, string path, JsonLdContext? outerContext, ErrorList errors)
    {
        if (node is not JsonObject evt)
        {
            errors.Add(path, $"an event must be a JSON object; got {JsonValues.Describe(node)}");
            return;
        }

        var context = ReadContext(evt, path, outerContext, errors);
        var type = ReadType(evt, path, errors);
        if (type is null)
        {
            return;
        }

        var facts = new EventFacts(type.Value);
        foreach (var (name, value) in evt)
        {
            var fieldPath = JsonPath.Property(path, name);
            if (EventFields.Parse(name) is not { } field)
            {
                ExtensionNames.Check(name, fieldPath, type.Value.ToString(), context, errors);
            }
            else if (!EventFields.IsAllowed(type.Value, field))
            {
                errors.Add(fieldPath, $"'{name}' is not a field of {type}");
            }
            else
            {
                facts.Present |= EventFields.Bit(field);
                CheckField(field, value, fieldPath, context, ref facts, errors);
            }
        }
        EventShapeRules.Check(facts, path, errors);
        LocalTime(evt, path, errors);
    }

    /// <summary>
    /// The standard allows any RFC 3339 time, but an event is also shown and exported in its own time zone: a time
    /// that falls outside the years 0001–9999 there (0001-01-01T00:00Z at -12:00) is refused, naming the field.
    /// </summary>
    private static void LocalTime(JsonObject evt, string path, ErrorList errors)
    {
        if (JsonValues.StringOrNull(evt["eventTime"]) is not { } text || !Rfc3339.TryParse(text, out var time)) return;
        if (JsonValues.StringOrNull(evt["eventTimeZoneOffset"]) is not { } zone || !TimeZoneOffset.IsValid(zone)) return;
        var offset = new TimeSpan(int.Parse(zone.AsSpan(1, 2)), int.Parse(zone.AsSpan(4, 2)), 0) * (zone[0] == '-' ? -1 : 1);
        var local = time.UtcTicks + offset.Ticks;
        if (local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks)
            errors.Add(JsonPath.Property(path, "eventTime"), $"{text} at {zone} falls outside the years 0001-9999 where it happened, so it cannot be shown or exported");
    }

    private static JsonLdContext ReadContext(JsonObject evt, string path, JsonLdContext? outerContext, ErrorList errors)
    {
        var contextPath = JsonPath.Property(path, "@context");
        if (evt.TryGetPropertyValue("@context", out var contextNode))
        {
            var context = ContextScope.Read(contextNode, contextPath, errors, outerContext);
            if (outerContext is null && !context.IncludesEpcisContext)
            {
                errors.Add(contextPath, $"must include the EPCIS 2.0 context {JsonLdContext.EpcisContextUri}");
            }
            return context;
        }
        if (outerContext is not null)
        {
            return outerContext;
        }
        errors.Add(contextPath, $"a standalone event needs an @context including {JsonLdContext.EpcisContextUri}");
        return JsonLdContext.Empty;
    }

    private static EventType? ReadType(JsonObject evt, string path, ErrorList errors)
    {
        var typePath = JsonPath.Property(path, "type");
        if (!evt.TryGetPropertyValue("type", out var typeNode))
        {
            errors.Add(typePath, "an event needs a type: ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent");
            return null;
        }
        var name = ValueRules.String(typeNode, typePath, errors);
        var type = name is null ? null : EventFields.ParseType(name);
        if (name is not null && type is null)
        {
            errors.Add(typePath, $"must be ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent; got {JsonValues.Quote(name)}");
        }
        return type;
    }

    private static void CheckField(EventField field, JsonNode? value, string path, JsonLdContext context, ref EventFacts facts, ErrorList errors)
    {
        switch (field)
        {
            case EventField.Context or EventField.Type:
                break; // read before the pass
            case EventField.EventTime or EventField.RecordTime:
                ValueRules.Time(value, path, errors);
                break;
            case EventField.EventTimeZoneOffset:
                var offset = ValueRules.String(value, path, errors, TimeZoneOffset.Expected);
                if (offset is not null && !TimeZoneOffset.IsValid(offset))
                {
                    errors.Add(path, $"must be {TimeZoneOffset.Expected}; got {JsonValues.Quote(offset)}");
                }
                break;
            case EventField.EventId or EventField.TransformationId:
                ValueRules.Uri(value, path, errors);
                break;
            case EventField.CertificationInfo:
                ValueRules.UriOrUriList(value, path, errors);
                break;
            case EventField.ErrorDeclaration:
                EventPartRules.ErrorDeclaration(value, path, context, errors);
                break;
            case EventField.Action:
                facts.Action = Action(value, path, errors);
                break;
            case EventField.ParentId:
                ValueRules.Identifier(value, path, errors);
                break;
            case EventField.EpcList or EventField.ChildEpcs or EventField.InputEpcList or EventField.OutputEpcList:
                facts.SetCount(field, ValueRules.IdentifierList(value, path, errors));
                break;
            case EventField.QuantityList or EventField.ChildQuantityList or EventField.InputQuantityList or EventField.OutputQuantityList:
                facts.SetCount(field, QuantityRules.List(value, path, errors));
                break;
            case EventField.BizStep:
                ValueRules.Vocabulary(CbvVocabulary.BizStep, value, path, errors);
                break;
            case EventField.Disposition:
                ValueRules.Vocabulary(CbvVocabulary.Disposition, value, path, errors);
                break;
            case EventField.PersistentDisposition:
                EventPartRules.PersistentDisposition(value, path, errors);
                break;
            case EventField.ReadPoint:
                EventPartRules.Place(value, path, "readPoint", context, errors);
                break;
            case EventField.BizLocation:
                EventPartRules.Place(value, path, "bizLocation", context, errors);
                break;
            case EventField.BizTransactionList:
                facts.SetCount(field, EventPartRules.BizTransactions(value, path, errors));
                break;
            case EventField.SourceList:
                EventPartRules.Parties(value, path, "source", errors);
                break;
            case EventField.DestinationList:
                EventPartRules.Parties(value, path, "destination", errors);
                break;
            case EventField.SensorElementList:
                facts.SetCount(field, SensorRules.ElementList(value, path, context, errors));
                break;
            case EventField.Ilmd:
                EventPartRules.Ilmd(value, path, context, errors);
                break;
        }
    }

    private static EventAction? Action(JsonNode? value, string path, ErrorList errors)
    {
        var text = ValueRules.String(value, path, errors, "ADD, OBSERVE or DELETE");
        EventAction? action = text switch
        {
            "ADD" => EventAction.Add,
            "OBSERVE" => EventAction.Observe,
            "DELETE" => EventAction.Delete,
            _ => null,
        };
        if (text is not null && action is null)
        {
            errors.Add(path, $"must be ADD, OBSERVE or DELETE; got {JsonValues.Quote(text)}");
        }
        return action;
    }
}
