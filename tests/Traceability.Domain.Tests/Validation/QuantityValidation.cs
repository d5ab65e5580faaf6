using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class QuantityValidation
{
    private const string Element = EventSamples.At + ".quantityList[0]";

    private static JsonObject EventWithQuantity(string quantityElementJson)
    {
        var evt = EventSamples.TransactionEvent();
        evt["quantityList"] = new JsonArray(JsonNode.Parse(quantityElementJson));
        return evt;
    }

    [Theory]
    [InlineData("""{ "epcClass": "https://id.gs1.org/01/09521141012345/10/L1", "quantity": 20, "uom": "KGM" }""")]
    [InlineData("""{ "epcClass": "https://id.gs1.org/01/09521141012345/10/L1", "quantity": 0.25, "uom": "LTR" }""")]
    [InlineData("""{ "epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 12 }""")]
    [InlineData("""{ "epcClass": "urn:epc:idpat:sgtin:4012345.066666.*" }""")]
    [InlineData("""{ "epcClass": "https://id.gs1.org/01/09521141012345", "quantity": 1e3, "uom": "H87" }""")]
    public void AcceptsWellFormedQuantityElements(string element) =>
        ValidationAssert.Valid(EventSamples.ValidateInDocument(EventWithQuantity(element)));

    [Theory]
    [InlineData("\"twenty\"")]
    [InlineData("\"20\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("-1")]
    [InlineData("1e300")]
    public void RejectsQuantityThatIsNotANonNegativeNumber(string quantity) =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithQuantity($$"""{ "epcClass": "urn:epc:class:lgtin:4012345.012345.1", "quantity": {{quantity}} }""")),
            Element + ".quantity");

    [Theory]
    [InlineData("KGMS")]
    [InlineData("K")]
    [InlineData("kg")]
    [InlineData("KG ")]
    public void RejectsUomThatIsNotAUnCefactCode(string uom) =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithQuantity($$"""{ "epcClass": "urn:epc:class:lgtin:4012345.012345.1", "quantity": 1, "uom": "{{uom}}" }""")),
            Element + ".uom");

    [Fact]
    public void RejectsQuantityElementWithoutEpcClass() =>
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(EventWithQuantity("""{ "quantity": 1 }""")), Element + ".epcClass");

    [Fact]
    public void RejectsRelativeEpcClass() =>
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(EventWithQuantity("""{ "epcClass": "09521141012345", "quantity": 1 }""")), Element + ".epcClass");

    [Fact]
    public void RejectsExtraFieldsInQuantityElement() =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithQuantity("""{ "epcClass": "urn:epc:class:lgtin:4012345.012345.1", "quantity": 1, "unit": "KGM" }""")),
            Element + ".unit");

    [Fact]
    public void ChecksChildAndTransformationQuantityListsToo()
    {
        var aggregation = EventSamples.AggregationEvent();
        aggregation["childQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = "urn:epc:class:lgtin:4012345.012345.1", ["quantity"] = "5" });
        var transformation = EventSamples.TransformationEvent();
        transformation["inputQuantityList"]![0]!["uom"] = "kilograms";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(aggregation), EventSamples.At + ".childQuantityList[0].quantity");
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(transformation), EventSamples.At + ".inputQuantityList[0].uom");
    }
}
