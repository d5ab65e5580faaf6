using System.Numerics;
using Traceability.Ledger.Evm;
using static Traceability.Ledger.Tests.Evm.AbiAssert;

namespace Traceability.Ledger.Tests.Evm;

public class AbiErrorDecoding
{
    [Fact]
    public void DecodesTheRevertReasonFromTheSolidityDocs()
    {
        var revert = Words(
            "08c379a0",
            "0000000000000000000000000000000000000000000000000000000000000020",
            "000000000000000000000000000000000000000000000000000000000000001a",
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");
        Assert.True(AbiError.Error.Matches(revert));
        Equivalent(new object[] { "Not enough Ether provided." }, AbiError.Error.Decode(revert));
    }

    [Fact]
    public void DecodesAnArithmeticOverflowPanic()
    {
        var revert = Words("4e487b71", "0000000000000000000000000000000000000000000000000000000000000011");
        Equivalent(new object[] { new BigInteger(0x11) }, AbiError.Panic.Decode(revert));
    }

    [Fact]
    public void RoundTripsACustomError()
    {
        // AlreadyAnchored(bytes32 root, address org) from TraceRegistry.sol.
        var error = AbiError.Parse("AlreadyAnchored(bytes32,address)");
        var root = Enumerable.Repeat((byte)0x5a, 32).ToArray();
        var org = EvmAddress.Parse("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");
        Assert.Equal("AlreadyAnchored", error.Name);
        Equivalent(new object[] { root, org }, error.Decode(error.Encode(root, org)));
    }

    [Fact]
    public void DecodesAnErrorWithoutArguments()
    {
        var error = AbiError.Parse("ZeroAddress()");
        Assert.Empty(error.Decode(error.Selector));
    }

    [Fact]
    public void RejectsRevertDataOfAnotherError()
    {
        var notAdmin = AbiError.Parse("NotAdmin(address)");
        var notRegistered = AbiError.Parse("NotRegistered(address)");
        Assert.Throws<FormatException>(() => notAdmin.Decode(notRegistered.Encode(EvmAddress.Zero)));
        Assert.Throws<FormatException>(() => notAdmin.Decode([0x01, 0x02]));
    }

    [Fact]
    public void RejectsTruncatedArguments()
    {
        var notAdmin = AbiError.Parse("NotAdmin(address)");
        Assert.Throws<FormatException>(() => notAdmin.Decode(notAdmin.Encode(EvmAddress.Zero)[..20]));
    }
}
