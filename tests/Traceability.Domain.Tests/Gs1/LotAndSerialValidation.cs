using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class LotAndSerialValidation
{
    [Theory]
    [InlineData("A")]
    [InlineData("2024-11-20/B")]
    [InlineData("!\"%&'()*+,-./:;<=>?_")]
    [InlineData("ABCDEFGHIJKLMNOPQRST")]
    public void AcceptsOneToTwentyCharactersOfSet82(string text)
    {
        Assert.Equal(text, LotCode.Parse(text).Value);
        Assert.Equal(text, SerialNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "is 21 characters long, at most 20")]
    [InlineData("A B", "' ' at position 2")]
    [InlineData("A#1", "'#' at position 2")]
    [InlineData("Lot-é", "'é' at position 5")]
    public void RejectsOtherTextWithTheReason(string text, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => LotCode.Parse(text)).Message);
        Assert.Contains(reason, Assert.Throws<FormatException>(() => SerialNumber.Parse(text)).Message);
    }

    [Fact]
    public void LotsWithTheSameTextAreEqual() => Assert.Equal(LotCode.Parse("L1"), LotCode.Parse("L1"));
}
