using System.Numerics;
using CsCheck;
using Nethereum.Signer;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>Tests that flip Nethereum's process-wide EthECKey.SignRecoverable run alone, after every other test.</summary>
[CollectionDefinition(nameof(ProcessWideSigningSwitch), DisableParallelization = true)]
public sealed class ProcessWideSigningSwitch;

/// <summary>
/// A host may turn on EthECKey.SignRecoverable (NBitcoin.Secp256k1 signs, several times faster); our keys,
/// transactions and recovery must then behave the same, except where Nethereum 6.1.0 cannot sign at all.
/// </summary>
[Collection(nameof(ProcessWideSigningSwitch))]
public class SigningWithSignRecoverable
{
    // Keys whose first byte is zero are the exception, below.
    private static readonly Gen<Secp256k1Key> Keys =
        Gen.Byte.Array[32].Where(b => b[0] is > 0 and < 0xff).Select(b => Secp256k1Key.FromPrivateKey(b));

    [Fact]
    public void SignsTheSameBytesAsTheDefaultSigner() =>
        Gen.Select(Keys, Gen.Byte.Array[32]).Sample((key, digest) =>
        {
            var byDefault = key.Sign(digest);
            var recoverable = WithSignRecoverable(() => key.Sign(digest));
            Assert.Equal(byDefault, recoverable);
            Assert.Equal(key.Address, WithSignRecoverable(() => Secp256k1.Recover(digest, recoverable)));
        });

    [Fact]
    public void StillSignsTheEip155ExampleToThePublishedBytes()
    {
        var key = Secp256k1Key.FromPrivateKey(Enumerable.Repeat((byte)0x46, 32).ToArray());
        var tx = new LegacyTransaction(9, 20_000_000_000, 21000, EvmAddress.FromBytes(Enumerable.Repeat((byte)0x35, 20).ToArray()), BigInteger.Pow(10, 18), []);
        Assert.Equal(
            "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            WithSignRecoverable(() => Hex.Encode(tx.Sign(key.AsSigner(), 1), prefix: false)));
    }

    [Fact]
    public void CannotSignWithAKeyWhoseFirstByteIsZeroAndSaysWhy()
    {
        // Nethereum passes NBitcoin the scalar without leading zeros; NBitcoin wants exactly 32 bytes.
        var key = Secp256k1Key.FromPrivateKey([0x00, .. Keccak256.Hash("leading zero"u8)[1..]]);
        var digest = Keccak256.Hash("anchor"u8);
        var ex = WithSignRecoverable(() => Assert.Throws<InvalidOperationException>(() => key.Sign(digest)));
        Assert.Contains("SignRecoverable", ex.Message);
        Assert.Equal(key.Address, Secp256k1.Recover(digest, key.Sign(digest)));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000005", 0)] // X = 5 is not on the curve
    [InlineData("0000000000000000000000000000000000000000000000000000000000000005", 1)]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", 3)] // X = r + n is beyond the field
    public void RecoveryStillRefusesInvalidSignaturesWithArgumentException(string r, int recoveryId)
    {
        var signature = new EcdsaSignature(Hex.Decode(r), Hex.Decode("0000000000000000000000000000000000000000000000000000000000000001"), recoveryId);
        WithSignRecoverable(() => Assert.Throws<ArgumentException>(() => Secp256k1.Recover(new byte[32], signature)));
        Assert.Throws<ArgumentException>(() => Secp256k1.Recover(new byte[32], signature));
    }

    private static T WithSignRecoverable<T>(Func<T> action)
    {
        EthECKey.SignRecoverable = true;
        try
        {
            return action();
        }
        finally
        {
            EthECKey.SignRecoverable = false;
        }
    }
}
