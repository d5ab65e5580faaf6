using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>What reading an EPCIS XML document may cost: limits that refuse a document before it costs more.</summary>
public sealed record EpcisXmlOptions
{
    public static readonly EpcisXmlOptions Default = new();

    /// <summary>Events one document may hold; reading stops with an error after this many.</summary>
    public int MaxEvents { get; init; } = EpcisValidator.MaxEventsPerDocument;

    /// <summary>Characters of the whole document (markup included); the XML reader fails beyond it.</summary>
    public long MaxDocumentCharacters { get; init; } = 128L * 1024 * 1024;

    /// <summary>Characters of one value (element text or attribute); longer values are refused without being held.</summary>
    public int MaxValueLength { get; init; } = 1024 * 1024;

    /// <summary>Element nesting depth, the document element being 0; user extensions are nested objects in JSON.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// Whether each event (and the envelope) is also put through <see cref="EpcisValidator"/>, its errors given
    /// XPath-like paths. Off, only the XML binding's own rules are checked.
    /// </summary>
    public bool Validate { get; init; } = true;
}
