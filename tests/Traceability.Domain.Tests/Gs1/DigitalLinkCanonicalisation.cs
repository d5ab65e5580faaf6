using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>The constrained canonical form CBV 2.0 §8.9 rule 18 gives any Digital Link inside an event.</summary>
public class DigitalLinkCanonicalisation
{
    [Theory]
    [InlineData("https://id.gs1.de/01/04012345999990/21/XYZ-1234", "https://id.gs1.org/01/04012345999990/21/XYZ-1234")]
    [InlineData("https://example.com/gtin/09780345418913/ser/765tz?abc=211121", "https://id.gs1.org/01/09780345418913/21/765tz")]
    [InlineData("https://example.com/01/9780345418913", "https://id.gs1.org/01/09780345418913")]
    [InlineData("https://example.com/01/09506000134352/10/L1/21/S1", "https://id.gs1.org/01/09506000134352/21/S1")]
    [InlineData("https://example.com/01/09506000134352/22/V1/10/L1", "https://id.gs1.org/01/09506000134352/10/L1")]
    [InlineData("https://id.example.org/8004/401234599999", "https://id.gs1.org/8004/401234599999")]
    [InlineData("https://example.com/253/4012345000054987", "https://id.gs1.org/253/4012345000054987")]
    [InlineData("https://id.gs1.org/414/4012345000245/254/1", "https://id.gs1.org/414/4012345000245/254/1")]
    [InlineData("https://x.example/a/b/00/040123450000001112#frag", "https://id.gs1.org/00/040123450000001112")]
    [InlineData("https://x.example/01/09506000134352/10/A%2f1", "https://id.gs1.org/01/09506000134352/10/A%2F1")]
    public void RewritesToTheConstrainedCanonicalForm(string uri, string expected)
    {
        Assert.True(DigitalLinkCanonicaliser.TryCanonicalise(uri, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("http://transaction.acme.com/po/12345678")]
    [InlineData("https://id.example.org/document1")]
    [InlineData("https://example.com/01/123")]
    [InlineData("https://example.com/414/4012345000054/10/L1")]
    [InlineData("https://example.com/01/09506000134352/10/L1/235/T1")]
    [InlineData("geo:47.506694,11.104301")]
    public void LeavesOtherUrisAlone(string uri) => Assert.False(DigitalLinkCanonicaliser.TryCanonicalise(uri, out _));
}
