using System.Net.Http.Headers;
using System.Text;
using Traceability.Api.Tests.Trust;

namespace Traceability.Api.Tests.Console;

/// <summary>
/// Whatever a console form (or anyone) sends to the writes the console added, the answer is a 4xx problem, never a
/// 500: bodies of the wrong shape, wrong types, numbers out of range, broken UTF-8, the wrong media type, junk files.
/// </summary>
public sealed class ConsoleWritesRefuseJunk(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] JsonBodies =
    [
        "", "null", "[]", "{}", "\"text\"", "42", "{", "{\"gtin\":123,\"lot\":[]}",
        "{\"quantity\":\"lots\",\"unit\":\"XCS\"}", "{\"quantity\":1e400,\"unit\":\"XCS\"}", "{\"quantity\":-5,\"unit\":\"NOPE\"}",
        "{\"gtin\":\"06901234100037\",\"lot\":\"" + new string('L', 5000) + "\"}", "{\"checkedAt\":\"yesterday\",\"testedAt\":\"2026-13-45T99:00:00Z\"}",
        "{\"resultEventId\":\"urn:uuid:not-one\",\"action\":\"\"}", "{\"resultEventId\":null,\"action\":null,\"retestEventId\":7}",
        "{\"analyte\":{\"name\":null},\"result\":{\"value\":\"NaN\"},\"limit\":{}}", "{\"photoSha256\":\"../../etc/passwd\",\"retestOf\":\"x\"}",
        new string('[', 5000) + new string(']', 5000),
    ];

    private static ByteArrayContent Body(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static async Task AssertRefusedAsync(HttpClient client, string path, HttpContent content, string what)
    {
        var response = await client.PostAsync(path, content, Ct);
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"POST {path} with {what}: {status} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>A file with no rows may be read as an empty day (nothing stored); anything else is refused. Never a 500.</summary>
    private static async Task AssertNothingStoredAsync(HttpClient client, string path, HttpContent content, string what)
    {
        var response = await client.PostAsync(path, content, Ct);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status is >= 400 and < 500 || (status == 200 && body.Contains("\"stored\":0", StringComparison.Ordinal)), $"POST {path} with {what}: {status} {body}");
    }

    [Fact]
    public async Task JunkJsonToEveryConsoleWriteIsAClientError()
    {
        var writes = new (HttpClient Client, string Path)[]
        {
            (api.Shop.Client, "/incoming-checks"), (api.Regulator.Client, "/supervision/follow-ups"), (api.Lab.Client, "/lab-results"),
            (api.Shop.Client, "/recalls/not-a-recall/acknowledgements"), (api.Regulator.Client, "/recalls"),
        };
        foreach (var (client, path) in writes)
            foreach (var body in JsonBodies)
                await AssertRefusedAsync(client, path, Body(Encoding.UTF8.GetBytes(body), "application/json"), body.Length > 60 ? body[..60] + "…" : body);
        foreach (var (client, path) in writes)
        {
            await AssertRefusedAsync(client, path, Body([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "application/json"), "broken UTF-8");
            await AssertRefusedAsync(client, path, Body("gtin=1&lot=2"u8.ToArray(), "application/x-www-form-urlencoded"), "a form post");
        }
    }

    [Fact]
    public async Task JunkFilesToTheLabsUploadsAreAClientError()
    {
        var junk = new (byte[] Bytes, string Type)[]
        {
            ([], "text/csv"), ("\"unterminated,quote\n1,2"u8.ToArray(), "text/csv"), ([0xFF, 0xFE, 0x00, 0xD8, 0x00], "text/csv"),
            ("gtin,lot\n"u8.ToArray(), "text/csv"), (Encoding.UTF8.GetBytes(new string(',', 100_000)), "text/csv"),
            ("PK\u0003\u0004\u0014\u0000junk"u8.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("{}"u8.ToArray(), "application/json"), ("GIF89a"u8.ToArray(), "image/gif"),
        };
        foreach (var (bytes, type) in junk)
        {
            await AssertNothingStoredAsync(api.Lab.Client, "/lab-results/batches?store=all", Body(bytes, type), $"{bytes.Length} bytes of {type}");
            await AssertRefusedAsync(api.Lab.Client, "/lab-results/photos", Body(bytes, type), $"{bytes.Length} bytes of {type}");
        }
        await AssertRefusedAsync(api.Lab.Client, "/lab-results/batches?store=everything", Body("a,b\n"u8.ToArray(), "text/csv"), "an unknown store mode");
    }
}
