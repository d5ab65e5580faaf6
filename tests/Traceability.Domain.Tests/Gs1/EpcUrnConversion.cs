using CsCheck;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class EpcUrnConversion
{
    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2017", 7, "https://id.gs1.org/01/10614141073464/21/2017")]
    [InlineData("urn:epc:class:lgtin:4054739.099914.20160711", 7, "https://id.gs1.org/01/04054739999148/10/20160711")]
    [InlineData("urn:epc:idpat:sgtin:4012345.066666.*", 7, "https://id.gs1.org/01/04012345666663")]
    [InlineData("urn:epc:id:sscc:4012345.0000000111", 7, "https://id.gs1.org/00/040123450000001112")]
    [InlineData("urn:epc:id:sgln:0614141.07346.1234", 7, "https://id.gs1.org/414/0614141073467/254/1234")]
    [InlineData("urn:epc:id:sgln:4012345.00005.0", 7, "https://id.gs1.org/414/4012345000054")]
    [InlineData("urn:epc:id:pgln:4012345.00000", 7, "https://id.gs1.org/417/4012345000009")]
    [InlineData("urn:epc:id:sgtin:415056789012.0.987654", 12, "https://id.gs1.org/01/04150567890128/21/987654")]
    [InlineData("urn:epc:id:sgtin:4012345.011111.98%22", 7, "https://id.gs1.org/01/04012345111118/21/98%22")]
    [InlineData("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25!", 7, "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%21")]
    [InlineData("urn:epc:id:pgln:999999999999.", 12, "https://id.gs1.org/417/9999999999994")]
    public void ConvertsBothWays(string urn, int companyPrefixLength, string uri)
    {
        var link = EpcUrn.ToDigitalLink(urn);

        Assert.Equal(uri, link.ToUri());
        Assert.Equal(urn, EpcUrn.FromDigitalLink(DigitalLink.Parse(uri), companyPrefixLength));
    }

    [Fact]
    public void GivesTheSerialisedItemForALinkWithLotAndSerial() =>
        Assert.Equal(
            "urn:epc:id:sgtin:0614141.107346.S1",
            EpcUrn.FromDigitalLink(DigitalLink.Parse("https://id.gs1.org/01/10614141073464/10/L1/21/S1"), 7));

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.10734.2017")]
    [InlineData("urn:epc:id:sgtin:0614141.107346.")]
    [InlineData("urn:epc:id:sgtin:0614141.107346.A/B")]
    [InlineData("urn:epc:id:sgtin:0614141.107346.%2")]
    [InlineData("urn:epc:id:sgtin:0614141.107346.ABCDEFGHIJKLMNOPQRSTU")]
    [InlineData("urn:epc:id:sgtin:06141.1073460.2017")]
    [InlineData("urn:epc:idpat:sgtin:0614141.107346.2017")]
    [InlineData("urn:epc:id:giai:4000001.111")]
    [InlineData("https://id.gs1.org/01/10614141073464")]
    public void RejectsUrnsWithoutAKeyOfThisSystem(string urn) =>
        Assert.False(EpcUrn.TryToDigitalLink(urn, out _));

    [Fact]
    public void RejectsACompanyPrefixLengthThatDoesNotFit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EpcUrn.FromDigitalLink(DigitalLink.Parse("/417/4012345000009"), 13));

    [Fact]
    public void DigitalLinkToUrnAndBackIsTheSameLink() =>
        Gen.Select(Gs1Gens.Link, Gs1Gens.CompanyPrefixLength)
            .Where((link, _) => link is not GtinLink { Lot: not null, Serial: not null })
            .Sample((link, prefixLength) => EpcUrn.ToDigitalLink(EpcUrn.FromDigitalLink(link, prefixLength)) == link);

    [Fact]
    public void UrnToDigitalLinkAndBackIsTheSameUrn() =>
        Gen.Select(Gs1Gens.Gtin, Gs1Gens.Serial, Gs1Gens.CompanyPrefixLength).Sample((gtin, serial, prefixLength) =>
        {
            var urn = EpcUrn.FromDigitalLink(new GtinLink(gtin, serial: serial), prefixLength);
            return EpcUrn.FromDigitalLink(EpcUrn.ToDigitalLink(urn), prefixLength) == urn;
        });
}
