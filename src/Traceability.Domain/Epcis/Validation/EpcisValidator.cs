using Traceability.Domain.Epcis.JsonLd;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Validates EPCIS 2.0 JSON/JSON-LD documents and events against the GS1 EPCIS 2.0 JSON schema and
/// the CBV 2.0 vocabularies, in one pass and without I/O. Every error names the offending field by a
/// JSONPath-like path, e.g. <c>$.epcisBody.eventList[2].action</c>.
/// </summary>
public static class EpcisValidator
{
    /// <summary>Documents with more events than this are rejected whole (the capture limit GS1-EPCIS-Capture-Limit advertises).</summary>
    public const int MaxEventsPerDocument = 10_000;

    /// <summary>Validates an EPCISDocument (an EPCISQueryDocument is accepted too).</summary>
    public static ValidationResult ValidateDocument(JsonNode? document) => ValidateDocument(document, MaxEventsPerDocument);

    public static ValidationResult ValidateDocument(JsonNode? document, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEvents);
        var errors = new ErrorList();
        DocumentValidator.Validate(document, maxEvents, errors);
        return errors.ToResult();
    }

    /// <summary>
    /// Validates a standalone event (as sent to <c>POST /events</c>): it must carry its own
    /// <c>@context</c> including the EPCIS 2.0 context. Paths start at <paramref name="pathPrefix"/>.
    /// </summary>
    public static ValidationResult ValidateEvent(JsonNode? evt, string pathPrefix = JsonPath.Root)
    {
        var errors = new ErrorList();
        EventValidator.Validate(evt, pathPrefix, null, errors);
        return errors.ToResult();
    }

    /// <summary>
    /// Validates an event taken out of a document, in the scope of that document's
    /// <paramref name="documentContext"/> (the value of its <c>@context</c>).
    /// </summary>
    public static ValidationResult ValidateEvent(JsonNode? evt, JsonNode? documentContext, string pathPrefix) =>
        ValidateEvent(evt, documentContext, pathPrefix, EpcisBinding.Json);

    /// <summary>
    /// Validates an event read from <paramref name="binding"/>, in the scope of its document's context (null for a
    /// standalone event carrying its own). The rules are the same except where the bindings' schemas differ.
    /// </summary>
    public static ValidationResult ValidateEvent(JsonNode? evt, JsonNode? documentContext, string pathPrefix, EpcisBinding binding)
    {
        var errors = new ErrorList { Binding = binding };
        var context = documentContext is null ? null : ContextScope.Read(documentContext, JsonPath.Property(JsonPath.Root, "@context"), errors);
        EventValidator.Validate(evt, pathPrefix, context, errors);
        return errors.ToResult();
    }
}

/// <summary>The EPCIS binding a document came in; validation follows that binding's schema where they differ.</summary>
public enum EpcisBinding
{
    /// <summary>JSON / JSON-LD (EPCIS 2.0 JSON schema).</summary>
    Json,

    /// <summary>XML (EPCIS 2.0 or 1.x XML schema, read into the JSON-LD form).</summary>
    Xml,
}
