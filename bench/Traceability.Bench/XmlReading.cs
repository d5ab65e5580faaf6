using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Bench;

/// <summary>
/// Throughput and memory of the EPCIS XML reader on one large generated document: the events are written with
/// <see cref="EpcisXmlWriter"/> to a temporary file, then read back three times (binding rules only; with the JSON
/// validator; validated and hashed, as capture would), each pass streaming from disk. Peak managed heap is sampled
/// while reading, so a reader that held the document would show it; a DOM load of the same file is the comparison.
/// </summary>
internal static class XmlReading
{
    public static async Task RunAsync(int events)
    {
        var file = Path.Combine(Path.GetTempPath(), $"trace-bench-xml-{Guid.NewGuid():N}.xml");
        try
        {
            var write = Stopwatch.StartNew();
            await using (var output = File.Create(file))
                await EpcisXmlWriter.WriteQueryDocumentAsync(Events(events), output, creationDate: DateTimeOffset.UnixEpoch);
            var size = new FileInfo(file).Length;
            Console.WriteLine($"load average before: {LoadAverage()}");
            Console.WriteLine($"document: {events:N0} events, {size / 1_048_576.0:N1} MiB of XML, written in {write.Elapsed.TotalSeconds:N1} s " +
                $"({events / write.Elapsed.TotalSeconds:N0} events/s)");

            // A first pass unreported, so the measured ones run tier-1 code.
            Pass("warm-up", file, events, size, validate: true, hash: true, report: false);
            Pass("read (binding rules only)", file, events, size, validate: false, hash: false);
            Pass("read + EpcisValidator", file, events, size, validate: true, hash: false);
            Pass("read + EpcisValidator + CBV hash", file, events, size, validate: true, hash: true);
            Whole(file);
            Dom(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Pass(string name, string file, int expected, long size, bool validate, bool hash, bool report = true)
    {
        using var sampler = new HeapSampler();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        // CPU time as well as wall time: on a shared machine the wall clock counts other people's work too.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = 0;
        var invalid = 0;
        using (var stream = File.OpenRead(file))
        using (var reader = EpcisXmlReader.Create(stream, new EpcisXmlOptions { Validate = validate, MaxEvents = int.MaxValue, MaxDocumentCharacters = 0 }))
        {
            foreach (var evt in reader.ReadEvents())
            {
                count++;
                if (!evt.Validation.IsValid)
                    invalid++;
                if (hash)
                    EventHash.ComputeId(evt.Event, reader.Document);
            }
            if (!reader.DocumentErrors.IsValid)
                throw new InvalidOperationException(reader.DocumentErrors.ToString());
        }
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var perEvent = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count;
        if (count != expected || invalid > 0)
            throw new InvalidOperationException($"read {count} events, {invalid} invalid; expected {expected} valid");
        if (report)
            Console.WriteLine($"{name,-34} {count / clock.Elapsed.TotalSeconds,8:N0} events/s {size / 1_048_576.0 / clock.Elapsed.TotalSeconds,6:N1} MiB/s" +
            $" ({count / cpuSeconds,7:N0} events per CPU-second)  peak heap {sampler.PeakMiB,5:N1} MiB (at start {sampler.StartMiB:N1})" +
            $"  allocated {perEvent / 1024:N1} KiB/event");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The same reader with every event kept, as reading into one whole JSON document would.</summary>
    private static void Whole(string file)
    {
        using var sampler = new HeapSampler();
        using var stream = File.OpenRead(file);
        var result = EpcisXml.Read(stream, new EpcisXmlOptions { MaxEvents = int.MaxValue, MaxDocumentCharacters = 0 });
        GC.Collect();
        Console.WriteLine($"for comparison, all events kept as one JSON document: {GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0:N0} MiB held " +
            $"(peak {sampler.PeakMiB:N0} MiB), valid: {result.IsValid}");
    }

    private static void Dom(string file)
    {
        using var sampler = new HeapSampler();
        var document = XDocument.Load(file);
        GC.Collect();
        Console.WriteLine($"for comparison, XDocument.Load of the same file: {GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0:N0} MiB held " +
            $"(peak {sampler.PeakMiB:N0} MiB), {document.Root!.Name.LocalName}");
    }

    /// <summary>Events of all five types: identifiers, quantities, parties, ILMD, sensor readings and user extensions.</summary>
    private static IEnumerable<JsonObject> Events(int count)
    {
        var context = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", new JsonObject { ["ls"] = "https://liuzhou.example.com/ns/" });
        string[] types = ["ObjectEvent", "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent"];
        var start = new DateTimeOffset(2026, 11, 12, 6, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < count; i++)
        {
            var type = types[i % types.Length];
            var serial = i.ToString(CultureInfo.InvariantCulture);
            var evt = new JsonObject
            {
                ["@context"] = context.DeepClone(),
                ["type"] = type,
                ["eventTime"] = start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                ["eventTimeZoneOffset"] = "+08:00",
            };
            var epcs = new JsonArray($"urn:epc:id:sgtin:6901234.010003.{serial}", $"https://id.gs1.org/01/06901234100037/21/{serial}b");
            var quantities = new JsonArray(new JsonObject { ["epcClass"] = $"urn:epc:class:lgtin:6901234.010003.LSF-{i / 1000}", ["quantity"] = 12.5m + i % 7, ["uom"] = "KGM" });
            switch (type)
            {
                case "ObjectEvent":
                    evt["epcList"] = epcs;
                    evt["action"] = i % 2 == 0 ? "ADD" : "OBSERVE";
                    evt["quantityList"] = quantities;
                    if (i % 2 == 0)
                        evt["ilmd"] = new JsonObject { ["cbvmda:lotNumber"] = $"LSF-{i / 1000}", ["cbvmda:bestBeforeDate"] = "2027-05-12" };
                    break;
                case "AggregationEvent" or "AssociationEvent":
                    evt["parentID"] = $"urn:epc:id:sscc:6901234.{i % 10_000_000_000L:D10}";
                    evt["childEPCs"] = epcs;
                    evt["action"] = "ADD";
                    break;
                case "TransactionEvent":
                    evt["epcList"] = epcs;
                    evt["action"] = "ADD";
                    break;
                default:
                    evt["inputQuantityList"] = quantities;
                    evt["outputEPCList"] = epcs;
                    break;
            }
            evt["bizStep"] = type == "TransformationEvent" ? "commissioning" : "shipping";
            evt["disposition"] = "in_transit";
            evt["readPoint"] = new JsonObject { ["id"] = "urn:epc:id:sgln:6901234.00001.0" };
            evt["bizLocation"] = new JsonObject { ["id"] = "urn:epc:id:sgln:6901234.00001.0" };
            evt["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "po", ["bizTransaction"] = $"urn:epcglobal:cbv:bt:6901234000004:PO-{i}" });
            evt["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = "urn:epc:id:pgln:6901234.00000" });
            evt["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = "urn:epc:id:pgln:6901235.00000" });
            if (i % 10 == 0)
            {
                evt["sensorElementList"] = new JsonArray(new JsonObject
                {
                    ["sensorMetadata"] = new JsonObject { ["time"] = "2026-11-12T06:00:00+08:00", ["deviceID"] = "urn:epc:id:giai:6901234.77" },
                    ["sensorReport"] = new JsonArray(new JsonObject { ["type"] = "Temperature", ["value"] = 3.5 + i % 5, ["uom"] = "CEL" }),
                });
            }
            evt["ls:batchNote"] = "螺蛳粉 production run " + serial;
            evt["ls:line"] = new JsonObject { ["ls:number"] = i % 4, ["ls:shift"] = "night" };
            yield return evt;
        }
    }

    /// <summary>Samples the managed heap every few milliseconds while alive; reports the peak.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _task;
        private long _peak;

        public HeapSampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            StartMiB = GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0;
            _task = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, GC.GetGCMemoryInfo().HeapSizeBytes);
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                    try { await Task.Delay(5, _stop.Token); } catch (OperationCanceledException) { }
                }
            });
        }

        public double StartMiB { get; }

        public double PeakMiB => Math.Max(_peak, GC.GetTotalMemory(false)) / 1_048_576.0;

        public void Dispose()
        {
            _stop.Cancel();
            _task.Wait();
        }
    }
}
