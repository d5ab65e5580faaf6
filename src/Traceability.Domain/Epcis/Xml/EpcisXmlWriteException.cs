namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// An event holds something the EPCIS XML binding cannot carry (a key whose prefix no @context defines, a
/// JSON-LD keyword other than @value, an object where XML has an attribute, characters XML 1.0 forbids).
/// <see cref="Path"/> names the value as a JSON path.
/// </summary>
public sealed class EpcisXmlWriteException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
    public string Reason { get; } = message;
}
