using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class MeasurementUnits
{
    [Theory]
    [InlineData("mg/kg", "NA")]
    [InlineData("µg/kg", "J33")]
    [InlineData("g/kg", "GK")]
    [InlineData("g/100g", "60")]
    [InlineData("%", "P1")]
    [InlineData("mg/L", "M1")]
    [InlineData("µg/L", "H29")]
    [InlineData("g/L", "GL")]
    public void MapsToTheUnEceRecommendation20Code(string symbol, string code) =>
        Assert.Equal(code, MeasurementUnit.Parse(symbol).Rec20Code);

    [Theory]
    [InlineData("CFU/g")]
    [InlineData("CFU/mL")]
    [InlineData("MPN/g")]
    [InlineData("MPN/100mL")]
    public void MicrobialCountsHaveNoRec20Code(string symbol) =>
        Assert.Null(MeasurementUnit.Parse(symbol).Rec20Code);

    [Theory]
    [InlineData("ug/kg", "µg/kg")]
    [InlineData("μg/kg", "µg/kg")]
    [InlineData("UG/KG", "µg/kg")]
    [InlineData("mg/l", "mg/L")]
    [InlineData("ug/l", "µg/L")]
    [InlineData(" mg / kg ", "mg/kg")]
    [InlineData("g/100 g", "g/100g")]
    [InlineData("cfu/ml", "CFU/mL")]
    [InlineData("MPN/100 ml", "MPN/100mL")]
    public void AcceptsUsualSpellingsAsTheCanonicalUnit(string text, string symbol) =>
        Assert.Equal(symbol, MeasurementUnit.Parse(text).Symbol);

    [Theory]
    [InlineData("ppm")]
    [InlineData("kg")]
    [InlineData("mg/dL")]
    [InlineData("NA")]
    [InlineData("")]
    public void RejectsUnitsOutsideTheAcceptedSet(string text) =>
        Assert.False(MeasurementUnit.TryParse(text, out _));

    [Fact]
    public void EveryRec20CodeIsAValidEpcisUom() =>
        Assert.All(MeasurementUnit.All.Where(u => u.Rec20Code is not null),
            u => Assert.Matches("^[A-Z0-9]{2,3}$", u.Rec20Code!));

    [Fact]
    public void SymbolsAndCodesAreUnique()
    {
        Assert.Equal(MeasurementUnit.All.Count, MeasurementUnit.All.Select(u => u.Symbol).Distinct().Count());
        var codes = MeasurementUnit.All.Select(u => u.Rec20Code).OfType<string>().ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
