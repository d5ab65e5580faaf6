using System.Collections;
using System.Text;
using System.Xml;
using Microsoft.Net.Http.Headers;

namespace Traceability.Api.Errors;

/// <summary>
/// Problems for clients that take XML (the EPCIS XML binding's clients): <c>application/problem+xml</c> in RFC 7807's
/// XML form (<c>urn:ietf:rfc:7807</c>), with the same type, title, status, detail and field errors as the JSON form.
/// Chosen only when the client accepts XML and not JSON.
/// </summary>
public sealed class XmlProblemWriter : IProblemDetailsWriter
{
    private const string Namespace = "urn:ietf:rfc:7807";

    public bool CanWrite(ProblemDetailsContext context)
    {
        var accept = context.HttpContext.Request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept.ToArray()!, out var types)) return false;
        var xml = types.Any(t => t.MediaType.Value is "application/xml" or "text/xml" or "application/problem+xml");
        var json = types.Any(t => t.MediaType.Value is "application/json" or "application/problem+json" or "application/ld+json" or "*/*" or "application/*");
        return xml && !json;
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            xml.WriteStartElement("problem", Namespace);
            Element(xml, "type", problem.Type);
            Element(xml, "title", problem.Title);
            Element(xml, "status", problem.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Element(xml, "detail", problem.Detail);
            Element(xml, "instance", problem.Instance);
            if (problem.Extensions.TryGetValue("errors", out var errors) && errors is IEnumerable list)
            {
                xml.WriteStartElement("errors", Namespace);
                foreach (var error in list)
                {
                    var type = error!.GetType();
                    xml.WriteStartElement("i", Namespace);
                    Element(xml, "path", type.GetProperty("path")?.GetValue(error)?.ToString());
                    Element(xml, "message", type.GetProperty("message")?.GetValue(error)?.ToString());
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        var response = context.HttpContext.Response;
        response.ContentType = "application/problem+xml; charset=utf-8";
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null) xml.WriteElementString(name, Namespace, Sanitised(value));
    }

    // XML 1.0 cannot carry some control characters a client may have sent; they are shown as U+FFFD.
    private static string Sanitised(string text) =>
        string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));
}
