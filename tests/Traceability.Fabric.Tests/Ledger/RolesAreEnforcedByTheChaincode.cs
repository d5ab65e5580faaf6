namespace Traceability.Fabric.Tests.Ledger;

/// <summary>The only class that changes Org3MSP's registration, so other classes may rely on it being unregistered.</summary>
public sealed class RolesAreEnforcedByTheChaincode(FabricLedger ledger)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlyAdminsRegisterAndOnlyRegisteredOrganisationsAnchorOrRecallAsTheirRoleAllows()
    {
        var outsider = ledger.Contract(FabricLedger.Outsider);
        var admin = ledger.Contract(FabricLedger.Regulator);

        Assert.Equal("NotRegistered", (await Assert.ThrowsAsync<EndorseException>(() =>
            outsider.SubmitTransactionAsync("AnchorRoot", [FabricLedger.NewHash(), "1"], Ct))).ChaincodeError?.Name);
        Assert.Equal("NotAdmin", (await Assert.ThrowsAsync<EndorseException>(() =>
            ledger.Contract(FabricLedger.Producer).SubmitTransactionAsync("RegisterOrg", [FabricLedger.Outsider, "Lab", "org-lab"], Ct))).ChaincodeError?.Name);
        Assert.Equal("InvalidRole", (await Assert.ThrowsAsync<EndorseException>(() =>
            admin.SubmitTransactionAsync("RegisterOrg", [FabricLedger.Outsider, "None", "org-lab"], Ct))).ChaincodeError?.Name);

        await admin.SubmitTransactionAsync("RegisterOrg", [FabricLedger.Outsider, "Lab", "org-lab"], Ct);
        Assert.Equal("Lab", (string?)FabricLedger.Json(await outsider.EvaluateTransactionAsync("GetOrg", [FabricLedger.Outsider], Ct))["role"]);
        await outsider.SubmitTransactionAsync("AnchorRoot", [FabricLedger.NewHash(), "3"], Ct);
        Assert.Equal("RoleNotAllowed", (await Assert.ThrowsAsync<EndorseException>(() =>
            outsider.SubmitTransactionAsync("Recall", [$"[\"{FabricLedger.NewHash()}\"]", "not a lab's call"], Ct))).ChaincodeError?.Name);

        await admin.SubmitTransactionAsync("RevokeOrg", [FabricLedger.Outsider], Ct);
        Assert.Equal("NotRegistered", (await Assert.ThrowsAsync<EndorseException>(() =>
            outsider.SubmitTransactionAsync("AnchorRoot", [FabricLedger.NewHash(), "1"], Ct))).ChaincodeError?.Name);
    }

    [Fact]
    public async Task TheConsortiumAdminIsTheOrganisationThatBootstrappedTheRegistry()
    {
        var contract = ledger.Contract(FabricLedger.Producer);
        Assert.Equal("true", System.Text.Encoding.UTF8.GetString(await contract.EvaluateTransactionAsync("IsAdmin", [ledger.Network.Description.ConsortiumAdmin], Ct)));
        Assert.Equal("AlreadyBootstrapped", (await Assert.ThrowsAsync<EndorseException>(() =>
            contract.SubmitTransactionAsync("Bootstrap", [], Ct))).ChaincodeError?.Name);
    }
}
