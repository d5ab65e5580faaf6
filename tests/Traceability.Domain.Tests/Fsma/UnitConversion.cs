using CsCheck;
using Traceability.Domain.Fsma;
using Traceability.Domain.Units;

namespace Traceability.Domain.Tests.Fsma;

public class UnitConversion
{
    [Theory]
    [InlineData("1", "TNE", "KGM", "1000")]
    [InlineData("800", "GRM", "KGM", "0.8")]
    [InlineData("1", "LBR", "KGM", "0.45359237")]
    [InlineData("1", "KGM", "LBR", "2.204622622")]
    [InlineData("2", "GLL", "LTR", "7.570823568")]
    [InlineData("1500", "MLT", "LTR", "1.5")]
    [InlineData("2", "DZN", "EA", "24")]
    [InlineData("5", "H87", "EA", "5")]
    [InlineData("12", "KGM", "KGM", "12")]
    public void ConvertsBetweenUnitsOfOneKind(string quantity, string from, string to, string expected)
    {
        Assert.True(UnitOfMeasure.TryConvert(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), from, to, out var converted));
        Assert.Equal(expected, UnitOfMeasure.Format(converted));
    }

    [Theory]
    [InlineData("KGM", "LTR")]
    [InlineData("EA", "KGM")]
    [InlineData("CT", "EA")]
    [InlineData("CT", "CS")]
    [InlineData("ZZZ", "KGM")]
    public void DoesNotConvertBetweenKindsPackagesOrUnknownUnits(string from, string to) =>
        Assert.False(UnitOfMeasure.TryConvert(1, from, to, out _));

    [Theory]
    [InlineData("KGM", "kilogram (KGM)")]
    [InlineData("EA", "each (EA)")]
    [InlineData("CT", "carton (CT)")]
    [InlineData("XYZ", "XYZ")]
    public void NamesUnitsInWordsWithTheirCode(string code, string expected) =>
        Assert.Equal(expected, UnitOfMeasure.Describe(code));

    [Fact]
    public void GramsToKilogramsAndBackGiveTheSameAmount() =>
        Gen.Decimal[0m, 1_000_000m].Select(d => decimal.Round(d, 3)).Sample(grams =>
            UnitOfMeasure.TryConvert(grams, "GRM", "KGM", out var kg) && UnitOfMeasure.TryConvert(kg, "KGM", "GRM", out var back) && back == grams);

    private static RecordedEvent ShipmentIn(string quantity, string unit) => FsmaSamples.ByFarm($$"""
        { "type": "ObjectEvent", "eventTime": "2026-06-01T16:00:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L-0601", "quantity": {{quantity}}, "uom": "{{unit}}" }],
          "bizStep": "shipping", "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.FarmGln}}" } }
        """);

    private static Fsma204Row ShippingRow(RecordedEvent shipment) =>
        Assert.Single(Fsma204Export.Rows([FsmaSamples.Harvest(), shipment], FsmaSamples.Products), r => r.Event == CriticalTrackingEvent.Shipping);

    [Fact]
    public void ALotKeepsTheUnitOfTheEventThatCreatedIt()
    {
        // The harvest counted 1200 KGM; the shipment weighed 1.2 TNE.
        var row = ShippingRow(ShipmentIn("1.2", "TNE"));

        Assert.Equal(("1200", "kilogram (KGM)"), (row.Quantity, row.UnitOfMeasure));
        Assert.Equal("1.2 TNE", row.QuantityAsRecorded);
    }

    [Fact]
    public void AUnitThatDoesNotConvertIsStatedAsTheEventUsedIt()
    {
        var row = ShippingRow(ShipmentIn("50", "CT"));

        Assert.Equal(("50", "carton (CT)"), (row.Quantity, row.UnitOfMeasure));
        Assert.Equal("", row.QuantityAsRecorded);
    }

    [Fact]
    public void AnAmountInTheLotsOwnUnitIsNotMarkedAsConverted()
    {
        var row = ShippingRow(ShipmentIn("1000", "KGM"));

        Assert.Equal(("1000", "kilogram (KGM)", ""), (row.Quantity, row.UnitOfMeasure, row.QuantityAsRecorded));
    }

    [Fact]
    public void WithoutItsCreatingEventALotTakesTheUnitOfItsEarliestAmount()
    {
        var rows = Fsma204Export.Rows([ShipmentIn("1000", "LBR"), FsmaSamples.Receipt()], FsmaSamples.Products);

        var receipt = Assert.Single(rows, r => r.Event == CriticalTrackingEvent.Receiving);
        Assert.Equal("pound (LBR)", receipt.UnitOfMeasure);
        Assert.Equal("1000 KGM", receipt.QuantityAsRecorded);
        Assert.Equal("2204.622621849", receipt.Quantity);
    }
}
