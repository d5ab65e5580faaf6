namespace Traceability.Ledger.Registry;

/// <summary>Roles as the contract numbers them (enum Role in TraceRegistry.sol; API.md fixes the order).</summary>
public enum OrgRole : byte
{
    None = 0,
    Producer = 1,
    Lab = 2,
    Retailer = 3,
    Regulator = 4,
    Distributor = 5,
}
