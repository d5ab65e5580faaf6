using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Gs1;
using Traceability.Domain.Tests.Gs1;

namespace Traceability.Domain.Tests.Xml;

/// <summary>
/// Valid EPCIS 2.0 events of every type, as stored (each with its own @context), with every kind of field:
/// identifiers as URNs and Digital Links, quantities of any scale, CBV terms and custom URIs, sensor data,
/// error declarations, ILMD, and user extensions nested with numbers, booleans, nulls and awkward text.
/// </summary>
internal static class EventGens
{
    public const string Ex = "https://ns.example.com/ex/";
    public const string Ex2 = "urn:example:ns2:";

    private static readonly string[] BizSteps = ["shipping", "receiving", "commissioning", "inspecting", "packing"];
    private static readonly string[] Dispositions = ["in_transit", "in_progress", "active", "conformant", "non_conformant"];

    private static readonly Gen<string> Serial = Gen.Char["0123456789ABCDEFabcdef"].Array[1, 12].Select(c => new string(c));

    private static readonly Gen<string> Instance = Gen.OneOf(
        Serial.Select(s => "urn:epc:id:sgtin:9521141.001234." + s),
        Gs1Gens.Sscc.Select(s => new SsccLink(s).ToUri()),
        Gen.Select(Gs1Gens.Gtin, Gs1Gens.Serial, (g, s) => new GtinLink(g, serial: s).ToUri()));

    private static readonly Gen<string> Class = Gen.OneOf(
        Serial.Select(s => "urn:epc:class:lgtin:9521141.001234." + s),
        Gen.Select(Gs1Gens.Gtin, Gs1Gens.Lot, (g, l) => new GtinLink(g, l).ToUri()));

    private static readonly Gen<string> Location = Gen.OneOf(
        Gen.Int[0, 99999].Select(n => $"urn:epc:id:sgln:9521141.00001.{n}"),
        Gs1Gens.Gln.Select(g => new LocationLink(g).ToUri()));

