using CsCheck;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class DigitalLinkParsing
{
    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/10/A1")]
    [InlineData("http://example.com/01/09506000134352/10/A1")]
    [InlineData("https://example.com/some/prefix/01/09506000134352/10/A1")]
    [InlineData("https://example.com/01/9506000134352/10/A1?17=261231#top")]
    [InlineData("https://example.com/01/09506000134352/10/A1/")]
    [InlineData("/01/09506000134352/10/A1")]
    public void ReadsAnyHostPathPrefixAndGtinLengthIntoTheSameLink(string uri) =>
        Assert.Equal(new GtinLink(Gtin.Parse("09506000134352"), LotCode.Parse("A1")), DigitalLink.Parse(uri));

    [Fact]
    public void DecodesPercentEncodedValues()
    {
        var link = Assert.IsType<GtinLink>(DigitalLink.Parse("https://id.gs1.org/01/09506000134352/10/A%2f1%26%25"));

        Assert.Equal("A/1&%", link.Lot!.Value);
    }

    [Fact]
    public void ReadsEveryKeyType()
    {
        Assert.IsType<SsccLink>(DigitalLink.Parse("https://id.gs1.org/00/040123450000001112"));
        Assert.Equal("9", Assert.IsType<LocationLink>(DigitalLink.Parse("https://id.gs1.org/414/4012345000054/254/9")).Extension!.Value);
        Assert.Equal("4012345000054", Assert.IsType<PartyLink>(DigitalLink.Parse("https://id.gs1.org/417/4012345000054")).Party.Value);
        Assert.Equal("S1", Assert.IsType<GtinLink>(DigitalLink.Parse("https://id.gs1.org/01/09506000134352/21/S1")).Serial!.Value);
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134353/10/A1", "GTIN 09506000134353 has check digit 3, expected 2")]
    [InlineData("https://id.gs1.org/01/09506000134352/21/S1/10/A1", "only 10 (lot) then 21 (serial)")]
    [InlineData("https://id.gs1.org/01/09506000134352/22/V1", "AI 22 is not supported")]
    [InlineData("https://id.gs1.org/01/09506000134352/10/A%2", "malformed percent-encoding")]
    [InlineData("https://id.gs1.org/01/09506000134352/10/A%20B", "' ' at position 2")]
    [InlineData("https://id.gs1.org/414/4012345000054/10/A1", "only AI 254")]
    [InlineData("https://id.gs1.org/8004/4012345ABC", "holds no GS1 key this system supports")]
    [InlineData("ftp://id.gs1.org/01/09506000134352", "neither an http(s) URI nor a path")]
    [InlineData("https://id.gs1.org//01/09506000134352", "empty path segment")]
    public void RejectsWhatItCannotReadSayingWhy(string uri, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => DigitalLink.Parse(uri)).Message);

    [Fact]
    public void ParsingTheBuiltUriGivesBackTheSameLink() =>
        Gs1Gens.Link.Sample(link => DigitalLink.Parse(link.ToUri()) == link);

    [Fact]
    public void ParsingTheBuiltUriOnAnotherHostGivesBackTheSameLink() =>
        Gs1Gens.Link.Sample(link => DigitalLink.Parse(link.ToUri("https://resolver.example.org/dl")) == link);
}
