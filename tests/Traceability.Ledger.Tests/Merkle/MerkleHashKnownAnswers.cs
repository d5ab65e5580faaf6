using System.Security.Cryptography;
using Traceability.Ledger.Merkle;
using static Traceability.Ledger.Tests.Merkle.CertificateTransparencyVectors;

namespace Traceability.Ledger.Tests.Merkle;

public class MerkleHashKnownAnswers
{
    [Fact]
    public void Empty_tree_hash_is_sha256_of_the_empty_string() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ToHex(MerkleHash.Empty));

    [Fact]
    public void Leaf_hash_of_no_bytes_is_sha256_of_a_single_zero_byte() =>
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", ToHex(MerkleHash.Leaf([])));

    [Fact]
    public void Leaf_hash_prefixes_the_data_with_a_zero_byte() =>
        Assert.Equal(
            "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56",
            ToHex(MerkleHash.Leaf("L123456"u8)));

    [Fact]
    public void Node_hash_prefixes_the_children_with_a_one_byte() =>
        Assert.Equal(
            "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
            ToHex(MerkleHash.Node("N123"u8, "N456"u8)));

    [Fact]
    public void Leaf_and_node_hashes_of_the_same_bytes_differ()
    {
        var left = MerkleHash.Leaf("Hello"u8);
        var right = MerkleHash.Leaf("World"u8);

        Assert.NotEqual(MerkleHash.Leaf([.. left, .. right]), MerkleHash.Node(left, right));
        Assert.NotEqual(MerkleHash.Node(right, left), MerkleHash.Node(left, right));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(10_000)]
    public void Inputs_too_large_for_the_stack_hash_the_same_way(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);

        Assert.Equal(SHA256.HashData([0x00, .. data]), MerkleHash.Leaf(data));
        Assert.Equal(SHA256.HashData([0x01, .. data, .. data]), MerkleHash.Node(data, data));
    }

    [Fact]
    public void Empty_returns_a_copy_the_caller_cannot_corrupt()
    {
        MerkleHash.Empty[0] ^= 0xFF;

        Assert.Equal(SHA256.HashData([]), MerkleHash.Empty);
    }
}
