using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

public class ReferenceDocumentNames
{
    private static Fsma204Row ShipmentWith(string transactions) => Assert.Single(Fsma204Export.Rows([FsmaSamples.ByFarm($$"""
        { "type": "ObjectEvent", "eventTime": "2026-06-01T16:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L1", "quantity": 5, "uom": "KGM" }],
          "bizStep": "shipping", "bizTransactionList": [{{transactions}}] }
        """)], FsmaSamples.Products));

    [Theory]
    [InlineData("po", "Purchase Order")]
    [InlineData("cbv:BTT-desadv", "Despatch Advice (Advance Ship Notice)")]
    [InlineData("https://ref.gs1.org/cbv/BTT-inv", "Invoice")]
    [InlineData("bol", "Bill of Lading")]
    [InlineData("prodorder", "Production Order")]
    [InlineData("recadv", "Receiving Advice")]
    [InlineData("https://example.com/bt/harvest_log", "harvest log")]
    public void NamesDocumentTypesInPlainWords(string type, string expected) =>
        Assert.Equal(expected, ShipmentWith($$"""{ "type": "{{type}}", "bizTransaction": "urn:epcglobal:cbv:bt:9506000000015:D-1" }""").ReferenceDocumentType);

    [Fact]
    public void ADocumentWithoutATypeIsOther() =>
        Assert.Equal("Other", ShipmentWith("""{ "bizTransaction": "urn:epcglobal:cbv:bt:9506000000015:D-1" }""").ReferenceDocumentType);

    [Theory]
    [InlineData("urn:epcglobal:cbv:bt:9506000000015:PO-778", "PO-778")]
    [InlineData("urn:epcglobal:cbv:bt:9506000000015:PO%2F2026%2F7", "PO/2026/7")]
    [InlineData("https://id.gs1.org/253/4602443000331XYZ", "4602443000331XYZ")]
    [InlineData("https://erp.example.com/orders/778", "https://erp.example.com/orders/778")]
    public void WritesTheDocumentNumberWithoutItsUriWrapping(string transaction, string expected) =>
        Assert.Equal(expected, ShipmentWith($$"""{ "type": "po", "bizTransaction": "{{transaction}}" }""").ReferenceDocumentNumber);

    [Fact]
    public void ListsTypesAndNumbersInTheSameOrder()
    {
        var row = ShipmentWith("""
            { "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9506000000022:PO-9" },
            { "type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:9506000000015:DA-4" },
            { "type": "inv", "bizTransaction": "urn:epcglobal:cbv:bt:9506000000015:INV-2" }
            """);

        Assert.Equal("Purchase Order; Despatch Advice (Advance Ship Notice); Invoice", row.ReferenceDocumentType);
        Assert.Equal("PO-9; DA-4; INV-2", row.ReferenceDocumentNumber);
    }
}
