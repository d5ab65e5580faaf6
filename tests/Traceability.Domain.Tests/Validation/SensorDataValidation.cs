using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class SensorDataValidation
{
    private const string Element = EventSamples.At + ".sensorElementList[0]";
    private const string Report = Element + ".sensorReport[0]";

    private static JsonObject EventWithReport(string reportJson, string? metadataJson = null)
    {
        var element = new JsonObject { ["sensorReport"] = new JsonArray(JsonNode.Parse(reportJson)) };
        if (metadataJson is not null)
        {
            element["sensorMetadata"] = JsonNode.Parse(metadataJson);
        }
        var evt = EventSamples.ObjectEvent();
        evt["sensorElementList"] = new JsonArray(element);
        return evt;
    }

    [Theory]
    [InlineData("""{ "type": "Temperature", "value": 4.5, "uom": "CEL" }""")]
    [InlineData("""{ "type": "gs1:RelativeHumidity", "minValue": 40, "maxValue": 60.5, "meanValue": 51, "sDev": 0.3, "uom": "P1" }""")]
    [InlineData("""{ "type": "EffectiveDoseRate", "value": 0.005, "uom": "P71" }""")]
    [InlineData("""{ "type": "https://example.com/measure/brix", "value": 12 }""")]
    [InlineData("""{ "type": "MassConcentration", "chemicalSubstance": "https://identifiers.org/inchikey:SBPBAQFWLVIOKP-UHFFFAOYSA-N", "value": 0.012, "uom": "GL" }""")]
    [InlineData("""{ "exception": "ALARM_CONDITION", "booleanValue": true }""")]
    [InlineData("""{ "type": "Length", "component": "latitude", "value": 31.23 }""")]
    [InlineData("""{ "type": "Dimensionless", "hexBinaryValue": "0aFF", "stringValue": "ok", "uriValue": "https://example.com/x", "time": "2026-07-22T06:40:00Z" }""")]
    [InlineData("""{ "type": "Temperature", "value": 4, "ex:probe": "P-3" }""")]
    public void AcceptsWellFormedSensorReports(string report) =>
        ValidationAssert.Valid(EventSamples.ValidateInDocument(EventWithReport(report)));

    [Theory]
    [InlineData("""{ "type": "Temperature", "value": "4.5" }""", ".value")]
    [InlineData("""{ "type": "Temperature", "maxValue": null }""", ".maxValue")]
    [InlineData("""{ "type": "temperature", "value": 4.5 }""", ".type")]
    [InlineData("""{ "type": "flying", "value": 4.5 }""", ".type")]
    [InlineData("""{ "value": 4.5 }""", ".type")]
    [InlineData("""{ "exception": "PANIC" }""", ".exception")]
    [InlineData("""{ "type": "Temperature", "booleanValue": "true" }""", ".booleanValue")]
    [InlineData("""{ "type": "Temperature", "hexBinaryValue": "0xFF" }""", ".hexBinaryValue")]
    [InlineData("""{ "type": "Temperature", "value": 4, "uom": "celsius" }""", ".uom")]
    [InlineData("""{ "type": "Length", "component": "diagonal" }""", ".component")]
    [InlineData("""{ "type": "Temperature", "time": "06:40" }""", ".time")]
    [InlineData("""{ "type": "Temperature", "probe": "P-3" }""", ".probe")]
    public void RejectsMalformedSensorReportFields(string report, string field) =>
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(EventWithReport(report)), Report + field);

    [Theory]
    [InlineData("""{ "time": "2026-07-22" }""", ".time")]
    [InlineData("""{ "startTime": "2026-07-22T06:00:00Z", "endTime": "later" }""", ".endTime")]
    [InlineData("""{ "deviceID": "probe 3" }""", ".deviceID")]
    [InlineData("""{ "battery": 80 }""", ".battery")]
    public void RejectsMalformedSensorMetadata(string metadata, string field) =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithReport("""{ "type": "Temperature", "value": 4 }""", metadata)),
            Element + ".sensorMetadata" + field);

    [Fact]
    public void RejectsSensorElementWithoutReports()
    {
        var evt = EventSamples.ObjectEvent();
        evt["sensorElementList"] = new JsonArray(new JsonObject { ["sensorMetadata"] = new JsonObject { ["time"] = "2026-07-22T06:40:00Z" } });

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), Element + ".sensorReport");
    }

    [Fact]
    public void RejectsEmptySensorReportList()
    {
        var evt = EventSamples.ObjectEvent();
        evt["sensorElementList"] = new JsonArray(new JsonObject { ["sensorReport"] = new JsonArray() });

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), Element + ".sensorReport");
    }
}
