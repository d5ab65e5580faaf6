using System.Security.Cryptography;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>
/// RFC 6962 §2.1 written as literally as possible: recursive MTH and PATH, hashing with SHA-256
/// directly so that it shares no code with the implementation under test. Slow, and that is fine;
/// <see cref="AllPaths"/> only remembers subtree hashes so checking every leaf stays affordable.
/// </summary>
internal static class ReferenceMerkle
{
    public static byte[] Mth(IReadOnlyList<byte[]> d) => Mth(d, 0, d.Count, new());

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d) => Path(m, d, 0, d.Count, new());

    /// <summary>PATH(m, D[n]) for every m, sharing MTH results between the paths.</summary>
    public static List<List<byte[]>> AllPaths(IReadOnlyList<byte[]> d)
    {
        var subtreeHashes = new SubtreeHashes();
        var paths = new List<List<byte[]>>(d.Count);
        for (var m = 0; m < d.Count; m++)
        {
            paths.Add(Path(m, d, 0, d.Count, subtreeHashes));
        }
        return paths;
    }

    /// <summary>
    /// For each audit-path element from the leaf upwards, whether that sibling sits to the left.
    /// Two (index, size) pairs with equal routes make a verifier perform identical hashing.
    /// </summary>
    public static List<bool> Route(int m, int n)
    {
        if (n == 1)
        {
            return [];
        }
        var k = Split(n);
        var route = m < k ? Route(m, k) : Route(m - k, n - k);
        route.Add(m >= k);
        return route;
    }

    public static byte[] LeafHash(byte[] data) => SHA256.HashData([0x00, .. data]);

    private static byte[] Mth(IReadOnlyList<byte[]> d, int start, int n, SubtreeHashes known)
    {
        if (known.TryGetValue((start, n), out var hash))
        {
            return hash;
        }
        hash = MthUncached(d, start, n, known);
        known[(start, n)] = hash;
        return hash;
    }

    private static byte[] MthUncached(IReadOnlyList<byte[]> d, int start, int n, SubtreeHashes known)
    {
        if (n == 0)
        {
            return SHA256.HashData([]);
        }
        if (n == 1)
        {
            return LeafHash(d[start]);
        }
        var k = Split(n);
        return NodeHash(Mth(d, start, k, known), Mth(d, start + k, n - k, known));
    }

    private static List<byte[]> Path(int m, IReadOnlyList<byte[]> d, int start, int n, SubtreeHashes known)
    {
        if (n == 1)
        {
            return [];
        }
        var k = Split(n);
        if (m < k)
        {
            var path = Path(m, d, start, k, known);
            path.Add(Mth(d, start + k, n - k, known));
            return path;
        }
        var rightPath = Path(m - k, d, start + k, n - k, known);
        rightPath.Add(Mth(d, start, k, known));
        return rightPath;
    }

    private static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    // The largest power of two strictly smaller than n (n > 1).
    private static int Split(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }
        return k;
    }

    private sealed class SubtreeHashes : Dictionary<(int Start, int Count), byte[]>;
}
