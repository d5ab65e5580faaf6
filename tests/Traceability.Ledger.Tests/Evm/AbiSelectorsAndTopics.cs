using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class AbiSelectorsAndTopics
{
    [Theory]
    [InlineData("transfer(address,uint256)", "a9059cbb")]
    [InlineData("balanceOf(address)", "70a08231")]
    [InlineData("baz(uint32,bool)", "cdcd77c0")]
    [InlineData("sam(bytes,bool,uint256[])", "a5643bf2")]
    public void FunctionSelectorsMatchTheWellKnownValues(string signature, string selector) =>
        Assert.Equal(selector, Hex.Encode(AbiFunction.Parse(signature).Selector, prefix: false));

    [Fact]
    public void TransferEventTopicMatchesTheErc20Value() =>
        Assert.Equal(
            "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
            Hex.Encode(AbiEvent.Parse("Transfer(address indexed,address indexed,uint256)").Topic0, prefix: false));

    [Fact]
    public void StandardErrorSelectorsMatchTheCompiler()
    {
        Assert.Equal("08c379a0", Hex.Encode(AbiError.Error.Selector, prefix: false));
        Assert.Equal("4e487b71", Hex.Encode(AbiError.Panic.Selector, prefix: false));
    }

    [Theory]
    [InlineData("transfer(address to, uint amount)", "transfer(address,uint256)")]
    [InlineData(" anchors ( bytes32 ) ", "anchors(bytes32)")]
    [InlineData("f(int,uint8[2][],string memory s)", "f(int256,uint8[2][],string)")]
    [InlineData("noArgs()", "noArgs()")]
    public void SignaturesAreCanonicalised(string written, string canonical) =>
        Assert.Equal(canonical, AbiFunction.Parse(written).Signature);

    [Fact]
    public void EventSignaturesDropIndexedAndNames()
    {
        var ev = AbiEvent.Parse("Anchored(bytes32 indexed batchId, address indexed org, uint32 count)");
        Assert.Equal("Anchored(bytes32,address,uint32)", ev.Signature);
        Assert.Equal([true, true, false], ev.Indexed);
    }

    [Theory]
    [InlineData("f(uint7)")]
    [InlineData("f(uint264)")]
    [InlineData("f(uint08)")]
    [InlineData("f(bytes33)")]
    [InlineData("f(bytes0)")]
    [InlineData("f((uint256,bool))")]
    [InlineData("f(uint256[0])")]
    [InlineData("f(fixed128x18)")]
    [InlineData("f(uint256,)")]
    [InlineData("f(uint256")]
    [InlineData("1f(uint256)")]
    [InlineData("f(uint256 indexed)")]
    [InlineData("f(uint8[4096][4096][4096])")]
    public void UnsupportedOrMalformedSignaturesAreRejected(string signature) =>
        Assert.Throws<FormatException>(() => AbiFunction.Parse(signature));

    [Fact]
    public void EventsWithMoreThanThreeIndexedParametersAreRejected() =>
        Assert.Throws<FormatException>(() => AbiEvent.Parse("E(uint8 indexed,uint8 indexed,uint8 indexed,uint8 indexed)"));
}
