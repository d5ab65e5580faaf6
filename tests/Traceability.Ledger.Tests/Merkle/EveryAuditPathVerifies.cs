using CsCheck;
using Traceability.Ledger.Merkle;

namespace Traceability.Ledger.Tests.Merkle;

public class EveryAuditPathVerifies
{
    [Fact]
    public void Each_leaf_verifies_against_the_root_with_its_own_audit_path() =>
        MerkleGen.Leaves.Sample(leaves =>
        {
            var tree = MerkleTree.Build(leaves);
            var root = tree.Root;
            for (var m = 0; m < leaves.Length; m++)
            {
                Assert.True(MerkleProof.Verify(leaves[m], m, leaves.Length, tree.AuditPath(m), root));
            }
        });

    [Fact]
    public void Root_from_each_leaf_hash_and_audit_path_is_the_tree_root() =>
        MerkleGen.Leaves.Sample(leaves =>
        {
            var tree = MerkleTree.Build(leaves);
            var root = tree.Root;
            for (var m = 0; m < leaves.Length; m++)
            {
                var leafHash = ReferenceMerkle.LeafHash(leaves[m]);
                Assert.Equal(root, MerkleProof.RootFromPath(leafHash, m, leaves.Length, tree.AuditPath(m)));
            }
        });
}
