using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>Two-digit years are placed in the hundred years around today by GS1 General Specifications §7.12.</summary>
public class Gs1DateCentury
{
    [Theory]
    [InlineData("261120", 2026, "2026-11-20")]
    [InlineData("760101", 2026, "2076-01-01")] // 50 ahead: still this century
    [InlineData("770101", 2026, "1977-01-01")] // 51 ahead: last century
    [InlineData("990101", 2026, "1999-01-01")]
    [InlineData("010101", 2098, "2101-01-01")] // 97 behind: next century
    [InlineData("480101", 2098, "2148-01-01")] // 50 behind: next century
    [InlineData("490101", 2098, "2049-01-01")] // 49 behind: this century
    public void TheCenturyFollowsTheSlidingWindow(string yymmdd, int currentYear, string expected) =>
        Assert.Equal(expected, Gs1Date.Parse(yymmdd, new DateOnly(currentYear, 6, 1)).ToString());

    [Fact]
    public void TheTwentyNinthOfFebruaryNeedsALeapYear()
    {
        Assert.Equal("2028-02-29", Gs1Date.Parse("280229", new DateOnly(2026, 1, 1)).ToString());
        Assert.Throws<FormatException>(() => Gs1Date.Parse("270229", new DateOnly(2026, 1, 1)));
    }
}
