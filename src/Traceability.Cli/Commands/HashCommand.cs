using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Cli.Commands;

/// <summary>
/// <c>trace hash FILE [--prehash]</c>: the CBV 2.0 event hash of each event in an EPCIS JSON-LD file, or in an
/// EPCIS XML file (2.0 or 1.2, named *.xml), read by the same reader capture uses.
/// </summary>
public static class HashCommand
{
    public const int Failure = 1;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "An EPCIS 2.0 JSON-LD document (EPCISDocument or EPCISQueryDocument) or a single event; or, named *.xml, the same in the EPCIS 2.0 or 1.2 XML binding",
        };
        var preHash = new Option<bool>("--prehash")
        {
            Description = "Print each event's canonical pre-hash string instead of its hash",
        };
        var command = new Command("hash", "Print the CBV 2.0 event hash (ni:///sha-256;…?ver=CBV2.0) of each event, one per line, in document order")
        {
            file,
            preHash,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(file), parse.GetValue(preHash), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(FileInfo file, bool preHash, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"trace hash: no such file: {file.FullName}");
            return Failure;
        }
        if (file.Extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
            return RunXml(file, preHash, output, error);
        try
        {
            JsonNode? json;
            using (var stream = file.OpenRead())
                json = JsonNode.Parse(stream);

            // Compute every line before printing any, so a bad event leaves no partial output.
            var lines = EpcisEvents.Read(json)
                .Select(e => preHash ? EventHash.PreHash(e.Event, e.Document) : EventHash.ComputeId(e.Event, e.Document))
                .ToList();
            foreach (var line in lines)
                output.WriteLine(line);
            return 0;
        }
        catch (JsonException e)
        {
            error.WriteLine($"trace hash: {file.Name} is not valid JSON: {e.Message}");
        }
        catch (FormatException e)
        {
            error.WriteLine($"trace hash: {file.Name} is not an EPCIS document or event: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"trace hash: cannot read {file.FullName}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // System.Text.Json reports a property given twice in one object this way.
            error.WriteLine($"trace hash: {file.Name} is not valid JSON: a property appears twice in one object ({e.Message})");
        }
        return Failure;
    }

    /// <summary>
    /// XML: events streamed one at a time. The binding's own rules must hold (an event read past an unknown element
    /// would hash without it), but, as for JSON, the events are hashed whatever the JSON validator would say.
    /// </summary>
    private static int RunXml(FileInfo file, bool preHash, TextWriter output, TextWriter error)
    {
        try
        {
            var lines = new List<string>();
            var problems = new List<string>();
            using (var stream = file.OpenRead())
            using (var reader = EpcisXmlReader.Create(stream, new EpcisXmlOptions { Validate = false }))
            {
                foreach (var evt in reader.ReadEvents())
                {
                    problems.AddRange(evt.Validation.Errors.Select(e => e.ToString()));
                    lines.Add(preHash ? EventHash.PreHash(evt.Event, reader.Document) : EventHash.ComputeId(evt.Event, reader.Document));
                }
                problems.InsertRange(0, reader.DocumentErrors.Errors.Select(e => e.ToString()));
            }
            if (problems.Count > 0)
            {
                error.WriteLine($"trace hash: {file.Name} is not an EPCIS XML document this reader accepts:");
                foreach (var problem in problems)
                    error.WriteLine("  " + problem);
                return Failure;
            }
            foreach (var line in lines)
                output.WriteLine(line);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"trace hash: cannot read {file.FullName}: {e.Message}");
            return Failure;
        }
    }
}
