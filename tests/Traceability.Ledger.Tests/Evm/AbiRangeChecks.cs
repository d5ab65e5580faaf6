using System.Numerics;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class AbiRangeChecks
{
    public static TheoryData<string, object> OutOfRange => new()
    {
        { "uint8", 256 },
        { "uint8", -1 },
        { "uint32", 1L << 32 },
        { "uint256", BigInteger.One << 256 },
        { "int8", 128 },
        { "int8", -129 },
        { "int256", BigInteger.One << 255 },
        { "bytes32", new byte[31] },
        { "bytes4", new byte[5] },
        { "uint8[2]", new[] { 1, 2, 3 } },
        { "uint8[]", new[] { 1, 300 } },
    };

    public static TheoryData<string, object> WrongClrType => new()
    {
        { "uint256", "12" },
        { "uint256", 1.5 },
        { "bool", 1 },
        { "address", new byte[20] },
        { "address", "0xnot-an-address" },
        { "bytes", "text" },
        { "string", new byte[3] },
        { "uint256[]", "123" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void OutOfRangeValuesThrowArgumentException(string type, object value) =>
        Assert.Throws<ArgumentException>(() => AbiFunction.Parse($"f({type})").Encode(value));

    [Theory]
    [MemberData(nameof(WrongClrType))]
    public void ValuesOfTheWrongClrTypeThrowArgumentException(string type, object value) =>
        Assert.Throws<ArgumentException>(() => AbiFunction.Parse($"f({type})").Encode(value));

    [Fact]
    public void TheWrongNumberOfArgumentsThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => AbiFunction.Parse("f(uint8,bool)").Encode(1));

    [Fact]
    public void BoundaryValuesAreAccepted()
    {
        Assert.NotEmpty(AbiFunction.Parse("f(uint8)").Encode(255));
        Assert.NotEmpty(AbiFunction.Parse("f(int8)").Encode(-128));
        Assert.NotEmpty(AbiFunction.Parse("f(uint256)").Encode((BigInteger.One << 256) - 1));
        Assert.NotEmpty(AbiFunction.Parse("f(int256)").Encode(-(BigInteger.One << 255)));
    }
}
