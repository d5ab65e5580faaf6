using System.Numerics;
using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class RlpSpecExamples
{
    // The examples from the RLP page of the Ethereum documentation.
    public static TheoryData<string, RlpItem, string> Examples => new()
    {
        { "the string dog", RlpItem.FromString("dog"), "83646f67" },
        { "the list [cat, dog]", RlpItem.List(RlpItem.FromString("cat"), RlpItem.FromString("dog")), "c88363617483646f67" },
        { "the empty string", RlpItem.FromString(""), "80" },
        { "the empty list", RlpItem.List(), "c0" },
        { "the integer 0", RlpItem.FromInteger(0UL), "80" },
        { "the byte 0x00", RlpItem.FromBytes([0x00]), "00" },
        { "the byte 0x0f", RlpItem.FromBytes([0x0f]), "0f" },
        { "the integer 15", RlpItem.FromInteger(15UL), "0f" },
        { "the integer 1024", RlpItem.FromInteger(1024UL), "820400" },
        { "the set-theoretic three", SetTheoreticThree(), "c7c0c1c0c3c0c1c0" },
        {
            "a 56-byte string",
            RlpItem.FromString("Lorem ipsum dolor sit amet, consectetur adipisicing elit"),
            "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void EncodesToThePublishedBytes(string description, RlpItem item, string expected) =>
        Assert.True(expected == Hex.Encode(Rlp.Encode(item), prefix: false), description);

    [Theory]
    [MemberData(nameof(Examples))]
    public void DecodesThePublishedBytes(string description, RlpItem item, string encoded) =>
        Assert.True(item == Rlp.Decode(Hex.Decode(encoded)), description);

    // [ [], [[]], [ [], [[]] ] ]
    private static RlpItem SetTheoreticThree() =>
        RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List()), RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List())));
}

public class RlpLongForms
{
    [Fact]
    public void UsesTheLongListHeaderFromFiftySixBytesOfPayload()
    {
        var list = new RlpList(Enumerable.Repeat<RlpItem>(RlpItem.FromString("a"), 56).ToList());
        var encoded = Rlp.Encode(list);
        Assert.Equal(new byte[] { 0xf8, 56 }, encoded[..2]);
        Assert.Equal(list, Rlp.Decode(encoded));
    }

    [Fact]
    public void UsesTwoLengthBytesForAThousandByteString()
    {
        var encoded = Rlp.Encode(RlpItem.FromBytes(new byte[1000]));
        Assert.Equal(new byte[] { 0xb9, 0x03, 0xe8 }, encoded[..3]);
        Assert.Equal(1003, encoded.Length);
    }
}

public class RlpRejectsNonCanonicalEncodings
{
    [Theory]
    [InlineData("8100", "a single byte below 0x80 wrapped in a header")]
    [InlineData("817f", "a single byte below 0x80 wrapped in a header")]
    [InlineData("b80100", "the long form for a length below 56")]
    [InlineData("b800", "a length with a leading zero")]
    [InlineData("b9003800", "a length with a leading zero")]
    [InlineData("f80100", "the long list form for a length below 56")]
    [InlineData("8080", "trailing bytes")]
    [InlineData("83646f", "a string shorter than its header claims")]
    [InlineData("c283646f67", "a child running past its list")]
    [InlineData("", "empty input")]
    [InlineData("bf0100000000000000", "a length of eight bytes")]
    [InlineData("b9", "input ending inside the length")]
    public void ThrowsFormatException(string hex, string because)
    {
        var ex = Record.Exception(() => Rlp.Decode(Hex.Decode(hex)));
        Assert.True(ex is FormatException, $"{because}: got {ex?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void RefusesListsNestedBeyondTheDepthLimit()
    {
        RlpItem item = RlpItem.List();
        for (var i = 0; i < Rlp.MaxDepth + 1; i++)
        {
            item = RlpItem.List(item);
        }

        Assert.Throws<FormatException>(() => Rlp.Decode(Rlp.Encode(item)));
    }

    [Fact]
    public void RejectsIntegersWithLeadingZeroBytes() =>
        Assert.Throws<FormatException>(() => ((RlpString)Rlp.Decode(Hex.Decode("820001"))).ToBigInteger());
}

public class RlpRoundTrip
{
    private static readonly Gen<RlpItem> Items = Gen.Recursive<RlpItem>((depth, self) =>
    {
        var leaf = Gen.Frequency(
            (3, Gen.Byte.Array[0, 3].Select(b => (RlpItem)new RlpString(b))),
            (1, Gen.Byte.Array[0, 80].Select(b => (RlpItem)new RlpString(b))));
        return depth >= 4
            ? leaf
            : Gen.Frequency((2, leaf), (1, self.Array[0, 6].Select(items => (RlpItem)new RlpList(items))));
    });

    [Fact]
    public void DecodesWhatItEncodes() =>
        Items.Sample(item => Assert.Equal(item, Rlp.Decode(Rlp.Encode(item))));

    [Fact]
    public void ReadsBackIntegersItWrote() =>
        Gen.Byte.Array[0, 33].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true))
            .Sample(value => Assert.Equal(value, ((RlpString)Rlp.Decode(Rlp.Encode(RlpItem.FromInteger(value)))).ToBigInteger()));
}
