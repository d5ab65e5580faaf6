using Traceability.Ledger.Merkle;
using static Traceability.Ledger.Tests.Merkle.CertificateTransparencyVectors;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>The published Certificate Transparency roots and inclusion proofs are reproduced exactly.</summary>
public class KnownAnswerTrees
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Root_of_each_prefix_matches_the_published_root(int size)
    {
        var tree = MerkleTree.Build(FirstLeaves(size));

        Assert.Equal(size, tree.Size);
        Assert.Equal(PrefixRoots[size], ToHex(tree.Root));
    }

    [Theory]
    [MemberData(nameof(InclusionProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void Audit_path_matches_the_published_inclusion_proof(int leafIndex, int treeSize, string[] expectedPath)
    {
        var path = MerkleTree.Build(FirstLeaves(treeSize)).AuditPath(leafIndex);

        Assert.Equal(expectedPath, path.Select(element => ToHex(element)));
    }

    [Theory]
    [MemberData(nameof(InclusionProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void Published_inclusion_proof_verifies_against_the_published_root(
        int leafIndex, int treeSize, string[] publishedPath)
    {
        var path = publishedPath.Select(Hex).ToList();
        var root = Hex(PrefixRoots[treeSize]);
        var leaf = Leaves[leafIndex];

        Assert.True(MerkleProof.Verify(leaf, leafIndex, treeSize, path, root));
        Assert.Equal(root, MerkleProof.RootFromPath(MerkleHash.Leaf(leaf), leafIndex, treeSize, path));
    }
}
