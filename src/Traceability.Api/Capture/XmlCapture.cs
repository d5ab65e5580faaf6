using System.Text.Json.Nodes;
using Traceability.Domain;
using Traceability.Domain.Capture;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Epcis.Xml;
using Traceability.Storage;

namespace Traceability.Api.Capture;

/// <summary>
/// What capture takes from a document, whatever its binding: the document's scope and @context, and its valid events
/// in their JSON-LD form with their positions; <see cref="CaptureService.CaptureEventsAsync"/> reads each into a
/// <see cref="CapturedEvent"/> as JSON capture does.
/// </summary>
public sealed record CaptureInput(
    EventScope Scope, JsonNode? DocumentContext, IReadOnlyList<(int Index, JsonObject Event)> Events, int Total, IReadOnlyList<CaptureError> Errors);

/// <summary>
/// The XML entry of capture (EPCIS 2.0 and 1.x XML, <c>application/xml</c> or <c>text/xml</c>): buffers the body up to the
/// capture limit, streams it through <see cref="EpcisXmlReader"/> (no DTD, no entity, bounded depth and size), and
/// refuses what the XML schema or the EPCIS rules refuse with the same problem as JSON capture, paths XPath-like
/// (<c>/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action</c>). With <c>proceed</c> an invalid event is reported
/// in the job and the others go on; a document-level error refuses the whole document.
/// </summary>
public static class XmlCapture
{
    /// <summary>The body, read whole (the reader is synchronous); more than <paramref name="maxBytes"/> is a 413.</summary>
    public static async Task<MemoryStream> BufferAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw TooLarge(maxBytes);
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <param name="singleEvent">POST /events: the document element must be one event; else an EPCISDocument or EPCISQueryDocument.</param>
    public static CaptureInput Read(Stream xml, bool singleEvent, ErrorBehaviour behaviour, LimitsOptions limits)
    {
        using var reader = EpcisXmlReader.Create(xml);
        var errors = new List<ValidationError>();
        var refused = new List<CaptureError>();
        var events = new List<(int, JsonObject)>();
        var total = 0;
        long identifiers = 0;
        if (reader.ReadHeader())
        {
            var expected = singleEvent ? reader.Root == EpcisXmlRoot.Event : reader.Root != EpcisXmlRoot.Event;
            if (!expected)
                throw TraceError.Invalid("invalid-epcis", "/", singleEvent
                    ? "POST /events takes one event (an ObjectEvent … element as the document element)"
                    : "POST /capture takes an EPCISDocument or EPCISQueryDocument; send a single event to POST /events");
            foreach (var evt in reader.ReadEvents())
            {
                total++;
                identifiers += CaptureLimits.CheckEvent(evt.Event, evt.Path, identifiers, limits);
                if (evt.Validation.IsValid)
                {
                    events.Add((evt.Index, evt.Event));
                    continue;
                }
                errors.AddRange(evt.Validation.Errors);
                refused.AddRange(evt.Validation.Errors.Select(e => new CaptureError(evt.Index, null, "invalid-epcis", e.Path, e.Message)));
            }
        }
        var document = reader.DocumentErrors.Errors;
        if (document.Count > 0 || (errors.Count > 0 && behaviour == ErrorBehaviour.Rollback))
            throw TraceError.Invalid("invalid-epcis", "the document is not valid EPCIS; nothing was stored",
                document.Concat(errors).Select(e => new FieldError(e.Path, e.Message)).ToList());
        var scope = singleEvent ? EventScope.Standalone : EventScope.OfDocument(reader.Document);
        return new CaptureInput(scope, singleEvent ? null : reader.Document?["@context"], events, total, refused);
    }

    private static TraceError TooLarge(int maxBytes) =>
        new(ErrorKind.PayloadTooLarge, "payload-too-large", $"the body is larger than {maxBytes:N0} bytes");
}
