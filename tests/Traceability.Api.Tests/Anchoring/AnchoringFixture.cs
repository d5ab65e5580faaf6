using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>Small batches and a short interval, so a few events make several batches quickly.</summary>
public class AnchoringFixture : ApiFixture
{
    public const int MaxBatch = 8;

    protected override IDictionary<string, string?> Settings(AnvilNode chain) => FastAnchoring(chain);

    /// <summary>The settings, for other fixtures that want the same pace (e.g. with Kestrel for a browser).</summary>
    public static IDictionary<string, string?> FastAnchoring(AnvilNode chain) => new Dictionary<string, string?>
    {
        ["Trace:Ledger:RpcUrl"] = chain.RpcUrl.ToString(),
        ["Trace:Ledger:ReconnectInterval"] = "00:00:00.250",
        ["Trace:Ledger:CommitTimeout"] = "00:00:05",
        ["Trace:Anchoring:MaxBatch"] = MaxBatch.ToString(),
        ["Trace:Anchoring:Interval"] = "00:00:00.200",
    };
}
