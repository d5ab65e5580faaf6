using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>An event and the document it came in, whose @context (and ignoreFields) apply to it.</summary>
public readonly record struct DocumentEvent(JsonObject Event, JsonObject? Document);

/// <summary>Finds the events of an EPCIS JSON-LD document.</summary>
public static class EpcisEvents
{
    /// <summary>
    /// The events of an EPCISDocument (epcisBody.eventList, or epcisBody.event), of an EPCISQueryDocument
    /// (epcisBody.queryResults.resultsBody.eventList), of a bare event, or of a JSON array of bare events, in order.
    /// </summary>
    /// <exception cref="FormatException">The JSON is none of these, or an event is not a JSON object.</exception>
    public static IReadOnlyList<DocumentEvent> Read(JsonNode? json)
    {
        switch (json)
        {
            case JsonArray bareEvents:
                return bareEvents.Select((e, i) => new DocumentEvent(AsEvent(e, $"[{i}]"), null)).ToList();
            case JsonObject document when document["epcisBody"] is JsonObject body:
                return EventsOf(body, document);
            case JsonObject bareEvent when bareEvent["type"] is JsonValue:
                return [new DocumentEvent(bareEvent, null)];
            default:
                throw new FormatException("Expected an EPCIS document (with epcisBody), an EPCIS event (with type) or an array of events");
        }
    }

    private static List<DocumentEvent> EventsOf(JsonObject body, JsonObject document)
    {
        if (body["event"] is { } single)
            return [new DocumentEvent(AsEvent(single, "epcisBody.event"), document)];

        var (list, path) = body["eventList"] is JsonArray eventList
            ? (eventList, "epcisBody.eventList")
            : (body["queryResults"]?["resultsBody"]?["eventList"] as JsonArray, "epcisBody.queryResults.resultsBody.eventList");
        if (list is null)
            throw new FormatException("epcisBody holds no eventList, event or queryResults.resultsBody.eventList");
        return list.Select((e, i) => new DocumentEvent(AsEvent(e, $"{path}[{i}]"), document)).ToList();
    }

    private static JsonObject AsEvent(JsonNode? node, string path) =>
        node as JsonObject ?? throw new FormatException($"{path} is not a JSON object");
}
