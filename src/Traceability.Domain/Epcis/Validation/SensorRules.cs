using Traceability.Domain.Epcis.JsonLd;
using System.Buffers;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>sensorElementList: <c>[{"sensorMetadata"?: {…}, "sensorReport": [{…}, …]}]</c>.</summary>
internal static class SensorRules
{
    /// <summary>Checks the list; returns its length.</summary>
    public static int ElementList(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array of sensor elements; got {JsonValues.Describe(node)}");
            return 0;
        }
        for (var i = 0; i < list.Count; i++)
        {
            Element(list[i], JsonPath.Index(path, i), context, errors);
        }
        return list.Count;
    }

    private static void Element(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject element)
        {
            errors.Add(path, $"must be an object with sensorReport; got {JsonValues.Describe(node)}");
            return;
        }
        var hasReport = false;
        foreach (var (name, value) in element)
        {
            var fieldPath = JsonPath.Property(path, name);
            switch (name)
            {
                case "sensorMetadata":
                    Metadata(value, fieldPath, context, errors);
                    break;
                case "sensorReport":
                    hasReport = true;
                    Reports(value, fieldPath, context, errors);
                    break;
                default:
                    ExtensionNames.Check(name, fieldPath, "a sensor element", context, errors);
                    break;
            }
        }
        if (!hasReport)
        {
            errors.Add(JsonPath.Property(path, "sensorReport"), "a sensor element needs a sensorReport list");
        }
    }

    private static void Metadata(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject metadata)
        {
            errors.Add(path, $"must be an object; got {JsonValues.Describe(node)}");
            return;
        }
        foreach (var (name, value) in metadata)
        {
            var fieldPath = JsonPath.Property(path, name);
            switch (name)
            {
                case "time" or "startTime" or "endTime":
                    ValueRules.Time(value, fieldPath, errors);
                    break;
                case "deviceID" or "deviceMetadata" or "rawData" or "dataProcessingMethod" or "bizRules":
                    ValueRules.Uri(value, fieldPath, errors);
                    break;
                default:
                    ExtensionNames.Check(name, fieldPath, "sensorMetadata", context, errors);
                    break;
            }
        }
    }

    private static void Reports(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonArray list || list.Count == 0)
        {
            errors.Add(path, "must be a non-empty array of sensor reports");
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            Report(list[i], JsonPath.Index(path, i), context, errors);
        }
    }

    private static void Report(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject report)
        {
            errors.Add(path, $"must be an object; got {JsonValues.Describe(node)}");
            return;
        }
        bool hasType = false, hasException = false;
        foreach (var (name, value) in report)
        {
            var fieldPath = JsonPath.Property(path, name);
            switch (name)
            {
                case "type":
                    hasType = true;
                    SensorVocabulary.MeasurementType(value, fieldPath, errors);
                    break;
                case "exception":
                    hasException = true;
                    SensorVocabulary.AlertType(value, fieldPath, errors);
                    break;
                case "component":
                    ValueRules.Vocabulary(CbvVocabulary.SensorComponent, value, fieldPath, errors);
                    break;
                case "time":
                    ValueRules.Time(value, fieldPath, errors);
                    break;
                case "value" or "minValue" or "maxValue" or "meanValue" or "sDev" or "percRank" or "percValue":
                    ValueRules.Number(value, fieldPath, errors);
                    break;
                case "deviceID" or "deviceMetadata" or "rawData" or "dataProcessingMethod" or "bizRules"
                    or "microorganism" or "chemicalSubstance" or "coordinateReferenceSystem" or "uriValue":
                    ValueRules.Uri(value, fieldPath, errors);
                    break;
                case "stringValue":
                    ValueRules.String(value, fieldPath, errors);
                    break;
                case "booleanValue":
                    if (!JsonValues.IsBoolean(value))
                    {
                        errors.Add(fieldPath, $"must be true or false; got {JsonValues.Describe(value)}");
                    }
                    break;
                case "hexBinaryValue":
                    HexBinary(value, fieldPath, errors);
                    break;
                case "uom":
                    ValueRules.Uom(value, fieldPath, errors);
                    break;
                default:
                    ExtensionNames.Check(name, fieldPath, "a sensor report", context, errors);
                    break;
            }
        }
        // An alert-only report (exception with no measurement) has no measurement type.
        if (!hasType && !hasException)
        {
            errors.Add(JsonPath.Property(path, "type"), "a sensor report needs a measurement type (or an exception)");
        }
    }

    private static void HexBinary(JsonNode? node, string path, ErrorList errors)
    {
        var value = ValueRules.String(node, path, errors, "hexadecimal digits");
        if (value is not null && (value.Length == 0 || value.AsSpan().ContainsAnyExcept(HexDigits)))
        {
            errors.Add(path, $"must be hexadecimal digits; got {JsonValues.Quote(value)}");
        }
    }

    private static readonly SearchValues<char> HexDigits =
        SearchValues.Create("0123456789abcdefABCDEF");
}
