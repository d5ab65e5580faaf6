using Traceability.Domain.Organisations;

namespace Traceability.Storage;

/// <summary>The consortium's members: who they are, their role, GLN, company prefixes and the hash of their API key.</summary>
public interface IOrganisationStore
{
    /// <summary>Adds an organisation; throws <see cref="DuplicateException"/> when its id, name (ignoring case), API key hash or GLN is taken.</summary>
    Task AddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken);
    Task<Organisation?> GetOrganisationAsync(string orgId, CancellationToken cancellationToken);
    Task<Organisation?> FindOrganisationByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);
    Task<Organisation?> FindOrganisationByGlnAsync(string gln, CancellationToken cancellationToken);
    Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken);
}
