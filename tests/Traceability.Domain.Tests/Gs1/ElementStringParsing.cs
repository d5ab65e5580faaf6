using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>Decoded GS1 symbol data splits into AI/value pairs by the predefined-length table and FNC1 separators.</summary>
public class ElementStringParsing
{
    private const char GS = Gs1ElementString.GroupSeparator;
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void PackDataReadsGtinDatesAndLot()
    {
        var parsed = Gs1ElementString.Parse("0106901234100037152705121727111210LSF-20261112", Today);

        Assert.Equal("(01)06901234100037(15)270512(17)271112(10)LSF-20261112", parsed.ToBracketed());
        Assert.Equal("06901234100037", parsed.Gtin!.Value);
        Assert.Equal("LSF-20261112", parsed.Lot!.Value);
        Assert.Equal("2027-05-12", parsed.BestBefore!.ToString());
        Assert.Equal("2027-11-12", parsed.Expiry!.ToString());
        Assert.Equal("/01/06901234100037/10/LSF-20261112", parsed.LotLink!.Path);
    }

    [Fact]
    public void AVariableLengthValueEndsAtTheSeparator()
    {
        var parsed = Gs1ElementString.Parse($"0106901234100037" + $"10A/B{GS}17271231" + $"21S1{GS}3712", Today);
        Assert.Equal(["01", "10", "17", "21", "37"], parsed.Elements.Select(e => e.Ai));
        Assert.Equal("A/B", parsed.Lot!.Value);
        Assert.Equal("S1", parsed.Serial!.Value);
        Assert.Equal("/01/06901234100037/10/A%2FB", parsed.LotLink!.Path);
    }

    [Fact]
    public void TheLeadingFnc1SomeDecodersPassOnIsSkipped() =>
        Assert.Equal("(00)106141411234567897", Gs1ElementString.Parse($"{GS}00106141411234567897", Today).ToBracketed());

    [Fact]
    public void ASeparatorAfterAPredefinedLengthElementIsTolerated() =>
        Assert.Equal("(01)06901234100037(10)X", Gs1ElementString.Parse($"0106901234100037{GS}10X", Today).ToBracketed());

    [Fact]
    public void AisOfThreeAndFourDigitsAreSplitByTheirFirstTwoDigits()
    {
        var parsed = Gs1ElementString.Parse($"0106901234100037310200150040012345{GS}10L1", Today);
        Assert.Equal([new Gs1Element("01", "06901234100037"), new Gs1Element("3102", "001500"), new Gs1Element("400", "12345"), new Gs1Element("10", "L1")],
            parsed.Elements);
    }

    [Fact]
    public void DayZeroLeavesTheDayUnspecified()
    {
        var parsed = Gs1ElementString.Parse("010690123410003717271100", Today);
        Assert.Equal("2027-11", parsed.Expiry!.ToString());
        Assert.Null(parsed.Expiry.Day);
    }

    [Theory]
    [InlineData("0106901234100038", "check digit")]                 // GTIN check digit
    [InlineData("00106141411234567898", "check digit")]             // SSCC check digit
    [InlineData("01069012341000", "takes 14 characters")]            // truncated
    [InlineData("0106901234100037100123456789012345678901", "at most 20")] // lot of 21 characters
    [InlineData("0106901234100037" + "10A B", "set 82")]
    [InlineData("0106901234100037" + "17271332", "month 13")]
    [InlineData("0106901234100037" + "17270230", "day 30")]
    [InlineData("0106901234100037" + "17ABCDEF", "six digits")]
    [InlineData("0506901234100037", "no GS1 Application Identifier starts with '05'")]
    [InlineData("01069012341000370106901234100037", "appears twice")]
    [InlineData("0106901234100037" + "310", "ends inside an AI")]
    [InlineData("", "at least one element")]
    [InlineData("0106901234100037" + "10", "has no value")]
    public void InvalidDataIsRejectedWithTheReason(string data, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => Gs1ElementString.Parse(data, Today)).Message);

    [Fact]
    public void HumanReadableTextPutsEachAiInBracketsBeforeItsValue() =>
        Assert.Equal("(01) 06901234100037 (17) 271112 (10) LSF-20261112",
            Gs1ElementString.Parse("01069012341000371727111210LSF-20261112", Today).ToHumanReadable());
}
