using System.Numerics;
using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class HexEncoding
{
    [Fact]
    public void WritesLowercaseWithThePrefixByDefault() => Assert.Equal("0x00abff", Hex.Encode([0x00, 0xab, 0xff]));

    [Fact]
    public void OmitsThePrefixWhenAsked() => Assert.Equal("00abff", Hex.Encode([0x00, 0xab, 0xff], prefix: false));

    [Fact]
    public void WritesEmptyBytesAsBarePrefix() => Assert.Equal("0x", Hex.Encode([]));
}

public class HexDecoding
{
    [Theory]
    [InlineData("0x00abFF")]
    [InlineData("00ABff")]
    [InlineData("0X00abff")]
    public void AcceptsEitherCaseWithOrWithoutPrefix(string text) => Assert.Equal(new byte[] { 0x00, 0xab, 0xff }, Hex.Decode(text));

    [Theory]
    [InlineData("0x")]
    [InlineData("")]
    public void ReadsAnEmptyStringAsNoBytes(string text) => Assert.Empty(Hex.Decode(text));

    [Theory]
    [InlineData("0xabc")]
    [InlineData("0xzz")]
    [InlineData("0x 1")]
    [InlineData("0x0x00")]
    public void RejectsOddLengthsAndNonHexDigits(string text) => Assert.Throws<FormatException>(() => Hex.Decode(text));

    [Fact]
    public void RoundTripsAnyBytes() =>
        Gen.Byte.Array.Sample(bytes => Assert.Equal(bytes, Hex.Decode(Hex.Encode(bytes))));
}

public class JsonRpcQuantities
{
    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "0x1")]
    [InlineData(15, "0xf")]
    [InlineData(255, "0xff")]
    [InlineData(1024, "0x400")]
    [InlineData(128, "0x80")]
    public void EncodeWithoutLeadingZeros(long value, string expected) => Assert.Equal(expected, Hex.EncodeQuantity(value));

    [Fact]
    public void EncodeTheLargestWord() =>
        Assert.Equal("0x" + new string('f', 64), Hex.EncodeQuantity((BigInteger.One << 256) - 1));

    [Fact]
    public void RefuseNegativeValues() => Assert.Throws<ArgumentException>(() => Hex.EncodeQuantity(-1));

    [Theory]
    [InlineData("0x0", 0)]
    [InlineData("0x400", 1024)]
    [InlineData("0xFF", 255)]
    [InlineData("0x00ff", 255)]
    public void DecodeHexDigits(string text, long expected) => Assert.Equal(expected, Hex.DecodeQuantity(text));

    [Theory]
    [InlineData("0x")]
    [InlineData("400")]
    [InlineData("0xg")]
    [InlineData("-0x1")]
    public void RejectMalformedQuantities(string text) => Assert.Throws<FormatException>(() => Hex.DecodeQuantity(text));

    [Fact]
    public void RoundTripAnyNonNegativeValue() =>
        Gen.Byte.Array[0, 40].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true))
            .Sample(value => Assert.Equal(value, Hex.DecodeQuantity(Hex.EncodeQuantity(value))));
}
