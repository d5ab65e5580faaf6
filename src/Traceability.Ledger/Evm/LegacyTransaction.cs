using System.Numerics;

namespace Traceability.Ledger.Evm;

/// <summary>
/// A pre-EIP-2718 transaction signed with EIP-155 replay protection. Kept so the EIP-155 worked example
/// can check our RLP, hashing and signing end to end; new code should send <see cref="Eip1559Transaction"/>.
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
    public byte[] SigningPayload(BigInteger chainId)
    {
        var fields = Fields();
        fields.Add(RlpItem.FromInteger(TransactionFields.UInt256(chainId, nameof(chainId))));
        fields.Add(RlpItem.FromInteger(0UL));
        fields.Add(RlpItem.FromInteger(0UL));
        return Rlp.Encode(new RlpList(fields));
    }

    public byte[] SigningHash(BigInteger chainId) => Keccak256.Hash(SigningPayload(chainId));

    /// <summary>rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]) with v = recoveryId + 35 + 2 * chainId.</summary>
    public byte[] EncodeSigned(EcdsaSignature signature, BigInteger chainId)
    {
        if (signature.RecoveryId > 1)
        {
            throw new ArgumentException("A transaction signature's recovery id must be 0 or 1.", nameof(signature));
        }

        var fields = Fields();
        fields.Add(RlpItem.FromInteger(signature.RecoveryId + 35 + 2 * TransactionFields.UInt256(chainId, nameof(chainId))));
        fields.Add(TransactionFields.Scalar(signature.R));
        fields.Add(TransactionFields.Scalar(signature.S));
        return Rlp.Encode(new RlpList(fields));
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
        && TransactionFields.BytesEqual(Data, other.Data);

    public override int GetHashCode() =>
        HashCode.Combine(Nonce, GasPrice, GasLimit, To, Value, TransactionFields.BytesHash(Data));

    private List<RlpItem> Fields() =>
    [
        RlpItem.FromInteger(Nonce),
        RlpItem.FromInteger(GasPrice),
        RlpItem.FromInteger(GasLimit),
        RlpItem.FromAddress(To),
        RlpItem.FromInteger(Value),
        new RlpString(Data),
    ];
}
