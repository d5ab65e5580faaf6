using System.Text.Json.Nodes;
using Traceability.Domain;

namespace Traceability.Api.Capture;

/// <summary>
/// Bounds what one capture may name before anything is read into models: identifiers per event and per document.
/// Each identifier costs index rows, lot-graph memory and bytes on every page that shows the event, so a single
/// event naming half a million EPCs is refused (413) rather than stored.
/// </summary>
public static class CaptureLimits
{
    private static readonly string[] IdentifierLists = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];
    private static readonly string[] QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];

    public static void Check(JsonNode? body, LimitsOptions limits)
    {
        // Casts, not indexers: a JsonNode's string indexer throws on an array or a value (a body of [] was a 500).
        var events = ((body as JsonObject)?["epcisBody"] as JsonObject)?["eventList"] as JsonArray;
        IEnumerable<(JsonObject Event, string Path)> all = events is not null
            ? events.Select((e, i) => (e as JsonObject, $"$.epcisBody.eventList[{i}]")).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.Item2))
            : body is JsonObject single ? [(single, "$")] : [];
        long total = 0;
        foreach (var (evt, path) in all)
        {
            var count = Count(evt);
            if (count > limits.MaxIdentifiersPerEvent)
                throw new TraceError(ErrorKind.PayloadTooLarge, "too-many-identifiers",
                    $"{path} names {count:N0} identifiers; at most {limits.MaxIdentifiersPerEvent:N0} per event are accepted",
                    [new FieldError(path, $"at most {limits.MaxIdentifiersPerEvent:N0} identifiers per event")]);
            total += count;
            if (total > limits.MaxIdentifiersPerCapture)
                throw new TraceError(ErrorKind.PayloadTooLarge, "too-many-identifiers",
                    $"the document names more than {limits.MaxIdentifiersPerCapture:N0} identifiers; split it into several captures");
        }
    }

    /// <summary>
    /// One event of a document read as a stream: its identifiers count against the per-event limit and, with those of
    /// the events before it (<paramref name="before"/>), the per-capture one. Returns the event's count.
    /// </summary>
    public static long CheckEvent(JsonObject evt, string path, long before, LimitsOptions limits)
    {
        var count = Count(evt);
        if (count > limits.MaxIdentifiersPerEvent)
            throw new TraceError(ErrorKind.PayloadTooLarge, "too-many-identifiers",
                $"{path} names {count:N0} identifiers; at most {limits.MaxIdentifiersPerEvent:N0} per event are accepted",
                [new FieldError(path, $"at most {limits.MaxIdentifiersPerEvent:N0} identifiers per event")]);
        if (before + count > limits.MaxIdentifiersPerCapture)
            throw new TraceError(ErrorKind.PayloadTooLarge, "too-many-identifiers",
                $"the document names more than {limits.MaxIdentifiersPerCapture:N0} identifiers; split it into several captures");
        return count;
    }

    private static long Count(JsonObject evt)
    {
        long n = evt["parentID"] is null ? 0 : 1;
        foreach (var name in IdentifierLists) if (evt[name] is JsonArray a) n += a.Count;
        foreach (var name in QuantityLists) if (evt[name] is JsonArray a) n += a.Count;
        return n;
    }
}
