using System.Numerics;
using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class Eip1559SignAndDecode
{
    private static readonly Secp256k1Key Key = Secp256k1Key.FromPrivateKey(Keccak256.Hash("eip-1559 test key"u8));

    private static readonly Gen<BigInteger> Amounts =
        Gen.Byte.Array[0, 32].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true));

    private static readonly Gen<EvmAddress?> Recipients = Gen.Frequency(
        (4, Gen.Byte.Array[20].Select(b => (EvmAddress?)EvmAddress.FromBytes(b))),
        (1, Gen.Const(default(EvmAddress?))));

    private static readonly Gen<Eip1559Transaction> Transactions =
        Gen.Select(Amounts, Gen.ULong, Amounts, Amounts, Gen.ULong, Recipients, Amounts, Gen.Byte.Array[0, 300])
            .Select((chain, nonce, tip, fee, gas, to, value, data) => new Eip1559Transaction(chain, nonce, tip, fee, gas, to, value, data));

    [Fact]
    public void DecodedTransactionsEqualTheOriginalAndRecoverTheSigner() =>
        Transactions.Sample(tx =>
        {
            var (decoded, signature) = Eip1559Transaction.DecodeSigned(tx.Sign(Key.AsSigner()));
            Assert.Equal(tx, decoded);
            Assert.Equal(Key.Address, Secp256k1.Recover(decoded.SigningHash(), signature));
        });

    [Fact]
    public void SigningIsDeterministic() =>
        Transactions.Sample(tx => Assert.Equal(tx.Sign(Key.AsSigner()), (tx with { Data = [.. tx.Data] }).Sign(Key.AsSigner())));

    [Fact]
    public void TransactionHashIsTheKeccakOfTheRawBytes()
    {
        var raw = new Eip1559Transaction(1, 0, 1, 2, 21000, EvmAddress.Zero, 0, []).Sign(Key.AsSigner());
        Assert.Equal(Keccak256.Hash(raw), Eip1559Transaction.TransactionHash(raw));
    }

    [Fact]
    public void ContractCreationEncodesAnEmptyRecipient()
    {
        var payload = new Eip1559Transaction(1, 0, 0, 0, 0, null, 0, []).SigningPayload();
        // 0x02 || rlp([1, 0, 0, 0, 0, "", 0, "", []])
        Assert.Equal("0x02c90180808080808080c0", Hex.Encode(payload));
    }
}

public class Eip1559RejectsMalformedTransactions
{
    private static readonly byte[] Valid = new Eip1559Transaction(1, 0, 1, 2, 21000, EvmAddress.Zero, 0, [])
        .Sign(Secp256k1Key.FromPrivateKey(Keccak256.Hash("k"u8)).AsSigner());

    [Fact]
    public void RejectsAnotherTransactionType() =>
        Assert.Throws<FormatException>(() => Eip1559Transaction.DecodeSigned([0x01, .. Valid[1..]]));

    [Fact]
    public void RejectsTrailingBytes() =>
        Assert.Throws<FormatException>(() => Eip1559Transaction.DecodeSigned([.. Valid, 0x00]));

    [Fact]
    public void RejectsANonEmptyAccessList()
    {
        var fields = ((RlpList)Rlp.Decode(Valid.AsSpan(1))).Items.ToArray();
        fields[8] = RlpItem.List(RlpItem.List(RlpItem.FromAddress(EvmAddress.Zero), RlpItem.List()));
        Assert.Throws<FormatException>(() => Eip1559Transaction.DecodeSigned([0x02, .. Rlp.Encode(new RlpList(fields))]));
    }

    [Fact]
    public void RefusesNegativeAmounts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction(1, 0, 0, 0, 0, null, -1, []));

    [Fact]
    public void RefusesNegativeAmountsSetThroughWith() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction(1, 0, 0, 0, 0, null, 0, []) with { MaxFeePerGas = -5 });

    [Fact]
    public void RefusesRecoveryIdsAboveOne() =>
        Assert.Throws<ArgumentException>(() =>
            new Eip1559Transaction(1, 0, 0, 0, 0, null, 0, []).EncodeSigned(new EcdsaSignature(new byte[32], new byte[32], 2)));
}
