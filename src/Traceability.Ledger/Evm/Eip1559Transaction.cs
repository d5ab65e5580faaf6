using System.Numerics;
using Nethereum.Model;

namespace Traceability.Ledger.Evm;

/// <summary>
/// A type-2 (EIP-1559) transaction with an empty access list; Nethereum's <see cref="Transaction1559"/> encodes,
/// hashes and decodes it. <see cref="To"/> is null for contract creation. Equality compares <see cref="Data"/> by content.
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

    private const int SignedFieldCount = 12;

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
    public byte[] SigningPayload() => ToNethereum().GetRLPEncodedRaw();

    public byte[] SigningHash() => ToNethereum().RawHash;

    /// <summary>The raw transaction for eth_sendRawTransaction: 0x02 || rlp([...fields, yParity, r, s]).</summary>
    public byte[] EncodeSigned(EcdsaSignature signature)
    {
        var transaction = ToNethereum();
        transaction.SetSignature(TransactionFields.ToNethereum(signature, yParityOrV: signature.RecoveryId));
        return transaction.GetRLPEncoded();
    }

    /// <summary>Signs the signing hash and returns the raw signed transaction.</summary>
    public byte[] Sign(EvmSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return EncodeSigned(signer(SigningHash()));
    }

    /// <summary>The transaction hash nodes report: keccak256 of the raw signed bytes.</summary>
    public static byte[] TransactionHash(byte[] signedRaw) => Keccak256.Hash(signedRaw);

    /// <summary>
    /// Reads a signed type-2 transaction. Nethereum's decoder accepts what it is given, so the bytes are first
    /// checked to be one canonical RLP list of twelve fields, with canonical integers and no access list.
    /// </summary>
    public static (Eip1559Transaction Tx, EcdsaSignature Sig) DecodeSigned(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length == 0 || raw[0] != TypeByte)
        {
            throw new FormatException("Not an EIP-1559 transaction: it must start with 0x02.");
        }

        if (Rlp.Decode(raw.AsSpan(1)) is not RlpList { Items.Count: SignedFieldCount } list)
        {
            throw new FormatException($"An EIP-1559 transaction is a list of {SignedFieldCount} fields.");
        }

        if (list.Items[8] is not RlpList { Items.Count: 0 })
        {
            throw new FormatException("Only transactions with an empty access list are supported.");
        }

        TransactionFields.RequireCanonical(list, integers: [0, 1, 2, 3, 4, 6, 9, 10, 11], address: 5);
        Transaction1559 decoded;
        try
        {
            decoded = Transaction1559Encoder.Current.Decode(raw);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"Nethereum could not decode the transaction: {ex.Message}", ex);
        }

        var tx = new Eip1559Transaction(
            decoded.ChainId,
            TransactionFields.UInt64(decoded.Nonce, "nonce"),
            decoded.MaxPriorityFeePerGas ?? 0,
            decoded.MaxFeePerGas ?? 0,
            TransactionFields.UInt64(decoded.GasLimit, "gas limit"),
            TransactionFields.Address(decoded.ReceiverAddress),
            decoded.Amount ?? 0,
            TransactionFields.Bytes(decoded.Data));
        return (tx, TransactionFields.FromNethereum(decoded.Signature, maxRecoveryId: 1));
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
        && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() =>
        HashCode.Combine(ChainId, Nonce, MaxPriorityFeePerGas, MaxFeePerGas, GasLimit, To, Value, TransactionFields.BytesHash(Data));

    private Transaction1559 ToNethereum() => new(
        ChainId, Nonce, MaxPriorityFeePerGas, MaxFeePerGas, GasLimit, To?.ToLowerHex() ?? "", Value, Hex.Encode(Data), []);
}
