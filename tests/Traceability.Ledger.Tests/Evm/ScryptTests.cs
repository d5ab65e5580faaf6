using System.Text;
using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class ScryptRfc7914Vectors
{
    [Theory]
    [InlineData("", "", 16, 1, 1,
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16,
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    public void DerivesThePublishedKey(string password, string salt, int n, int r, int p, string expected) =>
        Assert.Equal(expected, Hex.Encode(Scrypt.Derive(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, 64), prefix: false));
}

public class ScryptAgreesWithBouncyCastle
{
    [Fact]
    public void WhereverBouncyCastleAcceptsTheParameters() =>
        Gen.Select(Gen.Byte.Array[0, 20], Gen.Byte.Array[0, 40], Gen.Int[1, 10], Gen.Int[1, 4], Gen.Int[1, 3])
            .Sample((password, salt, log2N, r, p) =>
                Assert.Equal(
                    Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(password, salt, 1 << log2N, r, p, 48),
                    Scrypt.Derive(password, salt, 1 << log2N, r, p, 48)),
                iter: 25);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public void RefusesAnNThatIsNotAPowerOfTwoAboveOne(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Scrypt.Derive([], [], n, 1, 1, 32));
}
