using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>
/// A JSON-LD value object (<c>{"@value": …}</c>, how an XML extension element with attributes and text reads) hashes
/// as the reference implementation hashes that element: <c>name=text</c>, then its other members sorted.
/// </summary>
public sealed class ValueObjectHashing
{
    [Fact]
    public void TheValueIsTheElementsTextFollowedByItsAttributes()
    {
        var preHash = HashingTestEvents.PreHash(""", "example:weight": {"unitCode": "KGM", "@value": "3.50"}""");

        Assert.EndsWith("{https://ns.example.com/epcis/}weight=3.5unitCode=KGM", preHash);
    }

    [Fact]
    public void AValueObjectAloneHashesAsItsValue() =>
        Assert.Equal(
            HashingTestEvents.Id(""", "example:lot": "L1" """),
            HashingTestEvents.Id(""", "example:lot": {"@value": "L1"}"""));

    [Fact]
    public void TheValueChangesTheHash() =>
        Assert.NotEqual(
            HashingTestEvents.Id(""", "example:weight": {"unitCode": "KGM", "@value": "3.5"}"""),
            HashingTestEvents.Id(""", "example:weight": {"unitCode": "KGM", "@value": "4"}"""));
}