    private static readonly Gen<string> Time = Gen.Select(Gen.Int[0, 2_000_000_000], Gen.Int[-12, 14], Gen.Int[0, 3],
        (seconds, hours, precision) =>
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(seconds % 1000).ToOffset(TimeSpan.FromHours(hours));
            var fraction = precision == 0 ? "" : "." + new string('f', precision);
            return time.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction, CultureInfo.InvariantCulture) + (hours == 0 ? "Z" : time.ToString("zzz", CultureInfo.InvariantCulture));
        });

    private static readonly Gen<decimal> Amount = Gen.Select(Gen.Long[0, 99_999_999], Gen.Int[0, 4], (n, scale) => new decimal(n) / Pow10(scale));

    /// <summary>Text, including markup characters, CJK, an emoji, and inner (never outer) spaces.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char["abcXYZ 0123<>&\"'=;/:#螺蛳粉"].Array[1, 16].Select(c => new string(c).Trim()),
        Gen.Const("🍜 noodles"), Gen.Const(""), Gen.Const("10"), Gen.Const("true"));

    private static readonly Gen<string> ExtensionKey = Gen.Select(Gen.OneOf(Gen.Const("ex:"), Gen.Const("ex2:")),
        Gen.Char["abcdefgh"].Array[1, 5], (prefix, name) => prefix + new string(name));

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf<JsonNode?>(
        Text.Select(t => (JsonNode?)t),
        Gen.Int[-1000, 1000].Select(i => (JsonNode?)i),
        Amount.Select(d => (JsonNode?)d),
        Gen.Bool.Select(b => (JsonNode?)b),
        Gen.Const((JsonNode?)null));

    /// <summary>A user extension value: scalars, arrays of two or more, objects with prefixed and bare keys.</summary>
    public static readonly Gen<JsonNode?> ExtensionValue = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, self.Array[2, 3].Select(items => (JsonNode?)new JsonArray(items.Where(i => i is not JsonArray).ToArray()))),
            (2, Gen.Select(ExtensionKey.Array[1, 4], self.Array[4], Text, Gen.Bool, (keys, values, text, withText) =>
            {
                var obj = new JsonObject();
                for (var i = 0; i < keys.Length; i++)
                    obj[i % 2 == 0 ? keys[i] : keys[i].Split(':')[1]] = values[i] is JsonArray a && a.Count == 0 ? null : values[i]?.DeepClone();
                if (withText && text.Length > 0)
                    obj["@value"] = text;
                return (JsonNode?)obj;
            }))));

    private static readonly Gen<JsonObject> Extensions = Gen.Select(ExtensionKey.Array[0, 3], ExtensionValue.Array[3], (keys, values) =>
    {
        var obj = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
            obj[keys[i]] = values[i]?.DeepClone();
        return obj;
    });

    private static readonly Gen<JsonArray> Quantities = Gen.Select(Class, Amount, Gen.Bool, (c, q, uom) =>
        uom ? new JsonObject { ["epcClass"] = c, ["quantity"] = q, ["uom"] = "KGM" } : new JsonObject { ["epcClass"] = c, ["quantity"] = q })
        .Array[1, 3].Select(items => new JsonArray(items.Select(i => (JsonNode?)i).ToArray()));

    private static readonly Gen<JsonArray> Sensors = Gen.Select(Time, Gen.Double[-40, 60], Gen.Bool, Text, (time, value, withExtension, note) =>
    {
        var report = new JsonObject { ["type"] = "Temperature", ["value"] = Math.Round(value, 2), ["uom"] = "CEL", ["component"] = "x" };
        var element = new JsonObject
        {
            ["sensorMetadata"] = new JsonObject { ["time"] = time, ["deviceID"] = "urn:epc:id:giai:4000001.111" },
            ["sensorReport"] = new JsonArray(report, new JsonObject { ["exception"] = "ALARM_CONDITION", ["booleanValue"] = true }),
        };
        if (withExtension)
        {
            report["ex:note"] = note;
            element["ex:raw"] = new JsonObject { ["ex:reading"] = 12.5m, ["unit"] = "CEL" };
        }
        return new JsonArray(element);
    });

    /// <summary>A complete event of any type, with its own @context.</summary>
    public static readonly Gen<JsonObject> Event = Gen.Select(
        Gen.Int[0, 4], Gen.Select(Time, Instance.Array[1, 3], Class, Location, Gen.Int[0, 2]),
        Gen.Select(Gen.Int[0, 31], Quantities, Sensors, Extensions, Extensions),
        Gen.Select(Text, Gen.Int[0, 4], Gen.Int[0, 4], Gen.Bool),
        Build);

    private static JsonObject Build(int type,
        (string Time, string[] Instances, string Class, string Location, int Action) what,
        (int Flags, JsonArray Quantities, JsonArray Sensors, JsonObject Extensions, JsonObject Ilmd) extras,
        (string Text, int Step, int Disposition, bool CustomStep) choice)
    {
        var (flags, quantities, sensors, extensions, ilmd) = extras;
        var action = what.Action switch { 0 => "ADD", 1 => "OBSERVE", _ => "DELETE" };
        var evt = new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", new JsonObject { ["ex"] = Ex, ["ex2"] = Ex2 }),
            ["type"] = TypeNames[type],
            ["eventTime"] = what.Time,
            ["eventTimeZoneOffset"] = what.Time.EndsWith('Z') ? "+00:00" : what.Time[^6..],
        };
        var epcs = new JsonArray(what.Instances.Distinct().Select(i => (JsonNode?)i).ToArray());
        switch (TypeNames[type])
        {
            case "ObjectEvent":
                evt["epcList"] = epcs;
                evt["action"] = action;
                if ((flags & 1) != 0) evt["quantityList"] = quantities;
                if (action == "ADD" && (flags & 2) != 0) evt["ilmd"] = WithKey(ilmd, "cbvmda:lotNumber", "LOT-1");
                break;
            case "AggregationEvent" or "AssociationEvent":
                evt["parentID"] = "urn:epc:id:sscc:9521141.0000000001";
                evt["childEPCs"] = epcs;
                evt["action"] = action;
                if ((flags & 1) != 0) evt["childQuantityList"] = quantities;
                break;
            case "TransactionEvent":
                evt["epcList"] = epcs;
                evt["action"] = action;
                if ((flags & 1) != 0) evt["quantityList"] = quantities;
                break;
            default:
                evt["inputEPCList"] = epcs;
                evt["outputQuantityList"] = quantities;
                if ((flags & 1) != 0) evt["transformationID"] = "urn:uuid:" + Guid.NewGuid();
                if ((flags & 2) != 0) evt["ilmd"] = WithKey(ilmd, "cbvmda:lotNumber", "LOT-2");
                break;
        }
        evt["bizStep"] = choice.CustomStep ? "https://example.com/steps/" + BizSteps[choice.Step] : BizSteps[choice.Step];
        evt["disposition"] = Dispositions[choice.Disposition];
        evt["readPoint"] = (flags & 4) != 0 ? new JsonObject { ["id"] = what.Location, ["ex:door"] = choice.Text } : new JsonObject { ["id"] = what.Location };
        evt["bizLocation"] = new JsonObject { ["id"] = what.Location };
        evt["bizTransactionList"] = new JsonArray(
            new JsonObject { ["type"] = "po", ["bizTransaction"] = "urn:epcglobal:cbv:bt:9521141000009:PO-" + choice.Step },
            new JsonObject { ["bizTransaction"] = "https://example.com/orders/" + choice.Disposition });
        if ((flags & 8) != 0)
        {
            evt["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = "urn:epc:id:pgln:9521141.00000" });
            evt["destinationList"] = new JsonArray(new JsonObject { ["type"] = "location", ["destination"] = what.Location });
            evt["persistentDisposition"] = new JsonObject { ["set"] = new JsonArray("completeness_verified"), ["unset"] = new JsonArray("completeness_inferred") };
            evt["certificationInfo"] = (flags & 1) != 0 ? "https://cert.example.com/1" : new JsonArray("https://cert.example.com/1", "urn:example:cert:2");
        }
        if ((flags & 16) != 0)
        {
            evt["sensorElementList"] = sensors;
            evt["errorDeclaration"] = new JsonObject
            {
                ["declarationTime"] = what.Time,
                ["reason"] = "incorrect_data",
                ["correctiveEventIDs"] = new JsonArray("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8"),
                ["ex:why"] = choice.Text,
            };
        }
        foreach (var (key, value) in extensions)
            evt[key] = value?.DeepClone();
        return evt;
    }

    private static JsonObject WithKey(JsonObject obj, string key, string value)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy[key] = value;
        return copy;
    }

    private static readonly string[] TypeNames = ["ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent"];

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
            p *= 10;
        return p;
    }
}
