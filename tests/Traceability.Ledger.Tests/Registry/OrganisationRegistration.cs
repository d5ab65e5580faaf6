using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Ledger.Tests.Registry;

public sealed class OrganisationRegistration(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeployerIsTheFirstAdmin()
    {
        Assert.True(await chain.Registry.IsAdminAsync(chain.Admin.Address, Ct));
        Assert.True(await chain.Registry.IsDeployedAsync(Ct));
    }

    [Theory]
    [InlineData(OrgRole.Producer)]
    [InlineData(OrgRole.Lab)]
    [InlineData(OrgRole.Retailer)]
    [InlineData(OrgRole.Regulator)]
    [InlineData(OrgRole.Distributor)]
    public async Task AdminRegistersAnOrganisationWithItsRole(OrgRole role)
    {
        var account = Secp256k1Key.Generate().Address;
        var receipt = await chain.Registry.RegisterOrgAsync(chain.Admin, account, role, "org-x", Ct);

        Assert.Equal(role, await chain.Registry.RoleOfAsync(account, Ct));
        var registered = Assert.Single(chain.Registry.Contract.DecodeEvents(receipt), e => e.Name == "OrgRegistered");
        Assert.Equal(account, registered.Arguments[0]);
        Assert.Equal("org-x", registered.Arguments[2]);
    }

    [Fact]
    public async Task UnknownAccountsHaveRoleNone()
    {
        Assert.Equal(OrgRole.None, await chain.Registry.RoleOfAsync(Secp256k1Key.Generate().Address, Ct));
    }

    [Fact]
    public async Task RejectsRegistrationByANonAdminWithNotAdmin()
    {
        var regulator = await chain.NewOrgAsync(OrgRole.Regulator);
        var error = await Assert.ThrowsAsync<EndorseException>(() =>
            chain.Registry.RegisterOrgAsync(regulator, Secp256k1Key.Generate().Address, OrgRole.Producer, "x", Ct));
        Assert.Equal("NotAdmin", error.Error?.Name);
        Assert.Equal(regulator.Address, error.Error!.Arguments[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task RejectsRolesOutsideTheEnumWithInvalidRole(int role)
    {
        var error = await Assert.ThrowsAsync<EndorseException>(() =>
            chain.Registry.RegisterOrgAsync(chain.Admin, Secp256k1Key.Generate().Address, (OrgRole)role, "x", Ct));
        Assert.Equal("InvalidRole", error.Error?.Name);
    }

    [Fact]
    public async Task RevokedOrganisationsLoseTheirRole()
    {
        var producer = await chain.NewOrgAsync(OrgRole.Producer);
        await chain.Registry.RevokeOrgAsync(chain.Admin, producer.Address, Ct);
        Assert.Equal(OrgRole.None, await chain.Registry.RoleOfAsync(producer.Address, Ct));
    }

    [Fact]
    public async Task AdminsCanBeAddedButTheLastOneCannotLeave()
    {
        var second = await chain.NewOrgAsync(OrgRole.None);
        await chain.Registry.SetAdminAsync(chain.Admin, second.Address, true, Ct);
        Assert.True(await chain.Registry.IsAdminAsync(second.Address, Ct));

        await chain.Registry.SetAdminAsync(second, second.Address, false, Ct);
        var error = await Assert.ThrowsAsync<EndorseException>(() => chain.Registry.SetAdminAsync(chain.Admin, chain.Admin.Address, false, Ct));
        Assert.Equal("LastAdmin", error.Error?.Name);
    }
}
