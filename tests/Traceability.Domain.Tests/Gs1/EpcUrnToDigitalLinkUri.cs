using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>The EPC schemes beyond this system's own keys, which partners' events carry and the event hash needs.</summary>
public class EpcUrnToDigitalLinkUri
{
    [Theory]
    [InlineData("urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111")]
    [InlineData("urn:epc:id:giai:4012345.A%2FB", "https://id.gs1.org/8004/4012345A%2FB")]
    [InlineData("urn:epc:id:gdti:4012345.11111.123", "https://id.gs1.org/253/4012345111118123")]
    [InlineData("urn:epc:id:gdti:4012345.55555.1234", "https://id.gs1.org/253/40123455555541234")]
    [InlineData("urn:epc:id:grai:4012345.00022.334455", "https://id.gs1.org/8003/04012345000221334455")]
    [InlineData("urn:epc:id:gsrn:4012345.0000006765", "https://id.gs1.org/8018/401234500000067657")]
    [InlineData("urn:epc:id:gsrnp:4012345.0000000007", "https://id.gs1.org/8017/401234500000000074")]
    [InlineData("urn:epc:id:gsin:4012345.222333444", "https://id.gs1.org/402/40123452223334442")]
    [InlineData("urn:epc:id:ginc:0614141.xyz47%2F11", "https://id.gs1.org/401/0614141xyz47%2F11")]
    [InlineData("urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234", "https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234")]
    [InlineData("urn:epc:id:itip:4012345.011111.01.02.987", "https://id.gs1.org/8006/040123451111180102/21/987")]
    [InlineData("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7SDB", "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7SDB")]
    [InlineData("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB", "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB")]
    [InlineData("urn:epc:id:sgcn:4012345.67890.04711", "https://id.gs1.org/255/401234567890104711")]
    [InlineData("urn:epc:idpat:grai:4012345.00022.*", "https://id.gs1.org/8003/04012345000221")]
    [InlineData("urn:epc:idpat:gdti:4012345.55555.*", "https://id.gs1.org/253/4012345555554")]
    public void ConvertsToTheCanonicalDigitalLink(string urn, string expected)
    {
        Assert.True(EpcUrn.TryToDigitalLinkUri(urn, out var uri));
        Assert.Equal(expected, uri);
    }

    [Theory]
    [InlineData("urn:epc:id:gid:95100000.12345.400")]
    [InlineData("urn:epc:id:gdti:4012345.11111")]
    [InlineData("urn:epcglobal:cbv:bt:0614141073467:1152")]
    [InlineData("urn:epc:id:gsrn:4012345.000000676")]
    public void LeavesOtherUrnsAlone(string urn) => Assert.False(EpcUrn.TryToDigitalLinkUri(urn, out _));
}
