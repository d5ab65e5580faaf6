using System.Text.Json.Nodes;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>Best-before and expiry dates come from the creating event's ILMD, under the CBV names only.</summary>
public class IlmdDatesReading
{
    private static IlmdDates Read(string ilmd) => IlmdDates.Of(new JsonObject { ["ilmd"] = JsonNode.Parse(ilmd) });

    [Fact]
    public void BothCbvDatesAreRead() =>
        Assert.Equal(new IlmdDates(new DateOnly(2027, 5, 12), new DateOnly(2027, 6, 1)),
            Read("""{"cbvmda:bestBeforeDate":"2027-05-12","cbvmda:itemExpirationDate":"2027-06-01T00:00:00+08:00"}"""));

    [Fact]
    public void TheCbvTermMayBeSpeltAsAUri() =>
        Assert.Equal(new DateOnly(2027, 6, 1), Read("""{"urn:epcglobal:cbv:mda#itemExpirationDate":"2027-06-01"}""").Expiry);

    [Theory]
    [InlineData("""{"cbvmda:bestBeforeDate":"soon"}""")]
    [InlineData("""{"cbvmda:bestBeforeDate":20270512}""")]
    [InlineData("""{"cbvmda:bestBeforeDate":"2027-13-01"}""")]
    [InlineData("""{"example:mybestBeforeDate":"2027-05-12"}""")]
    [InlineData("""[]""")]
    public void AnythingElseGivesNoDate(string ilmd) => Assert.Equal(IlmdDates.None, Read(ilmd));

    [Fact]
    public void AnEventWithoutIlmdHasNoDates() => Assert.Equal(IlmdDates.None, IlmdDates.Of(new JsonObject()));
}
