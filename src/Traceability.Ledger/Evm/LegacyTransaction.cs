using System.Numerics;
using Nethereum.Model;

namespace Traceability.Ledger.Evm;

/// <summary>
/// A pre-EIP-2718 transaction signed with EIP-155 replay protection (Nethereum's <see cref="LegacyTransactionChainId"/>).
/// Kept so the EIP-155 worked example checks encoding, hashing and signing end to end; new code sends
/// <see cref="Eip1559Transaction"/>.
/// </summary>
public sealed record LegacyTransaction(ulong Nonce, BigInteger GasPrice, ulong GasLimit, EvmAddress? To, BigInteger Value, byte[] Data)
{
    public BigInteger GasPrice { get; init => field = TransactionFields.UInt256(value, nameof(GasPrice)); } =
        TransactionFields.UInt256(GasPrice, nameof(GasPrice));

    public BigInteger Value { get; init => field = TransactionFields.UInt256(value, nameof(Value)); } =
        TransactionFields.UInt256(Value, nameof(Value));

    public byte[] Data { get; init => field = value ?? throw new ArgumentNullException(nameof(Data)); } =
        Data ?? throw new ArgumentNullException(nameof(Data));

    /// <summary>rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0]).</summary>
    public byte[] SigningPayload(BigInteger chainId) => ToNethereum(chainId).GetRLPEncodedRaw();

    public byte[] SigningHash(BigInteger chainId) => ToNethereum(chainId).RawHash;

    /// <summary>rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]) with v = recoveryId + 35 + 2 * chainId.</summary>
    public byte[] EncodeSigned(EcdsaSignature signature, BigInteger chainId)
    {
        var transaction = ToNethereum(chainId);
        transaction.SetSignature(TransactionFields.ToNethereum(signature, signature.RecoveryId + 35 + 2 * chainId));
        return transaction.GetRLPEncoded();
    }

    public byte[] Sign(EvmSigner signer, BigInteger chainId)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return EncodeSigned(signer(SigningHash(chainId)), chainId);
    }

    public bool Equals(LegacyTransaction? other) =>
        other is not null
        && Nonce == other.Nonce
        && GasPrice == other.GasPrice
        && GasLimit == other.GasLimit
        && To == other.To
        && Value == other.Value
        && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() =>
        HashCode.Combine(Nonce, GasPrice, GasLimit, To, Value, TransactionFields.BytesHash(Data));

    private LegacyTransactionChainId ToNethereum(BigInteger chainId) => new(
        To?.ToLowerHex() ?? "", Value, Nonce, GasPrice, GasLimit, Hex.Encode(Data), TransactionFields.UInt256(chainId, nameof(chainId)));
}
