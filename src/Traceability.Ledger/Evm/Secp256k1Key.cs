using Nethereum.Signer;
using Nethereum.Signer.Crypto;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Traceability.Ledger.Evm;

/// <summary>
/// A secp256k1 private key (Nethereum's <see cref="EthECKey"/>) that signs Ethereum digests deterministically
/// (RFC 6979) with low S. Signing follows <see cref="EthECKey.SignRecoverable"/>, a process-wide switch this
/// library leaves off: off, BouncyCastle signs and the recovery id is searched for; on, NBitcoin.Secp256k1
/// signs recoverably, several times faster and to the same bytes, but Nethereum 6.1.0 then hands NBitcoin the
/// private key without its leading zero bytes, which it refuses (README, "Signing").
/// </summary>
public sealed class Secp256k1Key
{
    private readonly EthECKey _key;
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    private Secp256k1Key(EthECKey key)
    {
        _key = key;
        _privateKey = Secp256k1.To32Bytes(key.GetPrivateKeyAsBytes());
        _publicKey = (byte[])key.GetPubKeyNoPrefix().Clone();
        Address = EvmAddress.FromPublicKey(_publicKey);
    }

    public EvmAddress Address { get; }

    /// <summary>A copy of the 32-byte big-endian private scalar.</summary>
    public byte[] PrivateKey => (byte[])_privateKey.Clone();

    /// <summary>A copy of the 64-byte uncompressed public key, X||Y without the 0x04 prefix.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    public static Secp256k1Key Generate() => new(EthECKey.GenerateKey());

    public static Secp256k1Key FromPrivateKey(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != 32)
        {
            throw new ArgumentException($"A private key is 32 bytes, not {key32.Length}.", nameof(key32));
        }

        // EthECKey takes any bytes; a scalar outside [1, n-1] is no key at all.
        var d = new BcBigInteger(1, key32);
        if (d.SignValue == 0 || d.CompareTo(ECKey.CURVE_ORDER) >= 0)
        {
            throw new ArgumentException("A private key must lie in [1, n-1].", nameof(key32));
        }

        return new Secp256k1Key(new EthECKey(key32.ToArray(), isPrivate: true));
    }

    /// <summary>Signs a 32-byte digest: R, S (low) and the recovery id (the parity of the nonce point's Y).</summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> digest32)
    {
        Secp256k1.RequireDigest(digest32);
        EthECDSASignature signature;
        try
        {
            signature = _key.SignAndCalculateYParityV(digest32.ToArray());
        }
        catch (ArgumentException ex) when (EthECKey.SignRecoverable && _privateKey[0] == 0)
        {
            throw new InvalidOperationException(
                $"Nethereum cannot sign for {Address} with EthECKey.SignRecoverable on: its private key starts with a zero byte, which Nethereum drops before NBitcoin needs all 32. Leave SignRecoverable off.", ex);
        }

        var recoveryId = signature.V is { Length: > 0 } v ? v[^1] : 0;
        return new EcdsaSignature(Secp256k1.To32Bytes(signature.R), Secp256k1.To32Bytes(signature.S), recoveryId);
    }

    public EvmSigner AsSigner() => digest => Sign(digest);

    public override string ToString() => $"Secp256k1Key {{ Address = {Address} }}";
}
