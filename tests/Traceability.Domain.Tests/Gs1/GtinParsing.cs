using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class GtinParsing
{
    [Theory]
    [InlineData("96385074", "00000096385074")]
    [InlineData("614141000036", "00614141000036")]
    [InlineData("9506000134352", "09506000134352")]
    [InlineData("09506000134352", "09506000134352")]
    public void NormalisesEachLengthToFourteenDigits(string text, string expected) =>
        Assert.Equal(expected, Gtin.Parse(text).Value);

    [Fact]
    public void SpellingsOfTheSameGtinAreEqual() =>
        Assert.Equal(Gtin.Parse("9506000134352"), Gtin.Parse("09506000134352"));

    [Theory]
    [InlineData("09506000134", "must have 8, 12, 13 or 14 digits, not 11")]
    [InlineData("095060001343521", "must have 8, 12, 13 or 14 digits, not 15")]
    [InlineData("0950600013435A", "must contain only digits")]
    [InlineData(" 09506000134352", "must contain only digits")]
    [InlineData("", "GTIN is empty")]
    public void RejectsMalformedTextWithAReason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Gtin.Parse(text));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void TryParseReturnsFalseForNull()
    {
        Assert.False(Gtin.TryParse(null, out var gtin));
        Assert.Null(gtin);
    }

    [Fact]
    public void PrintsAsItsFourteenDigits() => Assert.Equal("00614141000036", Gtin.Parse("614141000036").ToString());
}
