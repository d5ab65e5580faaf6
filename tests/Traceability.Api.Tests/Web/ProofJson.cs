using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// Proof bodies in the API.md "Proofs" format for a batch of event ids, built with Traceability.Ledger's MerkleTree
/// the way the anchoring worker builds its trees (leaf data = the 32-byte digest inside each event id).
/// </summary>
internal sealed class ProofJson
{
    private readonly MerkleTree _tree;
    private readonly List<string> _ids;

    public ProofJson(IEnumerable<string> eventIds)
    {
        _ids = eventIds.Distinct().ToList();
        _tree = MerkleTree.Build(_ids.Select(EventHash.Digest).ToList());
    }

    public string RootHex => Hex.Encode(_tree.Root);

    public int Size => _tree.Size;

    public JsonObject For(string eventId)
    {
        var index = _ids.IndexOf(eventId);
        if (index < 0) throw new ArgumentException($"{eventId} is not in this batch", nameof(eventId));
        return new JsonObject
        {
            ["eventId"] = eventId,
            ["status"] = "anchored",
            ["leafIndex"] = index,
            ["treeSize"] = _tree.Size,
            ["auditPath"] = new JsonArray(_tree.AuditPath(index).Select(p => (JsonNode?)JsonValue.Create(Hex.Encode(p))).ToArray()),
            ["root"] = RootHex,
            ["ledger"] = new JsonObject
            {
                ["kind"] = "evm",
                ["chainId"] = 31337,
                ["contract"] = "0x" + new string('1', 40),
                ["txHash"] = "0x" + new string('2', 64),
                ["blockNumber"] = 12,
                ["anchoredBy"] = "0x" + new string('3', 40),
            },
        };
    }

    public static JsonObject Pending(string eventId) => new() { ["eventId"] = eventId, ["status"] = "pending" };
}
