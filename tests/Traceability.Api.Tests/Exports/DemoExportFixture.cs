using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Cli.Demo;
using Traceability.Testing;

namespace Traceability.Api.Tests.Exports;

/// <summary>
/// The API on Anvil loaded with the demo 柳州螺蛳粉 chain through HTTP (as `trace demo` loads it), shared by the
/// export test classes of the "demo export" collection: they only read.
/// </summary>
public sealed class DemoExportFixture : ApiFixture
{
    /// <summary>The demo's organisations.json: each member's orgId, name, gln and apiKey by key ("regulator", ...).</summary>
    public JsonObject Members { get; private set; } = null!;

    public HttpClient Regulator { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        using var http = Factory.CreateClient();
        var loader = new DemoLoader(http, AdminToken, Path.Combine(DataDir, "demo"), TextWriter.Null);
        if (await loader.RunAsync(CancellationToken.None) != 0) throw new InvalidOperationException("the demo did not load");
        Members = JsonNode.Parse(await File.ReadAllTextAsync(loader.OrganisationsFile))!.AsObject();
        Regulator = As(Members["regulator"]!["apiKey"]!.GetValue<string>());
    }

    public string Name(string member) => Members[member]!["name"]!.GetValue<string>();

    public string Gln(string member) => Members[member]!["gln"]!.GetValue<string>();

    /// <summary>The location description the export writes for a member's GLN.</summary>
    public string Location(string member) => $"{Name(member)} (GLN {Gln(member)})";

    /// <summary>The CSV export for the query, parsed (header first); fails unless it is a 200 CSV with a byte order mark.</summary>
    public async Task<List<List<string>>> CsvAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await Regulator.GetAsync($"/exports/fsma204{query}", cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return CsvParser.Parse(Encoding.UTF8.GetString(bytes[3..]));
    }

    public override async ValueTask DisposeAsync()
    {
        Regulator?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoExportCollection : ICollectionFixture<DemoExportFixture>
{
    public const string Name = "demo export";
}

/// <summary>A CSV export as named columns.</summary>
public sealed class ExportTable(List<List<string>> records)
{
    public IReadOnlyList<string> Header { get; } = records[0];
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; } = records.Skip(1).Select(r => (IReadOnlyList<string>)r).ToList();

    public string Cell(IReadOnlyList<string> row, string column)
    {
        var index = Header.ToList().IndexOf(column);
        Assert.True(index >= 0, $"no column {column}");
        return row[index];
    }

    public IEnumerable<string> Column(string column) => Rows.Select(r => Cell(r, column));
}
