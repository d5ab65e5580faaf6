using System.Globalization;
using System.Text;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The location of the element being read, as an XPath-like path for error messages:
/// <c>/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action</c>. Elements that may repeat carry their
/// 1-based position among same-named siblings; EPCIS elements are named without a prefix, others as written.
/// </summary>
internal sealed class XPathBuilder
{
    private readonly List<Step> _steps = [];

    public int Count => _steps.Count;

    public void Push(string name, bool indexed)
    {
        string step = name;
        if (indexed && _steps.Count > 0)
        {
            var parent = _steps[^1];
            parent.ChildCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var position = parent.ChildCounts.GetValueOrDefault(name) + 1;
            parent.ChildCounts[name] = position;
            step = string.Concat(name, "[", position.ToString(CultureInfo.InvariantCulture), "]");
        }
        _steps.Add(new Step(step));
    }

    public void Pop() => _steps.RemoveAt(_steps.Count - 1);

    /// <summary>Drops steps down to <paramref name="count"/> (after a fatal error mid-element).</summary>
    public void Truncate(int count)
    {
        if (_steps.Count > count)
            _steps.RemoveRange(count, _steps.Count - count);
    }

    public string Current => Of(_steps.Count);

    public string Child(string name) => Current + "/" + name;

    public string Attribute(string name) => Current + "/@" + name;

    private string Of(int count)
    {
        if (count == 0)
            return "/";
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
            sb.Append('/').Append(_steps[i].Name);
        return sb.ToString();
    }

    private sealed class Step(string name)
    {
        public string Name { get; } = name;
        public Dictionary<string, int>? ChildCounts { get; set; }
    }
}
