using System.Text;
using System.Xml;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Forward-only reading of an EPCIS XML document over <see cref="XmlReader"/>, element by element, with the
/// XPath of the element being read, bounded value lengths and nesting depth, and errors collected where they
/// belong. Protocol: on an element's start tag, <see cref="Enter"/> it (its attributes may be read then); then
/// consume it with exactly one of <see cref="NextChild"/> (until false), <see cref="ReadText"/> or
/// <see cref="Skip"/>; the reader then stands after its end tag.
/// </summary>
internal sealed class XmlSource
{
    private readonly XmlReader _reader;
    private readonly EpcisXmlOptions _options;
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[4096];
    private readonly List<StringBuilder> _textBuffers = [];

    public XmlSource(XmlReader reader, EpcisXmlOptions options, JsonLdPrefixes prefixes, ErrorList errors)
    {
        _reader = reader;
        _options = options;
        Prefixes = prefixes;
        Errors = errors;
    }

    public XmlReader Reader => _reader;
    public XPathBuilder Path { get; } = new();
    public JsonLdPrefixes Prefixes { get; }

    /// <summary>Where errors go: the document's list, or the list of the event being read.</summary>
    public ErrorList Errors { get; set; }

    public string LocalName => _reader.LocalName;
    public string NamespaceUri => _reader.NamespaceURI;

    /// <summary>Whether the current element is an EPCIS standard element (unqualified or in an EPCIS namespace).</summary>
    public bool IsEpcis => XmlNamespaces.IsEpcis(_reader.NamespaceURI);

    /// <summary>The current element's name as paths show it: the local name for EPCIS elements, else as written.</summary>
    public string DisplayName => IsEpcis ? _reader.LocalName : _reader.Name;

    /// <summary>A cleared text buffer for mixed content at a nesting depth (one per depth, reused).</summary>
    public StringBuilder TextBuffer(int depth)
    {
        while (_textBuffers.Count <= depth)
            _textBuffers.Add(new StringBuilder());
        return _textBuffers[depth].Clear();
    }

    /// <summary>Positions on the first element of the document (the root); false for an empty document.</summary>
    public bool MoveToRoot() => _reader.MoveToContent() == XmlNodeType.Element;

    public void Error(string message) => Errors.Add(Path.Current, message);

    public void ErrorAt(string path, string message) => Errors.Add(path, message);

    /// <summary>Starts reading the element at the reader: its path, its namespace declarations.</summary>
    public Element Enter(bool indexed)
    {
        if (_reader.Depth >= _options.MaxDepth)
            throw new XmlLimitException(Path.Current, $"elements are nested more than {_options.MaxDepth} deep");
        Path.Push(DisplayName, indexed);
        if (_reader.HasAttributes)
        {
            for (var more = _reader.MoveToFirstAttribute(); more; more = _reader.MoveToNextAttribute())
            {
                if (_reader.NamespaceURI == XmlNamespaces.Xmlns && _reader.Prefix == "xmlns")
                    Prefixes.Declare(_reader.Value, _reader.LocalName);
            }
            _reader.MoveToElement();
        }
        return new Element(_reader.Depth, _reader.IsEmptyElement);
    }

