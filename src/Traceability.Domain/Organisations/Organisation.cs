namespace Traceability.Domain.Organisations;

/// <summary>What an organisation does in the chain; decides which events it may write.</summary>
public enum OrgRole
{
    Producer,
    Distributor,
    Lab,
    Retailer,
    Regulator,
}

/// <summary>
/// A consortium member: its API key is kept only as a hash; its ledger key lives in a keystore file. Its GS1
/// company prefixes make it the owner of every GTIN allocated under them.
/// </summary>
public sealed record Organisation(
    string Id,
    string Name,
    OrgRole Role,
    string? Gln,
    string ApiKeyHash,
    string LedgerAddress,
    DateTimeOffset CreatedAt)
{
    public IReadOnlyList<string> CompanyPrefixes { get; init; } = [];

    // Value equality over the prefixes too (a record compares lists by reference).
    public bool Equals(Organisation? other) =>
        other is not null && Id == other.Id && Name == other.Name && Role == other.Role && Gln == other.Gln
        && ApiKeyHash == other.ApiKeyHash && LedgerAddress == other.LedgerAddress && CreatedAt == other.CreatedAt
        && CompanyPrefixes.SequenceEqual(other.CompanyPrefixes);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Role, Gln, ApiKeyHash, LedgerAddress, CreatedAt);
}

public static class OrgRoles
{
    public static bool TryParse(string? text, out OrgRole role)
    {
        role = default;
        return text is not null
            && Enum.TryParse(text, ignoreCase: true, out role)
            && Enum.IsDefined(role)
            && !text.Any(char.IsDigit);
    }

    public static string Name(this OrgRole role) => role.ToString().ToLowerInvariant();
}
