using CsCheck;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>
/// Element strings written for barcodes read back as written: a separator follows each variable-length element that is
/// not last, and none follows a predefined-length one.
/// </summary>
public class ElementStringComposition
{
    private const char GS = Gs1ElementString.GroupSeparator;
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly GtinLink Pack = new(Gtin.Parse("06901234100037"), LotCode.Parse("LSF-20261112"));

    [Fact]
    public void APackWithoutRecordedDatesIsGtinAndLot() =>
        Assert.Equal("0106901234100037" + "10LSF-20261112", Gs1ElementString.ForTradeItem(Pack, null, null, Today).ToBarcodeData(GS));

    [Fact]
    public void DatesGoBetweenGtinAndLotSoNoSeparatorIsNeeded()
    {
        var elements = Gs1ElementString.ForTradeItem(Pack, Gs1Date.Of(new DateOnly(2027, 5, 12)), Gs1Date.Of(new DateOnly(2027, 11, 12)), Today);
        Assert.Equal("0106901234100037" + "15270512" + "17271112" + "10LSF-20261112", elements.ToBarcodeData(GS));
        Assert.Equal("(01) 06901234100037 (15) 270512 (17) 271112 (10) LSF-20261112", elements.ToHumanReadable());
    }

    [Fact]
    public void ADateTooFarOffToWriteInTwoDigitsIsLeftOut() =>
        Assert.Equal("(01)06901234100037(10)LSF-20261112",
            Gs1ElementString.ForTradeItem(Pack, null, Gs1Date.Of(new DateOnly(2090, 1, 1)), Today).ToBracketed());

    [Fact]
    public void ASeparatorFollowsAVariableLengthElementOnlyWhenAnotherFollows()
    {
        var elements = Gs1ElementString.Of([new("10", "L1"), new("17", "271112"), new("21", "S9"), new("00", "106141411234567897")], Today);
        Assert.Equal($"10L1{GS}17271112" + $"21S9{GS}00106141411234567897", elements.ToBarcodeData(GS));
        Assert.Equal("10L1ñ1727111221S9ñ00106141411234567897", elements.ToBarcodeData('ñ'));
    }

    [Fact]
    public void ALogisticUnitIsItsSscc() =>
        Assert.Equal("00106141411234567897", Gs1ElementString.ForLogisticUnit(Sscc.Parse("106141411234567897")).ToBarcodeData(GS));

    private static readonly Gen<Gs1Element> Element = Gen.OneOf(
        Gs1Gens.Gtin.Select(g => new Gs1Element("01", g.Value)),
        Gs1Gens.Gtin.Select(g => new Gs1Element("02", g.Value)),
        Gs1Gens.Sscc.Select(s => new Gs1Element("00", s.Value)),
        Gs1Gens.Lot.Select(l => new Gs1Element("10", l.Value)),
        Gs1Gens.Serial.Select(s => new Gs1Element("21", s.Value)),
        Gen.Date[new DateTime(1977, 1, 1), new DateTime(2076, 12, 31)].Select(d => new Gs1Element("17", Gs1Date.Of(DateOnly.FromDateTime(d)).ToYymmdd())),
        Gen.Date[new DateTime(1977, 1, 1), new DateTime(2076, 12, 31)].Select(d => new Gs1Element("15", d.ToString("yyMM00", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Int[1, 99_999_999].Select(n => new Gs1Element("37", n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Char['0', '9'].Array[6].Select(d => new Gs1Element("3103", new string(d))),
        Gen.Select(Gen.Int[240, 243], Gs1Gens.Text82).Select((ai, v) => new Gs1Element(ai.ToString(System.Globalization.CultureInfo.InvariantCulture), v)));

    [Fact]
    public void AnyElementsInAnyOrderReadBackFromTheirBarcodeData()
    {
        Element.Array[1, 8]
            .Select(es => es.DistinctBy(e => e.Ai).ToArray())
            .Sample(elements =>
            {
                var written = Gs1ElementString.Of(elements, Today);
                var read = Gs1ElementString.Parse(written.ToBarcodeData(GS), Today);
                Assert.Equal(elements, read.Elements);
                Assert.Equal(written.ToBracketed(), read.ToBracketed());
            });
    }

    [Fact]
    public void DatesReadBackAsTheDayTheyWereWrittenForWithinFiftyYears()
    {
        Gen.Date[new DateTime(1977, 1, 1), new DateTime(2076, 12, 31)].Sample(d =>
        {
            var date = Gs1Date.Of(DateOnly.FromDateTime(d));
            Assert.True(date.IsExpressibleAround(Today));
            Assert.Equal(date, Gs1Date.Parse(date.ToYymmdd(), Today));
        });
    }
}
