using CsCheck;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class InchiKeyFormat
{
    [Fact]
    public void AcceptsTheFourteenTenOneForm()
    {
        var key = InchiKey.Parse("SBPBAQFWLVIOKP-UHFFFAOYSA-N");

        Assert.Equal("https://identifiers.org/inchikey:SBPBAQFWLVIOKP-UHFFFAOYSA-N", key.ToUri());
    }

    [Theory]
    [InlineData("sbpbaqfwlviokp-uhfffaoysa-n")]
    [InlineData("SBPBAQFWLVIOKP-UHFFFAOYSA")]
    [InlineData("SBPBAQFWLVIOKPUHFFFAOYSAN")]
    [InlineData("SBPBAQFWLVIOK-PUHFFFAOYSA-N")]
    [InlineData("SBPBAQFWLVIOKP-UHFFFAOYS1-N")]
    [InlineData("SBPBAQFWLVIOKP-UHFFFAOYSA-NN")]
    [InlineData("")]
    public void RejectsOtherShapes(string text) =>
        Assert.False(InchiKey.TryParse(text, out _));

    [Fact]
    public void AnyKeyOfTheRightShapeParses() =>
        LabGens.InchiKey.Sample(text => InchiKey.TryParse(text, out var key) && key.Value == text);
}
