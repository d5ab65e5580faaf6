using CsCheck;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class MethodCodeParsing
{
    [Theory]
    [InlineData("KJ 201710", "KJ 201710", MethodKind.RapidTest, 2017)]
    [InlineData("KJ201710", "KJ 201710", MethodKind.RapidTest, 2017)]
    [InlineData(" kj  202301 ", "KJ 202301", MethodKind.RapidTest, 2023)]
    [InlineData("GB 2763-2021", "GB 2763-2021", MethodKind.NationalStandard, 2021)]
    [InlineData("GB2763-2021", "GB 2763-2021", MethodKind.NationalStandard, 2021)]
    [InlineData("GB/T 5009.199-2003", "GB/T 5009.199-2003", MethodKind.NationalStandard, 2003)]
    [InlineData("gb / t 5009.199 - 2003", "GB/T 5009.199-2003", MethodKind.NationalStandard, 2003)]
    [InlineData("GB 23200.113-2018", "GB 23200.113-2018", MethodKind.NationalStandard, 2018)]
    [InlineData("GB 2763—2021", "GB 2763-2021", MethodKind.NationalStandard, 2021)]
    [InlineData("GB／T　5009．199－2003", "GB/T 5009.199-2003", MethodKind.NationalStandard, 2003)]
    [InlineData("NY/T 761-2008", "NY/T 761-2008", MethodKind.IndustryStandard, 2008)]
    [InlineData("SN/T 1923-2007", "SN/T 1923-2007", MethodKind.IndustryStandard, 2007)]
    public void NormalisesSpacingCaseAndPunctuation(string text, string expected, MethodKind kind, int year)
    {
        var code = MethodCode.Parse(text);

        Assert.Equal(expected, code.Value);
        Assert.Equal(kind, code.Kind);
        Assert.Equal(year, code.Year);
    }

    [Theory]
    [InlineData("")]
    [InlineData("KJ 17")]
    [InlineData("KJ 191710")]
    [InlineData("KJ 201700")]
    [InlineData("KJ 2017101")]
    [InlineData("GB 2763")]
    [InlineData("GB 2763-21")]
    [InlineData("GB 2763-1890")]
    [InlineData("GB 2763.-2021")]
    [InlineData("GB/X 2763-2021")]
    [InlineData("NY/Z 761-2008")]
    [InlineData("ISO 17025-2017")]
    [InlineData("rapid test")]
    public void RejectsWhatIsNeitherARapidTestNorAStandard(string text) =>
        Assert.False(MethodCode.TryParse(text, out _));

    [Fact]
    public void SaysWhichFormsAreAcceptedWhenRejecting()
    {
        var error = Assert.Throws<FormatException>(() => MethodCode.Parse("rapid test"));

        Assert.Contains("KJ 201710", error.Message);
        Assert.Contains("GB 2763-2021", error.Message);
    }

    [Fact]
    public void NormalFormParsesToItself() =>
        LabGens.Method.Sample(text =>
        {
            var code = MethodCode.Parse(text);
            return MethodCode.Parse(code.Value) == code && code.Value == text;
        });
}
