namespace Traceability.Ledger.Evm;

/// <summary>scrypt cost parameters for keystore files: N (CPU/memory, a power of two), r (block size), p (parallelism).</summary>
public sealed record ScryptParameters
{
    public ScryptParameters(int n, int r, int p)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "N must be a power of two greater than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(r, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        N = n;
        R = r;
        P = p;
    }

    /// <summary>geth's default: strong, about a second and 256 MiB per derivation.</summary>
    public static ScryptParameters Standard { get; } = new(262144, 8, 1);

    /// <summary>geth's --lightkdf: fast enough for services and tests.</summary>
    public static ScryptParameters Light { get; } = new(4096, 8, 6);

    public int N { get; }

    public int R { get; }

    public int P { get; }
}
