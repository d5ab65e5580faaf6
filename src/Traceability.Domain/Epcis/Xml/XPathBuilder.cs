using System.Globalization;
using System.Text;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The location of the element being read, as an XPath-like path for error messages:
/// <c>/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action</c>. Elements that may repeat carry their
/// 1-based position among same-named siblings; EPCIS elements are named without a prefix, others as written.
/// Kept cheap because it moves with every element: steps are structs, the text is built only when asked for,
/// and positions are counted per name (names come atomised from the XML reader's name table).
/// </summary>
internal sealed class XPathBuilder
{
    private Step[] _steps = new Step[16];
    private int _count;

    public int Count => _count;

    public void Push(string name, bool indexed)
    {
        var position = 0;
        if (indexed && _count > 0)
            position = _steps[_count - 1].Next(name);
        if (_count == _steps.Length)
            Array.Resize(ref _steps, _count * 2);
        _steps[_count++] = new Step(name, position);
    }

    public void Pop() => _steps[--_count] = default;

    /// <summary>Drops steps down to <paramref name="count"/> (after a fatal error mid-element).</summary>
    public void Truncate(int count)
    {
        while (_count > count)
            Pop();
    }

    public string Current
    {
        get
        {
            if (_count == 0)
                return "/";
            var sb = new StringBuilder();
            for (var i = 0; i < _count; i++)
            {
                sb.Append('/').Append(_steps[i].Name);
                if (_steps[i].Position > 0)
                    sb.Append('[').Append(_steps[i].Position.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            return sb.ToString();
        }
    }

    public string Child(string name) => Current + "/" + name;

    public string Attribute(string name) => Current + "/@" + name;

    private struct Step(string name, int position)
    {
        public string Name { get; } = name;
        public int Position { get; } = position;
        private List<(string Name, int Count)>? _children;

        /// <summary>The position of the next child called <paramref name="name"/>.</summary>
        public int Next(string name)
        {
            _children ??= [];
            for (var i = 0; i < _children.Count; i++)
            {
                if (ReferenceEquals(_children[i].Name, name) || _children[i].Name == name)
                {
                    var count = _children[i].Count + 1;
                    _children[i] = (name, count);
                    return count;
                }
            }
            _children.Add((name, 1));
            return 1;
        }
    }
}
