using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>Whole-document conveniences over <see cref="EpcisXmlReader"/> (tests, the command line, small documents).</summary>
public static class EpcisXml
{
    /// <summary>Reads a whole document into its JSON-LD form, events included, with every error found.</summary>
    public static EpcisXmlResult Read(Stream xml, EpcisXmlOptions? options = null)
    {
        using var reader = EpcisXmlReader.Create(xml, options);
        return Collect(reader);
    }

    /// <summary>Reads a whole document held as text.</summary>
    public static EpcisXmlResult Read(string xml, EpcisXmlOptions? options = null)
    {
        using var reader = EpcisXmlReader.Create(new StringReader(xml), options);
        return Collect(reader);
    }

    private static EpcisXmlResult Collect(EpcisXmlReader reader)
    {
        var errors = new List<ValidationError>();
        reader.ReadHeader();
        JsonObject? single = null;
        foreach (var evt in reader.ReadEvents())
        {
            errors.AddRange(evt.Validation.Errors);
            if (reader.Root == EpcisXmlRoot.Event)
                single = evt.Event;
            else
                reader.EventList?.Add(evt.Event);
        }
        errors.InsertRange(0, reader.DocumentErrors.Errors);
        JsonNode? json = reader.Root == EpcisXmlRoot.Event ? single : reader.Document;
        return new EpcisXmlResult(json, ValidationResult.Of(errors));
    }
}
