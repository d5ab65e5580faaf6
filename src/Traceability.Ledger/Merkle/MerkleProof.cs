namespace Traceability.Ledger.Merkle;

/// <summary>RFC 9162 §2.1.3.2 inclusion-proof verification for RFC 6962 trees.</summary>
public static class MerkleProof
{
    private enum Outcome
    {
        Computed,
        IndexOutOfRange,
        MalformedHash,
        PathTooLong,
        PathTooShort,
    }

    /// <summary>
    /// True when <paramref name="leafData"/> (raw leaf bytes, hashed here with the 0x00 prefix)
    /// sits at <paramref name="leafIndex"/> of the <paramref name="treeSize"/>-leaf tree whose root is
    /// <paramref name="expectedRoot"/>. Malformed proofs yield false rather than an exception.
    /// </summary>
    public static bool Verify(
        ReadOnlySpan<byte> leafData,
        int leafIndex,
        int treeSize,
        IReadOnlyList<byte[]> auditPath,
        ReadOnlySpan<byte> expectedRoot)
    {
        ArgumentNullException.ThrowIfNull(auditPath);
        if (expectedRoot.Length != MerkleHash.Size)
        {
            return false;
        }

        Span<byte> leafHash = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(leafData, leafHash);
        Span<byte> root = stackalloc byte[MerkleHash.Size];
        return Compute(leafHash, leafIndex, treeSize, auditPath, root) == Outcome.Computed
            && root.SequenceEqual(expectedRoot);
    }

    /// <summary>
    /// The root implied by a leaf hash (already 0x00-prefixed and hashed) and its audit path.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or not below the tree size.</exception>
    /// <exception cref="ArgumentException">
    /// A hash is not 32 bytes, or the path is longer or shorter than the tree shape requires.
    /// </exception>
    public static byte[] RootFromPath(
        ReadOnlySpan<byte> leafHash,
        int leafIndex,
        int treeSize,
        IReadOnlyList<byte[]> auditPath)
    {
        ArgumentNullException.ThrowIfNull(auditPath);
        var root = new byte[MerkleHash.Size];
        return Compute(leafHash, leafIndex, treeSize, auditPath, root) switch
        {
            Outcome.Computed => root,
            Outcome.IndexOutOfRange => throw new ArgumentOutOfRangeException(
                nameof(leafIndex), leafIndex, $"Leaf index must be in [0, {treeSize}) for tree size {treeSize}."),
            Outcome.MalformedHash => throw new ArgumentException(
                $"The leaf hash and every path element must be {MerkleHash.Size} bytes.", nameof(auditPath)),
            Outcome.PathTooLong => throw new ArgumentException(
                $"The audit path has more elements than leaf {leafIndex} of a {treeSize}-leaf tree needs.", nameof(auditPath)),
            _ => throw new ArgumentException(
                $"The audit path has fewer elements than leaf {leafIndex} of a {treeSize}-leaf tree needs.", nameof(auditPath)),
        };
    }

    // RFC 9162 §2.1.3.2: fn walks the leaf's position upwards, sn the last position at each height.
    private static Outcome Compute(
        ReadOnlySpan<byte> leafHash,
        int leafIndex,
        int treeSize,
        IReadOnlyList<byte[]> auditPath,
        Span<byte> root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return Outcome.IndexOutOfRange;
        }
        if (leafHash.Length != MerkleHash.Size)
        {
            return Outcome.MalformedHash;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        leafHash.CopyTo(root);
        for (var i = 0; i < auditPath.Count; i++)
        {
            if (sn == 0)
            {
                return Outcome.PathTooLong;
            }
            if (auditPath[i] is not { Length: MerkleHash.Size } sibling)
            {
                return Outcome.MalformedHash;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(sibling, root, root);
                // A last node with no right sibling rises unchanged until it becomes a right child.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(root, sibling, root);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Outcome.Computed : Outcome.PathTooShort;
    }
}
