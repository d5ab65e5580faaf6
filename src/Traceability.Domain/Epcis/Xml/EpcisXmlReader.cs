using System.Text.Json.Nodes;
using System.Xml;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Reads an EPCIS XML document (2.0, or 1.x mapped to 2.0) as a stream: first the envelope, whose JSON-LD form
/// (<see cref="Document"/>, events left out) is ready once <see cref="ReadHeader"/> returns, then the events one
/// at a time (<see cref="ReadEvents"/>), so memory is bounded by the largest event, not the document. Each event
/// comes out in exactly the JSON-LD form the JSON pipeline takes, checked against the XML binding's rules and
/// then (unless <see cref="EpcisXmlOptions.Validate"/> is off) by <see cref="EpcisValidator"/>; every error
/// carries an XPath-like path such as <c>/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action</c>.
/// No DTD is accepted, no entity expanded and nothing outside the document resolved (no XXE).
/// Not thread-safe; synchronous (buffer a request body before handing it over).
/// </summary>
public sealed class EpcisXmlReader : IDisposable
{
    private readonly XmlReader _xml;
    private readonly EpcisXmlOptions _options;
    private readonly ErrorList _documentErrors = new();
    private readonly JsonLdPrefixes _prefixes = new();
    private readonly XmlSource _source;
    private readonly DocumentWalker _walker;
    private bool _started;
    private bool _finished;
    private bool _eventPending;
    private int _eventCount;

    private EpcisXmlReader(XmlReader xml, EpcisXmlOptions options)
    {
        _xml = xml;
        _options = options;
        _source = new XmlSource(xml, options, _prefixes, _documentErrors);
        _walker = new DocumentWalker(_source, _prefixes);
    }

    public static EpcisXmlReader Create(Stream xml, EpcisXmlOptions? options = null)
    {
        options ??= EpcisXmlOptions.Default;
        return new EpcisXmlReader(XmlReader.Create(xml, Settings(options)), options);
    }

    public static EpcisXmlReader Create(TextReader xml, EpcisXmlOptions? options = null)
    {
        options ??= EpcisXmlOptions.Default;
        return new EpcisXmlReader(XmlReader.Create(xml, Settings(options)), options);
    }

    /// <summary>The kind of document (known once <see cref="ReadHeader"/> has run).</summary>
    public EpcisXmlRoot Root => _walker.Root;

    /// <summary>
    /// The document in JSON-LD form without its events (its event list stays empty); null for a bare event.
    /// Fields that follow the events in the XML are added when reading ends.
    /// </summary>
    public JsonObject? Document => _walker.Document;

    /// <summary>Errors of the document as a whole (envelope, malformed XML, limits); final once reading ended.</summary>
    public ValidationResult DocumentErrors => _documentErrors.ToResult();

    /// <summary>The (empty) event list inside <see cref="Document"/>, to fill when the whole document is wanted.</summary>
    internal JsonArray? EventList => _walker.EventList;

    /// <summary>
    /// Reads the envelope up to the first event. False when the document cannot be read on at all (not XML,
    /// a DTD, not an EPCIS document: see <see cref="DocumentErrors"/>).
    /// </summary>
    public bool ReadHeader()
    {
        if (!_started)
        {
            _started = true;
            Guard(() =>
            {
                _walker.Start();
                _eventPending = _walker.FindNextEvent();
            });
            if (_options.Validate && _walker.Document is { } document)
                AddDocumentValidation(document);
        }
        return !_finished || _documentErrors.ToResult().IsValid;
    }

    /// <summary>The events in document order; reading stops early at a document-level error.</summary>
    public IEnumerable<EpcisXmlEvent> ReadEvents()
    {
        ReadHeader();
        while (!_finished)
        {
            var found = _eventPending || Guard(_walker.FindNextEvent);
            _eventPending = false;
            if (!found)
            {
                Finish();
                yield break;
            }
            var evt = ReadEvent();
            if (evt is null)
                yield break;
            yield return evt;
        }
    }

