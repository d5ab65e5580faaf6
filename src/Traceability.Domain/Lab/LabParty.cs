using Traceability.Domain.Gs1;

namespace Traceability.Domain.Lab;

/// <summary>The laboratory posting a result: its organisation id and, when registered with one, its GLN.</summary>
public sealed record LabParty
{
    public LabParty(string orgId, Gln? gln = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        OrgId = orgId;
        Gln = gln;
    }

    public string OrgId { get; }
    public Gln? Gln { get; }
}
