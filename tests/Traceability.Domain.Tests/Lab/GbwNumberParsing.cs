using CsCheck;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class GbwNumberParsing
{
    [Theory]
    [InlineData("GBW10015", null, "GBW10015", null, false)]
    [InlineData("GBW10015a", null, "GBW10015", 'a', false)]
    [InlineData("GBW10015", "a", "GBW10015", 'a', false)]
    [InlineData("GBW10015a", "a", "GBW10015", 'a', false)]
    [InlineData("GBW(E)082923", null, "GBW(E)082923", null, true)]
    [InlineData("GBW(E)082923", "a", "GBW(E)082923", 'a', true)]
    [InlineData("gbw(e)082923b", null, "GBW(E)082923", 'b', true)]
    [InlineData("GBW（E）082923", null, "GBW(E)082923", null, true)]
    [InlineData("GBW 10015", null, "GBW10015", null, false)]
    public void AcceptsBothClassesWithTheBatchInsideOrApart(string number, string? batch, string expectedNumber, char? expectedBatch, bool secondClass)
    {
        var gbw = GbwNumber.Parse(number, batch);

        Assert.Equal(expectedNumber, gbw.Number);
        Assert.Equal(expectedBatch, gbw.Batch);
        Assert.Equal(secondClass, gbw.IsSecondClass);
    }

    [Fact]
    public void TheSameMaterialSpeltEitherWayIsEqual() =>
        Assert.Equal(GbwNumber.Parse("GBW10015a"), GbwNumber.Parse("GBW10015", "a"));

    [Theory]
    [InlineData("GBW1001")]
    [InlineData("GBW100150")]
    [InlineData("GBW(E)08292")]
    [InlineData("GBW(E)0829230")]
    [InlineData("GBW10015A")]
    [InlineData("GBW10015ab")]
    [InlineData("GB10015")]
    [InlineData("GBW(F)082923")]
    [InlineData("")]
    public void RejectsWrongDigitCountsPrefixesAndBatchLetters(string number) =>
        Assert.False(GbwNumber.TryParse(number, out _));

    [Theory]
    [InlineData("A")]
    [InlineData("ab")]
    [InlineData("1")]
    [InlineData("b")]
    public void RejectsABatchThatIsNotOneLowerCaseLetterOrContradictsTheNumber(string batch) =>
        Assert.Throws<FormatException>(() => GbwNumber.Parse("GBW10015a", batch));

    [Fact]
    public void ValueParsesBackToTheSameNumber() =>
        LabGens.ReferenceMaterial.Sample(input =>
        {
            var gbw = GbwNumber.Parse(input.Number!, input.Batch);
            return GbwNumber.Parse(gbw.Value) == gbw;
        });
}
