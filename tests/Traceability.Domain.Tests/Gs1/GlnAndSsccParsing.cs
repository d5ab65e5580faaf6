using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class GlnAndSsccParsing
{
    [Theory]
    [InlineData("4012345000054", true)]
    [InlineData("0614141073467", true)]
    [InlineData("4012345000055", false)]
    [InlineData("401234500005", false)]
    [InlineData("40123450000540", false)]
    public void GlnIsThirteenDigitsWithACheckDigit(string text, bool valid) => Assert.Equal(valid, Gln.TryParse(text, out _));

    [Theory]
    [InlineData("040123450000001112", true)]
    [InlineData("106141411234567897", true)]
    [InlineData("040123450000001113", false)]
    [InlineData("04012345000000111", false)]
    public void SsccIsEighteenDigitsWithACheckDigit(string text, bool valid) => Assert.Equal(valid, Sscc.TryParse(text, out _));

    [Fact]
    public void GlnErrorNamesTheExpectedCheckDigit() =>
        Assert.Equal("GLN 4012345000055 has check digit 5, expected 4", Assert.Throws<FormatException>(() => Gln.Parse("4012345000055")).Message);

    [Fact]
    public void SsccErrorNamesTheRequiredLength() =>
        Assert.Contains("must have 18 digits", Assert.Throws<FormatException>(() => Sscc.Parse("1234")).Message);
}
