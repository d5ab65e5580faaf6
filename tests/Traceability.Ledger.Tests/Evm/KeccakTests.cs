using System.Text;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class Keccak256KnownAnswers
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void HashesToThePublishedDigest(string input, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(Encoding.ASCII.GetBytes(input)), prefix: false));

    [Fact]
    public void IsNotSha3With256Bits()
    {
        // SHA3-256("") differs only by padding; Ethereum needs the original Keccak.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex.Encode(Keccak256.Hash([]), prefix: false));
    }
}

public class Keccak256ReusesItsDigestSafely
{
    [Fact]
    public void GivesTheSameHashAfterHashingSomethingElse()
    {
        var first = Keccak256.Hash("abc"u8);
        Keccak256.Hash(new byte[1000]);
        Assert.Equal(first, Keccak256.Hash("abc"u8));
    }

    [Fact]
    public void GivesTheSameHashOnManyThreadsAtOnce()
    {
        var expected = Keccak256.Hash(new byte[300]);
        var results = new byte[64][];
        Parallel.For(0, results.Length, i => results[i] = Keccak256.Hash(new byte[300]));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
