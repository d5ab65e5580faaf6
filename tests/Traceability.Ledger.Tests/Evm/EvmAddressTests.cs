using System.Text.Json;
using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class Eip55ChecksumExamples
{
    // The test cases listed in EIP-55: all caps, all lowercase, and mixed case.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void FormatsExactlyAsPublished(string published) =>
        Assert.Equal(published, EvmAddress.Parse(published.ToLowerInvariant()).ToString());
}

public class EvmAddressParsing
{
    [Fact]
    public void AcceptsAllLowercaseAndAllUppercaseWithoutChecksum()
    {
        var lower = EvmAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        Assert.Equal(lower, EvmAddress.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));
    }

    [Fact]
    public void RejectsMixedCaseWithABadChecksum()
    {
        // Valid checksum is 0x5aAeb6...; flipping the case of one letter breaks it.
        Assert.Throws<FormatException>(() => EvmAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
    }

    [Theory]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")]
    [InlineData("")]
    public void RejectsWrongLengthsMissingPrefixAndNonHex(string text)
    {
        Assert.Throws<FormatException>(() => EvmAddress.Parse(text));
        Assert.False(EvmAddress.TryParse(text, out _));
    }

    [Fact]
    public void TryParseReturnsFalseForNull() => Assert.False(EvmAddress.TryParse(null, out _));
}

public class EvmAddressEquality
{
    [Fact]
    public void ComparesByValueNotByInstance()
    {
        var a = EvmAddress.Parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
        var b = EvmAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, EvmAddress.Parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d358"));
    }

    [Fact]
    public void TreatsDefaultAsTheZeroAddress()
    {
        Assert.Equal(EvmAddress.Zero, default);
        Assert.True(EvmAddress.Parse("0x0000000000000000000000000000000000000000").IsZero);
        Assert.Equal("0x0000000000000000000000000000000000000000", EvmAddress.Zero.ToString());
    }

    [Fact]
    public void RoundTripsAnyTwentyBytes() =>
        Gen.Byte.Array[20].Sample(bytes =>
        {
            var address = EvmAddress.FromBytes(bytes);
            Assert.Equal(bytes, address.ToArray());
            Assert.Equal(address, EvmAddress.Parse(address.ToString()));
            Assert.Equal(address, EvmAddress.Parse(address.ToLowerHex()));
        });
}

public class EvmAddressJson
{
    private sealed record Holder(EvmAddress Owner);

    [Fact]
    public void SerialisesAsTheChecksummedString()
    {
        var holder = new Holder(EvmAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        var json = JsonSerializer.Serialize(holder);
        Assert.Equal("""{"Owner":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}""", json);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }
}
