using System.Numerics;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>
/// Signed type-2 transactions from ethereumjs's tx test vectors (packages/tx/test/json/eip1559.json):
/// chain 7822, empty data and access list, all from one key. ethereumjs signs with RFC 6979 and low S,
/// so our signer must reproduce every byte.
/// </summary>
public class Eip1559KnownAnswers
{
    private static readonly Secp256k1Key Key =
        Secp256k1Key.FromPrivateKey(Hex.Decode("8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63"));

    private static readonly EvmAddress To = EvmAddress.Parse("0x000000000000000000000000000000000000aaaa");

    public static TheoryData<ulong, long, ulong, long, long, string> Vectors => new()
    {
        {
            819, 43203529, 35552, 75853, 121212,
            "02f870821e8e8203338301284d8301d97c828ae094000000000000000000000000000000000000aaaa8402933bc980c080a0d067f2167008c59219652f91cbf8788dbca5f771f6e91e2b7657e85b78b472e0a01d305af9fe81fdba43f0dfcd400ed24dcace0a7e30d4e85701dcaaf484cd079e"
        },
        {
            353, 61901619, 32593, 38850, 136295,
            "02f86f821e8e8201618297c283021467827f5194000000000000000000000000000000000000aaaa8403b08b3380c001a004205678f13fc1d7b10feea6513dfa76e24418b6e08097d95c6f93a3b64e536da01d45ad61bfece43862de2cce7d2575a8c1d08c26c87f3cb5f26d7b0be54a91b2"
        },
        {
            119, 65456115, 62341, 24721, 107729,
            "02f86d821e8e778260918301a4d182f38594000000000000000000000000000000000000aaaa8403e6c7f380c001a0e38e239770801eb995498c821e55ac9c19ae09184bb27b34be105e02fe3b7615a067c64ca6bd6d9107e85fd581ab2e70a14b637eb36505bb40861ef9d6e800cab6"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void SignsToThePublishedBytes(ulong nonce, long value, ulong gasLimit, long maxPriorityFee, long maxFee, string signed)
    {
        var tx = new Eip1559Transaction(7822, nonce, maxPriorityFee, maxFee, gasLimit, To, value, []);
        Assert.Equal(signed, Hex.Encode(tx.Sign(Key.AsSigner()), prefix: false));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DecodesThePublishedBytes(ulong nonce, long value, ulong gasLimit, long maxPriorityFee, long maxFee, string signed)
    {
        var (tx, signature) = Eip1559Transaction.DecodeSigned(Hex.Decode(signed));
        Assert.Equal(new Eip1559Transaction(7822, nonce, maxPriorityFee, maxFee, gasLimit, To, value, []), tx);
        Assert.Equal(Key.Address, Secp256k1.Recover(tx.SigningHash(), signature));
    }
}
