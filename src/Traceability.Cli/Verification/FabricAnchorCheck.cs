using System.Globalization;
using System.Text.Json.Nodes;
using Traceability.Fabric;

namespace Traceability.Cli.Verification;

/// <summary>
/// The ledger step of <c>trace verify</c> for a root anchored on Hyperledger Fabric: GetAnchor (and GetOrg for the
/// anchoring organisation's id) evaluated through a peer's gateway with an identity of the network.json the verifier
/// was given. Channel and chaincode come from that file, never from the API; the proof's must agree with it.
/// </summary>
public sealed class FabricAnchorCheck(string networkJson, string? mspId, TextWriter log)
{
    public async Task<VerifyOutcome> CheckAsync(string eventId, JsonObject proof, byte[] root, int treeSize, CancellationToken ct)
    {
        var network = NetworkFile.Load(networkJson);
        var reader = mspId ?? network.Organisations[0].MspId;
        var claimed = proof["ledger"]!;
        if ((string?)claimed["channel"] is { } channel && channel != network.Channel
            || (string?)claimed["chaincode"] is { } chaincode && chaincode != network.Chaincode)
            return EventVerifier.Fail(VerifyStep.Chain,
                $"the proof names channel {claimed["channel"]} and chaincode {claimed["chaincode"]}, but {networkJson} describes {network.Channel} and {network.Chaincode}");

        using var connections = new NetworkConnections(network);
        var contract = connections.Contract(reader);
        log.WriteLine($"ledger    Fabric channel {network.Channel}, chaincode {network.Chaincode}, asked as {reader} at {network.Organisation(reader).PeerEndpoint}");
        var hex = Convert.ToHexStringLower(root);
        JsonObject anchor;
        try
        {
            anchor = JsonNode.Parse(await contract.EvaluateTransactionAsync("GetAnchor", [hex], ct))!.AsObject();
        }
        catch (EvaluateException e) when (e.ChaincodeError?.Name == "NotAnchored")
        {
            return EventVerifier.Fail(VerifyStep.Chain, $"root 0x{hex} was never anchored on channel {network.Channel} (chaincode {network.Chaincode})");
        }
        var count = (long?)anchor["count"];
        if (count != treeSize)
            return EventVerifier.Fail(VerifyStep.Chain, $"the root was anchored for {count} events, but the proof claims a tree of {treeSize}");
        var txId = (string?)anchor["txId"];
        if ((string?)claimed["txId"] is { } proofTx && proofTx != txId)
            return EventVerifier.Fail(VerifyStep.Chain, $"the proof names transaction {proofTx}, but the ledger anchored the root in {txId}");
        var org = (string?)anchor["org"] ?? "";
        var orgId = (string?)JsonNode.Parse(await contract.EvaluateTransactionAsync("GetOrg", [org], ct))?["orgId"] ?? "";
        var by = orgId.Length > 0 ? $"{org} ({orgId})" : $"{org} (no longer registered)";
        var at = DateTimeOffset.Parse((string)anchor["timestamp"]!, CultureInfo.InvariantCulture);
        log.WriteLine($"chain     GetAnchor(0x{hex}) → {by}, {at:u}, a tree of {count} leaves, transaction {txId}");
        return new VerifyOutcome(VerifyStep.Verified, true, false,
            $"VERIFIED: {eventId} is unaltered and was anchored by {by} at {at:u} on Fabric channel {network.Channel}, transaction {txId}");
    }
}
