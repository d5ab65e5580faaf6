using Traceability.Domain.Custody;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;
using static Traceability.Domain.Tests.Capture.Decisions;
using Decisions = Traceability.Domain.Tests.Capture.Decisions;

namespace Traceability.Domain.Tests.Trust;

/// <summary>Who reads an event in full: the matrix of README's "Read entitlement", row by row.</summary>
public class ReadEntitlementTable
{
    private const string Key = "/01/09506000134352/10/LSF-20261112";
    private static readonly Organisation Distributor = Decisions.Org("org-dist", OrgRole.Distributor, "9506000000404");
    private static readonly Organisation Stranger = Decisions.Org("org-stranger", OrgRole.Retailer, "9506000000503");

    // The producer's shipment of the lot to the distributor; the shop received it later from the distributor.
    private static readonly LotState Lot = Capture.Decisions.Lot(Key, "org-shop", "org-producer", "org-dist", "org-shop");

    public static TheoryData<string, bool> Rows() => new()
    {
        { "org-producer", true },   // the writer
        { "org-dist", true },       // named as destination, and in the custody chain
        { "org-shop", true },       // holds the lot now
        { "org-samr", true },       // regulator
        { "org-lab", false },       // a lab that did not test it
        { "org-stranger", false },  // another shop
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachReaderGetsWhatItIsEntitledTo(string readerId, bool full)
    {
        var reader = All.Append(Distributor).Append(Stranger).Single(o => o.Id == readerId);
        var lots = new Dictionary<string, LotState> { [Key] = Lot };

        var entitled = ReadEntitlement.MayReadInFull(reader, "org-producer", [Distributor.Gln!], [Key], lots,
            gln => All.Append(Distributor).Append(Stranger).FirstOrDefault(o => o.Gln == gln)?.Id);

        Assert.Equal(full, entitled);
    }

    [Fact]
    public void ANamedPartyWithoutCustodyIsEntitled()
    {
        var lots = new Dictionary<string, LotState>();

        Assert.True(ReadEntitlement.MayReadInFull(Stranger, "org-producer", [Stranger.Gln!], [Key], lots, _ => null));
        Assert.False(ReadEntitlement.MayReadInFull(Stranger, "org-producer", [], [Key], lots, _ => null));
    }
}