    /// <summary>
    /// Moves to the next child element of <paramref name="parent"/>; false (and past its end) when none is left.
    /// Text between children is an error, unless <paramref name="mixedText"/> collects it (mixed content).
    /// </summary>
    public bool NextChild(in Element parent, StringBuilder? mixedText = null)
    {
        if (IsOnStartTag(parent))
        {
            _reader.Read();
            if (parent.IsEmpty)
            {
                Path.Pop();
                return false;
            }
        }
        var reportedText = false;
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element when _reader.Depth == parent.Depth + 1:
                    return true;
                case XmlNodeType.EndElement when _reader.Depth == parent.Depth:
                    _reader.Read();
                    Path.Pop();
                    return false;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when mixedText is not null:
                    if (AppendValue(mixedText))
                    {
                        mixedText.Clear();
                        Error($"holds text longer than {_options.MaxValueLength} characters");
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when !reportedText:
                    reportedText = true;
                    Error("holds text where only elements are allowed");
                    _reader.Skip();
                    break;
                case XmlNodeType.None:
                    throw new XmlLimitException(Path.Current, "the document ends inside this element");
                default:
                    _reader.Skip();
                    break;
            }
        }
    }

    /// <summary>
    /// The element's text, trimmed; child elements are reported as errors and skipped. <paramref name="check"/>,
    /// when given, returns what is wrong with the text (or null), reported at the element's path.
    /// </summary>
    public string ReadText(in Element element, Func<string, string?>? check = null)
    {
        IsOnStartTag(element);
        _reader.Read();
        if (element.IsEmpty)
        {
            Path.Pop();
            return "";
        }
        _text.Clear();
        var tooLong = false;
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == element.Depth))
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    tooLong |= AppendValue(_text);
                    break;
                case XmlNodeType.Element:
                    Errors.Add(Path.Child(DisplayName), "elements are not allowed here: this element holds a value");
                    _reader.Skip();
                    break;
                case XmlNodeType.None:
                    throw new XmlLimitException(Path.Current, "the document ends inside this element");
                default:
                    _reader.Read();
                    break;
            }
        }
        _reader.Read();
        var text = tooLong ? "" : _text.ToString().Trim();
        if (tooLong)
            Error($"holds a value longer than {_options.MaxValueLength} characters");
        else if (check?.Invoke(text) is { } problem)
            Error(problem);
        Path.Pop();
        return text;
    }

    /// <summary>Skips the element's content.</summary>
    public void Skip(in Element element)
    {
        if (IsOnStartTag(element))
        {
            _reader.Skip();
        }
        else
        {
            while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == element.Depth))
            {
                if (_reader.NodeType == XmlNodeType.None)
                    throw new XmlLimitException(Path.Current, "the document ends inside this element");
                _reader.Skip();
            }
            _reader.Read();
        }
        Path.Pop();
    }

    /// <summary>Moves to the element's first (then next) attribute, passing over namespace declarations.</summary>
    public bool NextAttribute(ref bool started)
    {
        var more = started ? _reader.MoveToNextAttribute() : _reader.MoveToFirstAttribute();
        started = true;
        while (more && _reader.NamespaceURI == XmlNamespaces.Xmlns)
            more = _reader.MoveToNextAttribute();
        if (!more)
            _reader.MoveToElement();
        else if (_reader.Value.Length > _options.MaxValueLength)
            throw new XmlLimitException(Path.Attribute(_reader.Name), $"holds a value longer than {_options.MaxValueLength} characters");
        return more;
    }

    /// <summary>The attribute at the reader, trimmed.</summary>
    public string AttributeValue => _reader.Value.Trim();

    /// <summary>The path of the attribute at the reader.</summary>
    public string AttributePath => Path.Attribute(XmlNamespaces.IsEpcis(_reader.NamespaceURI) ? _reader.LocalName : _reader.Name);

    /// <summary>Reports the element at the reader with <paramref name="message"/> and skips it.</summary>
    public void Reject(string message, bool indexed = true)
    {
        var element = Enter(indexed);
        Error(message);
        Skip(element);
    }

    private bool IsOnStartTag(in Element element)
    {
        if (_reader.NodeType == XmlNodeType.Attribute)
            _reader.MoveToElement();
        return _reader.NodeType == XmlNodeType.Element && _reader.Depth == element.Depth;
    }

    /// <summary>
    /// Appends the current text node to the buffer in chunks (a huge text node is never held whole) and moves
    /// past it; true when the value grew beyond the limit, after which the rest is read and dropped.
    /// </summary>
    private bool AppendValue(StringBuilder text)
    {
        if (!_reader.CanReadValueChunk)
        {
            text.Append(_reader.Value);
            _reader.Read();
            return text.Length > _options.MaxValueLength;
        }
        var tooLong = text.Length > _options.MaxValueLength;
        int read;
        while ((read = _reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            if (!tooLong)
            {
                text.Append(_chunk, 0, read);
                tooLong = text.Length > _options.MaxValueLength;
            }
        }
        _reader.Read();
        return tooLong;
    }

    /// <summary>An element being read: its depth, and whether it was written as an empty tag.</summary>
    public readonly record struct Element(int Depth, bool IsEmpty);
}

/// <summary>A limit or structural failure after which the document cannot be read on.</summary>
internal sealed class XmlLimitException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
