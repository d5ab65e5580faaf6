using System.Numerics;

namespace Traceability.Ledger.Evm;

/// <summary>
/// A type-2 (EIP-1559) transaction with an empty access list. <see cref="To"/> is null for contract creation.
/// Equality compares <see cref="Data"/> by content.
/// </summary>
public sealed record Eip1559Transaction(
    BigInteger ChainId,
    ulong Nonce,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    ulong GasLimit,
    EvmAddress? To,
    BigInteger Value,
    byte[] Data)
{
    public const byte TypeByte = 0x02;

    private const int UnsignedFieldCount = 9;

    // Checked in both the constructor and init, so `with` cannot build an unencodable transaction.
    public BigInteger ChainId { get; init => field = TransactionFields.UInt256(value, nameof(ChainId)); } =
        TransactionFields.UInt256(ChainId, nameof(ChainId));

    public BigInteger MaxPriorityFeePerGas { get; init => field = TransactionFields.UInt256(value, nameof(MaxPriorityFeePerGas)); } =
        TransactionFields.UInt256(MaxPriorityFeePerGas, nameof(MaxPriorityFeePerGas));

    public BigInteger MaxFeePerGas { get; init => field = TransactionFields.UInt256(value, nameof(MaxFeePerGas)); } =
        TransactionFields.UInt256(MaxFeePerGas, nameof(MaxFeePerGas));

    public BigInteger Value { get; init => field = TransactionFields.UInt256(value, nameof(Value)); } =
        TransactionFields.UInt256(Value, nameof(Value));

    public byte[] Data { get; init => field = value ?? throw new ArgumentNullException(nameof(Data)); } =
        Data ?? throw new ArgumentNullException(nameof(Data));

    /// <summary>0x02 || rlp([chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, value, data, accessList]).</summary>
    public byte[] SigningPayload() => [TypeByte, .. Rlp.Encode(new RlpList(UnsignedFields()))];

    public byte[] SigningHash() => Keccak256.Hash(SigningPayload());

    /// <summary>The raw transaction for eth_sendRawTransaction: 0x02 || rlp([...fields, yParity, r, s]).</summary>
    public byte[] EncodeSigned(EcdsaSignature signature)
    {
        if (signature.RecoveryId > 1)
        {
            throw new ArgumentException("A transaction signature's recovery id must be 0 or 1.", nameof(signature));
        }

        var fields = UnsignedFields();
        fields.Add(RlpItem.FromInteger((ulong)signature.RecoveryId));
        fields.Add(TransactionFields.Scalar(signature.R));
        fields.Add(TransactionFields.Scalar(signature.S));
        return [TypeByte, .. Rlp.Encode(new RlpList(fields))];
    }

    /// <summary>Signs the signing hash and returns the raw signed transaction.</summary>
    public byte[] Sign(EvmSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return EncodeSigned(signer(SigningHash()));
    }

    /// <summary>The transaction hash nodes report: keccak256 of the raw signed bytes.</summary>
    public static byte[] TransactionHash(byte[] signedRaw) => Keccak256.Hash(signedRaw);

    public static (Eip1559Transaction Tx, EcdsaSignature Sig) DecodeSigned(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length == 0 || raw[0] != TypeByte)
        {
            throw new FormatException("Not an EIP-1559 transaction: it must start with 0x02.");
        }

        if (Rlp.Decode(raw.AsSpan(1)) is not RlpList { Items.Count: UnsignedFieldCount + 3 } list)
        {
            throw new FormatException($"An EIP-1559 transaction is a list of {UnsignedFieldCount + 3} fields.");
        }

        if (list.Items[8] is not RlpList { Items.Count: 0 })
        {
            throw new FormatException("Only transactions with an empty access list are supported.");
        }

        var yParity = TransactionFields.Field(list, 9).ToUInt64();
        if (yParity > 1)
        {
            throw new FormatException($"yParity must be 0 or 1, not {yParity}.");
        }

        var tx = new Eip1559Transaction(
            TransactionFields.Field(list, 0).ToBigInteger(),
            TransactionFields.Field(list, 1).ToUInt64(),
            TransactionFields.Field(list, 2).ToBigInteger(),
            TransactionFields.Field(list, 3).ToBigInteger(),
            TransactionFields.Field(list, 4).ToUInt64(),
            TransactionFields.Field(list, 5).ToAddress(),
            TransactionFields.Field(list, 6).ToBigInteger(),
            TransactionFields.Field(list, 7).Bytes);
        var signature = new EcdsaSignature(
            TransactionFields.To32(TransactionFields.Field(list, 10)),
            TransactionFields.To32(TransactionFields.Field(list, 11)),
            (int)yParity);
        return (tx, signature);
    }

    public bool Equals(Eip1559Transaction? other) =>
        other is not null
        && ChainId == other.ChainId
        && Nonce == other.Nonce
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && MaxFeePerGas == other.MaxFeePerGas
        && GasLimit == other.GasLimit
        && To == other.To
        && Value == other.Value
        && TransactionFields.BytesEqual(Data, other.Data);

    public override int GetHashCode() =>
        HashCode.Combine(ChainId, Nonce, MaxPriorityFeePerGas, MaxFeePerGas, GasLimit, To, Value, TransactionFields.BytesHash(Data));

    private List<RlpItem> UnsignedFields() =>
    [
        RlpItem.FromInteger(ChainId),
        RlpItem.FromInteger(Nonce),
        RlpItem.FromInteger(MaxPriorityFeePerGas),
        RlpItem.FromInteger(MaxFeePerGas),
        RlpItem.FromInteger(GasLimit),
        RlpItem.FromAddress(To),
        RlpItem.FromInteger(Value),
        new RlpString(Data),
        new RlpList([]),
    ];
}
