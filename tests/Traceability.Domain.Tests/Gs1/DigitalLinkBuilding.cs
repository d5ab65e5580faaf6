using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class DigitalLinkBuilding
{
    private static readonly Gtin Gtin = Gtin.Parse("09506000134352");
    private static readonly Gln Gln = Gln.Parse("4012345000054");

    [Fact]
    public void LotPathIsGtinAndLot() =>
        Assert.Equal("/01/09506000134352/10/A-1", DigitalLink.LotPath(Gtin, LotCode.Parse("A-1")));

    [Theory]
    [InlineData("A/1", "A%2F1")]
    [InlineData("50%", "50%25")]
    [InlineData("a&b=c?d", "a%26b=c%3Fd")]
    [InlineData("x+y,z:w;", "x%2By%2Cz%3Aw;")]
    [InlineData("(!'*\")", "%28%21'%2A%22%29")]
    [InlineData("<lot>", "%3Clot%3E")]
    [InlineData("Lot_7.2-b", "Lot_7.2-b")]
    public void PercentEncodesWhatTheDigitalLinkTableSays(string lot, string encoded) =>
        Assert.Equal("/01/09506000134352/10/" + encoded, DigitalLink.LotPath(Gtin, LotCode.Parse(lot)));

    [Fact]
    public void EachKeyHasItsPath()
    {
        Assert.Equal("/01/09506000134352/21/S%2F1", new GtinLink(Gtin, serial: SerialNumber.Parse("S/1")).Path);
        Assert.Equal("/01/09506000134352/10/L1/21/S1", new GtinLink(Gtin, LotCode.Parse("L1"), SerialNumber.Parse("S1")).Path);
        Assert.Equal("/00/040123450000001112", new SsccLink(Sscc.Parse("040123450000001112")).Path);
        Assert.Equal("/414/4012345000054", new LocationLink(Gln).Path);
        Assert.Equal("/414/4012345000054/254/Dock%2F3", new LocationLink(Gln, GlnExtension.Parse("Dock/3")).Path);
        Assert.Equal("/417/4012345000054", new PartyLink(Gln).Path);
    }

    [Fact]
    public void UriUsesTheCanonicalHostUnlessAnotherIsGiven()
    {
        var link = new GtinLink(Gtin, LotCode.Parse("A1"));

        Assert.Equal("https://id.gs1.org/01/09506000134352/10/A1", link.ToUri());
        Assert.Equal("https://id.gs1.org/01/09506000134352/10/A1", link.ToString());
        Assert.Equal("https://trace.example.com/01/09506000134352/10/A1", link.ToUri("https://trace.example.com/"));
    }
}
