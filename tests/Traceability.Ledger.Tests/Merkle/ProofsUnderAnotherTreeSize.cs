using CsCheck;
using Traceability.Ledger.Merkle;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>
/// An RFC 6962 inclusion proof binds the tree size only through the leaf's route (the left/right
/// turns from leaf to root): a size giving the same route replays identical hashing and so
/// verifies; every other size must fail. Consumers must therefore take the tree size from the
/// anchored record, never from the proof alone.
/// </summary>
public class ProofsUnderAnotherTreeSize
{
    [Fact]
    public void Another_tree_size_verifies_exactly_when_the_leaf_route_is_unchanged() =>
        MerkleGen.DistinctLeavesAndIndex.Sample(sample =>
        {
            var (leaves, index) = sample;
            var tree = MerkleTree.Build(leaves);
            var path = tree.AuditPath(index);
            var root = tree.Root;
            var route = ReferenceMerkle.Route(index, leaves.Length);

            for (var size = -1; size <= 2 * leaves.Length + 2; size++)
            {
                var sameRoute = size > index && ReferenceMerkle.Route(index, size).SequenceEqual(route);
                Assert.Equal(sameRoute, MerkleProof.Verify(leaves[index], index, size, path, root));
            }
        });

    [Fact]
    public void First_leaf_of_five_also_verifies_as_size_six_but_the_last_leaf_does_not()
    {
        // Leaf 0 of 5 turns left three times, as it does in a 6-leaf tree; leaf 4 is the root's
        // lone right child in 5 leaves but sits one level lower in 6.
        var leaves = CertificateTransparencyVectors.FirstLeaves(5);
        var tree = MerkleTree.Build(leaves);

        Assert.True(MerkleProof.Verify(leaves[0], 0, 6, tree.AuditPath(0), tree.Root));
        Assert.False(MerkleProof.Verify(leaves[4], 4, 6, tree.AuditPath(4), tree.Root));
    }
}
