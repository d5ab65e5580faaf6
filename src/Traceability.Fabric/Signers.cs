using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace Traceability.Fabric;

/// <summary>Signs a message digest (SHA-256) for the identity; returns an ASN.1 DER ECDSA signature.</summary>
public delegate byte[] Signer(byte[] digest);

/// <summary>Signers as Fabric's MSPs accept them: ECDSA over P-256 with a low S value.</summary>
public static class Signers
{
    // Order of the P-256 group; Fabric rejects signatures whose S is above half of it (malleability).
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger HalfOrder = CurveOrder >> 1;

    /// <summary>A signer using <paramref name="privateKey"/> (P-256), which the caller keeps alive.</summary>
    public static Signer NewPrivateKeySigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.KeySize != 256) throw new ArgumentException("Fabric identities use ECDSA P-256 keys", nameof(privateKey));
        return digest => Sign(privateKey, digest);
    }

    /// <summary>A signer from a PEM private key file (PKCS#8 or SEC1), e.g. an MSP folder's keystore/priv_sk.</summary>
    public static Signer FromPrivateKeyFile(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return NewPrivateKeySigner(key);
    }

    internal static byte[] Sign(ECDsa key, byte[] digest)
    {
        var fixedSize = key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var r = new BigInteger(fixedSize.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(fixedSize.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        if (s > HalfOrder) s = CurveOrder - s;
        var der = new AsnWriter(AsnEncodingRules.DER);
        using (der.PushSequence())
        {
            der.WriteInteger(r);
            der.WriteInteger(s);
        }
        return der.Encode();
    }

    /// <summary>True when <paramref name="signature"/> is DER with S in the lower half of the group order.</summary>
    public static bool IsLowS(byte[] signature)
    {
        var reader = new AsnReader(signature, AsnEncodingRules.DER).ReadSequence();
        reader.ReadInteger();
        var s = reader.ReadInteger();
        return s.Sign > 0 && s <= HalfOrder;
    }
}
