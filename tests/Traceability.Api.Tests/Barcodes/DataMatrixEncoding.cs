using CsCheck;
using Traceability.Api.Barcodes;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>
/// Every pack element string becomes a GS1 DataMatrix that reads back exactly: checked against ZXing's decoder for
/// thousands of generated strings and against libdmtx (dmtxread) for a sample. (ZXing's own compact encoder failed
/// this for about one lot in eleven; see Gs1Symbols.)
/// </summary>
public sealed class DataMatrixEncoding
{
    private const string Cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Gen<Gs1ElementString> Pack = Gen.Select(
        Gen.Char['0', '9'].Array[13].Select(d => new string(d)),
        Gen.Char[Cset82].Array[1, 20].Select(c => new string(c)),
        Gen.OneOf(Gen.Const((DateTime?)null), Gen.Date[new DateTime(2020, 1, 1), new DateTime(2060, 12, 31)].Select(d => (DateTime?)d)),
        Gen.OneOf(Gen.Const((DateTime?)null), Gen.Date[new DateTime(2020, 1, 1), new DateTime(2060, 12, 31)].Select(d => (DateTime?)d)),
        (gtin, lot, bestBefore, expiry) => Gs1ElementString.ForTradeItem(
            new GtinLink(Gtin.Parse(gtin + Gtin.ComputeCheckDigit(gtin)), LotCode.Parse(lot)),
            bestBefore is { } b ? Gs1Date.Of(DateOnly.FromDateTime(b)) : null,
            expiry is { } e ? Gs1Date.Of(DateOnly.FromDateTime(e)) : null,
            Today));

    /// <summary>Several variable-length elements, so separators fall everywhere in the data.</summary>
    private static readonly Gen<Gs1ElementString> Separated = Gen.Select(
        Gen.Char[Cset82].Array[1, 20].Select(c => new string(c)),
        Gen.Char[Cset82].Array[1, 20].Select(c => new string(c)),
        Gen.Int[1, 99_999_999],
        (lot, serial, count) => Gs1ElementString.Of(
            [new("10", lot), new("21", serial), new("37", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("17", "271112")], Today));

    [Fact]
    public void ZxingReadsBackEveryGeneratedPackElementString() =>
        Gen.OneOf(Pack, Separated).Sample(elements =>
        {
            var read = ZxingRead(Gs1Symbols.DataMatrix(elements));
            Assert.Equal("]d2", read.SymbologyIdentifier);
            Assert.Equal(elements.ToBarcodeData(Gs1ElementString.GroupSeparator), read.Data);
        }, iter: 3000);

    [Fact]
    public async Task LibdmtxReadsBackASampleOfThem()
    {
        foreach (var elements in Gen.OneOf(Pack, Separated).Array[24].Single())
        {
            var grid = Gs1Symbols.DataMatrix(elements);
            var read = await IndependentDecoders.DmtxreadAsync(grid.ToPng(grid.Width * 6, grid.Height * 6)!, Ct);
            Assert.Equal("]d2", read.SymbologyIdentifier);
            Assert.Equal(elements.ToBarcodeData(Gs1ElementString.GroupSeparator), read.Data);
        }
    }

    [Fact]
    public void TheLotThatZxingsCompactEncoderGotWrongReadsBack()
    {
        var elements = Gs1ElementString.ForTradeItem(new GtinLink(Gtin.Parse("06901234100013"), LotCode.Parse("DM-DATES-1")),
            Gs1Date.Of(new DateOnly(2027, 5, 12)), Gs1Date.Of(new DateOnly(2027, 6, 1)), Today);
        Assert.Equal("0106901234100013" + "15270512" + "17270601" + "10DM-DATES-1", ZxingRead(Gs1Symbols.DataMatrix(elements)).Data);
    }

    /// <summary>ZXing's DataMatrix decoder on the modules themselves (no image): quiet zone off, the data, ]d1 or ]d2.</summary>
    private static IndependentRead ZxingRead(ModuleGrid grid)
    {
        var q = Gs1Symbols.DataMatrixQuietZone;
        var modules = Enumerable.Range(q, grid.Height - 2 * q).Select(y => Enumerable.Range(q, grid.Width - 2 * q).Select(x => grid.IsDark(x, y)).ToArray()).ToArray();
        var result = new ZXing.Datamatrix.Internal.Decoder().decode(modules);
        Assert.NotNull(result);
        var gs1 = result.Text.StartsWith('\u001d');
        return new IndependentRead(gs1 ? "]d2" : "]d1", gs1 ? result.Text[1..] : result.Text);
    }
}