    public void Dispose() => _xml.Dispose();

    private EpcisXmlEvent? ReadEvent()
    {
        if (++_eventCount > _options.MaxEvents)
        {
            _documentErrors.Add(_source.Path.Current,
                $"holds more than {_options.MaxEvents} events; at most {_options.MaxEvents} are accepted in one document, split it");
            _finished = true;
            return null;
        }
        var errors = new ErrorList();
        _source.Errors = errors;
        _prefixes.BeginEvent();
        var isRoot = _walker.Root == EpcisXmlRoot.Event;
        EventReader.Result result = default;
        var read = Guard(() =>
        {
            result = EventReader.Read(_source, _walker.NextEventType, isRoot);
            return true;
        });
        var definitions = _prefixes.EndEvent();
        _source.Errors = _documentErrors;
        if (!read)
            return null;

        var (evt, path) = (result.Event, result.Path);
        if (isRoot)
            evt["@context"] = definitions is null ? new JsonArray(JsonLdPrefixes.EpcisContextUri) : new JsonArray(JsonLdPrefixes.EpcisContextUri, definitions);
        else if (definitions is not null)
            evt["@context"] = new JsonArray(definitions);
        if (_options.Validate)
        {
            var validation = isRoot
                ? EpcisValidator.ValidateEvent(evt, null, JsonPath.Root, EpcisBinding.Xml)
                : EpcisValidator.ValidateEvent(evt, _walker.Document!["@context"], JsonPath.Root, EpcisBinding.Xml);
            AddMapped(errors, validation, e => XPathOfJsonPath.ForEvent(path, e, result.Locations));
        }
        return new EpcisXmlEvent(_eventCount - 1, path, evt, errors.ToResult());
    }

    private void Finish()
    {
        if (_finished)
            return;
        Guard(() =>
        {
            while (_xml.Read())
            {
                // Only comments and whitespace may follow the document element; the reader throws on anything else.
            }
        });
        _finished = true;
        if (_options.Validate && _walker.Document is { } document && _walker.HasTrailer)
            AddDocumentValidation(document);
    }

    private void AddDocumentValidation(JsonObject document) =>
        AddMapped(_documentErrors, EpcisValidator.ValidateDocument(document), e => XPathOfJsonPath.ForDocument("/" + _walker.RootName, e));

    /// <summary>Adds the JSON validator's errors at their XML paths, except where the XML reading already found one.</summary>
    private static void AddMapped(ErrorList errors, ValidationResult validation, Func<string, string> toXPath)
    {
        if (validation.IsValid)
            return;
        var found = errors.ToResult().Errors;
        var reported = found.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var error in validation.Errors)
        {
            var path = toXPath(error.Path);
            if (!reported.Contains(path))
                errors.Add(path, error.Message);
        }
    }

    /// <summary>Runs a reading step; a malformed document or a broken limit ends reading with a document error.</summary>
    private bool Guard(Func<bool> step)
    {
        var depth = _source.Path.Count;
        try
        {
            return step();
        }
        catch (XmlException e)
        {
            var message = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "DOCTYPE declarations are refused: no DTDs and no entities are accepted (XXE protection)"
                : e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal)
                    ? $"the document is longer than {_options.MaxDocumentCharacters} characters, the most accepted"
                    : $"not well-formed XML: {e.Message}";
            _documentErrors.Add(_source.Path.Current, message);
        }
        catch (XmlLimitException e)
        {
            _documentErrors.Add(e.Path, e.Message);
        }
        _source.Path.Truncate(Math.Min(depth, _source.Path.Count));
        _finished = true;
        return false;
    }

    private void Guard(Action step) => Guard(() =>
    {
        step();
        return true;
    });

    private static XmlReaderSettings Settings(EpcisXmlOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = options.MaxDocumentCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };
}
