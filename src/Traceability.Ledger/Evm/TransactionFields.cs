using System.Numerics;
using Nethereum.Model;
using Nethereum.RLP;

namespace Traceability.Ledger.Evm;

/// <summary>What the transaction types share: range checks, and the conversions to and from Nethereum's model.</summary>
internal static class TransactionFields
{
    private static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    public static BigInteger UInt256(BigInteger value, string name) =>
        value.Sign >= 0 && value <= Max256 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 2^256).");

    /// <summary>Nethereum's signature: R and S without leading zeros, and V (yParity for typed transactions).</summary>
    public static Signature ToNethereum(EcdsaSignature signature, BigInteger yParityOrV)
    {
        if (signature.RecoveryId > 1)
        {
            throw new ArgumentException("A transaction signature's recovery id must be 0 or 1.", nameof(signature));
        }

        return new Signature(signature.R.TrimZeroBytes(), signature.S.TrimZeroBytes(), yParityOrV.ToBytesForRLPEncoding());
    }

    public static EcdsaSignature FromNethereum(ISignature? signature, int maxRecoveryId)
    {
        if (signature?.R is null || signature.S is null)
        {
            throw new FormatException("The transaction is not signed.");
        }

        var v = (signature.V ?? []).ToBigIntegerFromRLPDecoded();
        if (v > maxRecoveryId)
        {
            throw new FormatException($"yParity must be 0 or 1, not {v}.");
        }

        return new EcdsaSignature(To32(signature.R), To32(signature.S), (int)v);
    }

    /// <summary>
    /// Nethereum reads integers and addresses as it finds them; a signed transaction carries each in exactly one form:
    /// integers of at most 32 bytes without leading zeros, the recipient empty or 20 bytes.
    /// </summary>
    public static void RequireCanonical(RlpList fields, int[] integers, int address)
    {
        foreach (var index in integers)
        {
            var field = Field(fields, index);
            _ = field.ToBigInteger(); // rejects leading zero bytes
            if (field.Bytes.Length > 32)
            {
                throw new FormatException($"Transaction field {index} is longer than 32 bytes.");
            }
        }

        _ = Field(fields, address).ToAddress();
    }

    public static ulong UInt64(BigInteger? value, string name) =>
        value is { } v && v <= ulong.MaxValue ? (ulong)v : throw new FormatException($"The {name} does not fit 64 bits.");

    public static EvmAddress? Address(string? hex) => string.IsNullOrEmpty(hex) ? null : EvmAddress.FromBytes(Hex.Decode(hex));

    public static byte[] Bytes(string? hex) => string.IsNullOrEmpty(hex) ? [] : Hex.Decode(hex);

    public static int BytesHash(byte[] bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private static byte[] To32(byte[] scalar) =>
        scalar.Length <= 32 ? Secp256k1.To32Bytes(scalar) : throw new FormatException("Signature scalar is longer than 32 bytes.");

    private static RlpString Field(RlpList list, int index) =>
        list.Items[index] as RlpString ?? throw new FormatException($"Transaction field {index} must be a string, not a list.");
}
