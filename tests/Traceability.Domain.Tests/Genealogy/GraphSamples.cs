using System.Security.Cryptography;
using System.Text;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Genealogy;

/// <summary>Identifiers and genealogy events for lot-graph tests: lots of one GTIN, cases, pallets and businesses.</summary>
internal static class GraphSamples
{
    public const string SampleGtin = "09506000134352";

    public static string Lot(string code) => $"https://id.gs1.org/01/{SampleGtin}/10/{code}";

    public static string LotKey(string code) => $"/01/{SampleGtin}/10/{code}";

    public static string Container(int n) => "https://id.gs1.org" + ContainerKey(n);

    public static string ContainerKey(int n) => "/00/" + WithCheck("0950600" + n.ToString("D10"));

    public static string Party(int n) => "https://id.gs1.org" + PartyKey(n);

    public static string PartyKey(int n) => "/417/" + WithCheck("950600" + n.ToString("D6"));

    public static string Location(int n) => "https://id.gs1.org" + LocationKey(n);

    public static string LocationKey(int n) => "/414/" + WithCheck("950600" + n.ToString("D6"));

    /// <summary>An event id in the CBV 2.0 hash form, distinct per name.</summary>
    public static string EventId(string name) => EventHash.FromDigest(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public static GenealogyEvent Transform(string[] inputs, string[] outputs, string? location = null) =>
        new(EventType.TransformationEvent) { Inputs = inputs, Outputs = outputs, BizLocation = location, BizStep = "commissioning" };

    public static GenealogyEvent Pack(string parent, params string[] children) =>
        new(EventType.AggregationEvent) { Action = "ADD", BizStep = "packing", ParentId = parent, Children = children };

    public static GenealogyEvent Commission(string location, params string[] objects) =>
        new(EventType.ObjectEvent) { Action = "ADD", BizStep = "commissioning", BizLocation = location, Objects = objects };

    public static GenealogyEvent Ship(string[] objects, string[] destinations, params string[] sources) =>
        new(EventType.ObjectEvent) { Action = "OBSERVE", BizStep = "shipping", Objects = objects, Destinations = destinations, Sources = sources };

    public static GenealogyEvent Receive(string[] objects, string location, params string[] sources) =>
        new(EventType.ObjectEvent) { Action = "OBSERVE", BizStep = "receiving", Objects = objects, BizLocation = location, Sources = sources };

    /// <summary>A graph holding the events, each under the id <see cref="EventId"/> of its name.</summary>
    public static LotGraph Graph(params (string Name, GenealogyEvent Event)[] events)
    {
        var graph = new LotGraph();
        foreach (var (name, evt) in events) graph.Add(EventId(name), evt);
        return graph;
    }

    public static (string From, string To, EdgeKind Kind) Edge(TraceEdge e) => (e.From, e.To, e.Kind);

    private static string WithCheck(string digits) => digits + Gs1CheckDigit.Compute(digits);
}
