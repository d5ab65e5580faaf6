namespace Traceability.Ledger.Evm;

/// <summary>Signs a 32-byte digest; the shape gateways take so keys can live in an HSM or a keystore.</summary>
public delegate EcdsaSignature EvmSigner(byte[] digest32);

/// <summary>
/// A secp256k1 signature: R and S as 32-byte big-endian integers, and the recovery id
/// (0 or 1: the parity of the nonce point's Y; 2 and 3 only when its X exceeded the group order).
/// Equality compares the bytes of R and S, not the array references.
/// </summary>
public readonly record struct EcdsaSignature(byte[] R, byte[] S, int RecoveryId)
{
    // Checked in both the constructor and init, so `with` cannot build an invalid signature.
    public byte[] R { get; init => field = Require32(value, nameof(R)); } = Require32(R, nameof(R));

    public byte[] S { get; init => field = Require32(value, nameof(S)); } = Require32(S, nameof(S));

    public int RecoveryId { get; init => field = RequireRecoveryId(value); } = RequireRecoveryId(RecoveryId);

    public bool Equals(EcdsaSignature other) =>
        RecoveryId == other.RecoveryId && R.AsSpan().SequenceEqual(other.R) && S.AsSpan().SequenceEqual(other.S);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(R);
        hash.AddBytes(S);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    public override string ToString() => $"EcdsaSignature {{ R = {Hex.Encode(R ?? [])}, S = {Hex.Encode(S ?? [])}, RecoveryId = {RecoveryId} }}";

    private static int RequireRecoveryId(int value) => value is >= 0 and <= 3
        ? value
        : throw new ArgumentOutOfRangeException(nameof(RecoveryId), value, "A recovery id is 0..3.");

    private static byte[] Require32(byte[] value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Length == 32 ? value : throw new ArgumentException($"{name} must be 32 bytes, not {value.Length}.", name);
    }
}
