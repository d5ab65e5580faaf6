using System.CommandLine;

namespace Traceability.Cli.Demo;

/// <summary><c>trace demo --api URL --admin-token T --out DIR</c>: loads the demo supply chain.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "Base URL of the Traceability API", Required = true };
        var token = new Option<string>("--admin-token") { Description = "The admin token (Trace:AdminToken)", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where to write the demo organisations and their API keys", Required = true };
        var command = new Command("demo", "Load the bilingual Liuzhou river-snail rice noodle demo supply chain through the API")
        {
            api, token, outDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(api)!), Timeout = TimeSpan.FromMinutes(2) };
            var loader = new DemoLoader(http, parse.GetValue(token)!, parse.GetValue(outDir)!.FullName, Console.Out);
            try
            {
                return await loader.RunAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
            {
                Console.Error.WriteLine($"demo: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
