using System.Numerics;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>The example in EIP-155: one ether from the 0x46..46 key to 0x35..35 on chain 1.</summary>
public class Eip155WorkedExample
{
    private static readonly Secp256k1Key Key = Secp256k1Key.FromPrivateKey(Enumerable.Repeat((byte)0x46, 32).ToArray());

    private static readonly LegacyTransaction Transaction = new(
        Nonce: 9,
        GasPrice: 20_000_000_000,
        GasLimit: 21000,
        To: EvmAddress.FromBytes(Enumerable.Repeat((byte)0x35, 20).ToArray()),
        Value: BigInteger.Pow(10, 18),
        Data: []);

    [Fact]
    public void ProducesThePublishedSigningData() =>
        Assert.Equal(
            "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(Transaction.SigningPayload(1), prefix: false));

    [Fact]
    public void ProducesThePublishedSigningHash() =>
        Assert.Equal(
            "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
            Hex.Encode(Transaction.SigningHash(1), prefix: false));

    [Fact]
    public void SignsToThePublishedBytes() =>
        Assert.Equal(
            "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            Hex.Encode(Transaction.Sign(Key.AsSigner(), 1), prefix: false));

    [Fact]
    public void SignatureRecoversTheSender() =>
        Assert.Equal(Key.Address, Secp256k1.Recover(Transaction.SigningHash(1), Key.Sign(Transaction.SigningHash(1))));
}
