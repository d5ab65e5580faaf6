using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class AbiRoundTrip
{
    public static TheoryData<string> TypeNames => AbiGenerators.TypeNames;

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void DecodesWhatItEncodesForEachType(string type)
    {
        var function = AbiFunction.Parse($"f({type})", type);
        AbiGenerators.ByType[type].Sample(value =>
        {
            AbiAssert.Equivalent(new[] { value }, function.DecodeInput(function.Encode(value)));
            AbiAssert.Equivalent(new[] { value }, function.DecodeOutput(function.EncodeOutput(value)));
        });
    }

    [Fact]
    public void DecodesWhatItEncodesForMixedArgumentLists() =>
        AbiGenerators.Tuples.Sample(sample =>
        {
            var function = AbiFunction.Parse($"f({string.Join(",", sample.Types)})");
            AbiAssert.Equivalent(sample.Values, function.DecodeInput(function.Encode(sample.Values)));
        });

    [Fact]
    public void EncodesEveryValueAsWholeWords() =>
        AbiGenerators.Tuples.Sample(sample =>
        {
            var function = AbiFunction.Parse($"f({string.Join(",", sample.Types)})");
            Assert.Equal(0, (function.Encode(sample.Values).Length - 4) % 32);
        });
}

public class AbiAcceptsCommonClrShapes
{
    [Fact]
    public void TakesAnyIntegerTypeForUint()
    {
        var f = AbiFunction.Parse("f(uint64)");
        var expected = f.Encode(new System.Numerics.BigInteger(7));
        Assert.All(new object[] { 7, 7L, 7U, 7UL, (byte)7, (short)7, (ushort)7, (sbyte)7 }, v => Assert.Equal(expected, f.Encode(v)));
    }

    [Fact]
    public void TakesAJaggedByteArrayForBytes32Array()
    {
        var f = AbiFunction.Parse("f(bytes32[])");
        var hashes = new[] { new byte[32], Enumerable.Repeat((byte)0xab, 32).ToArray() };
        AbiAssert.Equivalent(new object[] { hashes }, f.DecodeInput(f.Encode(new object[] { hashes })));
    }

    [Fact]
    public void TakesAnAddressAsAString()
    {
        var f = AbiFunction.Parse("f(address)");
        var address = EvmAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        Assert.Equal(f.Encode(address), f.Encode("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    [Fact]
    public void EncodesNegativeIntegersAsTwosComplement()
    {
        var f = AbiFunction.Parse("f(int256)");
        Assert.Equal(AbiAssert.Words(new string('f', 64)), f.Encode(-1)[4..]);
    }
}
