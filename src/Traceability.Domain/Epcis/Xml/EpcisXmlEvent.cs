using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>What the document element of an EPCIS XML document is.</summary>
public enum EpcisXmlRoot
{
    /// <summary><c>epcis:EPCISDocument</c> (EPCIS 2.0 or 1.x).</summary>
    EpcisDocument,

    /// <summary><c>epcisq:EPCISQueryDocument</c> with QueryResults.</summary>
    EpcisQueryDocument,

    /// <summary>A single event element (ObjectEvent …), as <c>POST /events</c> takes one.</summary>
    Event,
}

/// <summary>
/// One event read from an XML document: its position among the document's events (0-based), its XPath,
/// its EPCIS 2.0 JSON-LD form (with an @context of its own only for namespaces declared inside it) and what is
/// wrong with it, each error named by an XPath-like path.
/// </summary>
public sealed record EpcisXmlEvent(int Index, string Path, JsonObject Event, ValidationResult Validation);

/// <summary>
/// A whole XML document in its JSON-LD form (an EPCISDocument, an EPCISQueryDocument or a bare event with its
/// @context) and every error found, document and events alike; <see cref="Json"/> is null when nothing could
/// be read.
/// </summary>
public sealed record EpcisXmlResult(JsonNode? Json, ValidationResult Validation)
{
    public bool IsValid => Validation.IsValid && Json is not null;
}
