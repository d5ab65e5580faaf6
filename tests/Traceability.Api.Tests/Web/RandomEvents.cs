using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// Messy EPCIS events for comparing the JS and C# event hashes: every standard field in right and wrong shapes,
/// every identifier syntax (EPC URIs of all schemes, Digital Links on any host, broken ones), timestamps and numbers
/// at and beyond their edges, bare and compact vocabulary, extensions under defined and undefined prefixes, @vocab,
/// comments, ignoreFields, and strings with whitespace and characters outside the basic plane. Seeded, so a failing
/// seed reproduces. Long because it is one generator whose parts share the seeded random source and vocabulary tables.
/// </summary>
internal sealed class RandomEvents(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] EventTypes = ["ObjectEvent", "AggregationEvent", "TransformationEvent", "TransactionEvent", "AssociationEvent", " ObjectEvent ", "Unknown"];

    private static readonly string[] TrickyText =
    [
        "", " ", "  shipping ", "\u0085x\u0085", "\uFEFFx", "\u3000y\u3000", "\u180Ez", "\u200Bw", "😀", "ﬁ", "\uE000", "A😀B", "中文批次",
        "007", "2.50", "1e3", "-0.0", ".5", "5.", "+5", "1e400", "1e-400", "0x10", "1,5", "NaN", "Infinity", "true", "-", "1e", "1.2.3",
        "0.1", "123456789012345678901234567890", "1E-7", "9007199254740993", "0.000123", "1234567890123456.7",
    ];

    private static readonly string[] Prefixes = ["example", "ex2", "undefinedprefix", "cbv", "gs1", "rdfs", "epcis", "https", "urn"];

    private static readonly string[] BareWords =
    [
        "shipping", "receiving", "inspecting", "in_transit", "conformant", "non_conformant", "po", "desadv", "owning_party",
        "location", "Temperature", "ALARM_CONDITION", "x", "latitude", "exampling", "Shipping", "OBSERVE", "ADD", "DELETE",
    ];

    public int Seed { get; } = seed;

    /// <summary>An event and the document (or bare context, or nothing) it is hashed with.</summary>
    public (JsonObject Event, JsonNode? Context) Next()
    {
        var context = Pick(3) switch
        {
            0 => null,
            1 => (JsonNode)Document(),
            _ => ContextObject(),
        };
        return (Event(), context);
    }

    private JsonObject Event()
    {
        var e = new JsonObject();
        if (Chance(95)) e["type"] = One(EventTypes);
        if (Chance(90)) e["eventTime"] = Timestamp();
        if (Chance(70)) e["eventTimeZoneOffset"] = One("+02:00", "-06:00", "Z", " +08:00", Text());
        if (Chance(15)) e["certificationInfo"] = One<JsonNode>(Identifier(), new JsonArray(Identifier(), Identifier()));
        foreach (var list in new[] { "epcList", "inputEPCList", "childEPCs", "outputEPCList" })
        {
            if (Chance(30)) e[list] = ValueList(Identifier);
        }
        if (Chance(20)) e["parentID"] = Identifier();
        foreach (var list in new[] { "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" })
        {
            if (Chance(25)) e[list] = Many(QuantityElement, 0, 3);
        }
        if (Chance(80)) e["action"] = One("OBSERVE", "ADD", "DELETE", " ADD ", Text());
        if (Chance(15)) e["transformationID"] = Identifier();
        if (Chance(70)) e["bizStep"] = Vocabulary("bizstep", "BizStep");
        if (Chance(60)) e["disposition"] = Vocabulary("disp", "Disp");
        if (Chance(20)) e["persistentDisposition"] = new JsonObject { ["set"] = ValueList(() => Vocabulary("disp", "Disp")), ["unset"] = ValueList(() => Vocabulary("disp", "Disp")) };
        if (Chance(50)) e["readPoint"] = Location();
        if (Chance(50)) e["bizLocation"] = Location();
        if (Chance(25)) e["sensorElementList"] = Many(SensorElement, 0, 2);
        if (Chance(30)) e["bizTransactionList"] = Parties("bizTransaction", "btt", "BTT");
        if (Chance(30)) e["sourceList"] = Parties("source", "sdt", "SDT");
        if (Chance(30)) e["destinationList"] = Parties("destination", "sdt", "SDT");
        if (Chance(25)) e["ilmd"] = Chance(80) ? ExtensionObject(2) : Value();
        if (Chance(20)) e["@context"] = Chance(50) ? ContextObject() : new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", ContextObject());
        if (Chance(20)) e["eventID"] = "ni:///sha-256;" + new string('0', 64) + "?ver=CBV2.0";
        if (Chance(20)) e["recordTime"] = Timestamp();
        if (Chance(10)) e["errorDeclaration"] = new JsonObject { ["declarationTime"] = Timestamp(), ["reason"] = "incorrect_data" };
        var extensions = Pick(4);
        for (var i = 0; i < extensions; i++)
        {
            var name = ExtensionName();
            if (!e.ContainsKey(name)) e[name] = ExtensionValue(2);
        }
        return e;
    }

    private JsonObject Document()
    {
        var document = new JsonObject
        {
            ["@context"] = Chance(80) ? new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", ContextObject()) : ContextObject(),
            ["type"] = "EPCISDocument",
        };
        if (Chance(30))
        {
            var ignored = new JsonArray(Many<string>(() => One("example:f", "ex2:g", "sourceList", "bizStep", "plain", "example:nested"), 1, 3)
                .Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            if (Chance(50)) document["ex2:ignoreFields"] = ignored;
            else document["epcisBody"] = new JsonObject { ["example:ignoreFields"] = ignored };
        }
        return document;
    }

    private JsonObject ContextObject()
    {
        var context = new JsonObject();
        if (Chance(80)) context["example"] = "https://ns.example.com/epcis/";
        if (Chance(60)) context["ex2"] = Chance(50) ? "https://ex2.example.org/voc#" : new JsonObject { ["@id"] = "https://ex2.example.org/voc#" };
        if (Chance(20)) context["@vocab"] = Chance(80) ? "https://vocab.example.org/" : 5;
        if (Chance(15)) context["plain"] = "https://terms.example.org/plainTerm";
        if (Chance(10)) context["cbv"] = "https://override.example/cbv/";
        if (Chance(10)) context["numeric"] = 7;
        return context;
    }

    // ---- values ----

    private string Timestamp()
    {
        if (Chance(10)) return Text();
        string D(int digits, int max) => _random.Next(0, max + 1).ToString(new string('0', digits), CultureInfo.InvariantCulture);
        var year = One("0000", "0001", "1970", "2024", "2026", "9999", D(4, 9999));
        var month = Chance(90) ? D(2, 12) : One("00", "13");
        var day = Chance(90) ? D(2, 28) : One("00", "29", "30", "31", "32");
        var hour = Chance(90) ? D(2, 23) : "24";
        var minute = Chance(95) ? D(2, 59) : "60";
        var second = Chance(95) ? D(2, 59) : "60";
        var separator = One("T", "T", "T", "t", " ", "x");
        var fraction = Pick(4) switch
        {
            0 => "",
            1 => "." + string.Concat(Enumerable.Range(0, 1 + Pick(9)).Select(_ => (char)('0' + Pick(10)))),
            2 => "." + One("9995", "9994", "0005", "4999", "5", "999", "9999999"),
            _ => One(",5", ".", ",123"),
        };
        var offset = Pick(6) switch
        {
            0 => "",
            1 => One("Z", "z"),
            2 => One("+", "-") + D(2, 15) + ":" + D(2, 60),
            3 => One("+", "-") + D(2, 14) + D(2, 59),
            4 => One("+", "-") + D(2, 14),
            _ => One("+1:00", "+14:00", "-14:00", "+14:01", "GMT", "+05:30:00"),
        };
        var text = $"{year}-{month}-{day}{separator}{hour}:{minute}:{second}{fraction}{offset}";
        return Chance(10) ? " " + text + "\u3000" : text;
    }

    private JsonNode Number() => Pick(8) switch
    {
        0 => JsonValue.Create(_random.Next(-1000, 100000)),
        1 => JsonValue.Create(Math.Round(_random.NextDouble() * 1000, Pick(6))),
        2 => JsonValue.Create((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-12, 25))),
        3 => JsonValue.Create(BitConverter.Int64BitsToDouble(_random.NextInt64()) is var d && double.IsFinite(d) ? d : 1.5),
        _ => JsonNode.Parse(One("1.0", "0.50", "-0", "-0.0", "1e400", "-1e400", "1E+2", "1e-5", "0.00001", "123456789012345678901234567890", "5e-324", "1.7976931348623157e308", "12345678901234567890", "0.1", "100", "2.5e-3", "1e21", "1e16", "9999999999999999"))!,
    };

    private string Text() => Pick(3) == 0 ? One(TrickyText) : RandomString();

    private string RandomString()
    {
        var sb = new StringBuilder();
        var length = Pick(12);
        for (var i = 0; i < length; i++)
        {
            sb.Append(Pick(12) switch
            {
                0 => One("\u0085", "\u00A0", "\uFEFF", "\u2028", "\u3000", "\t", " "),
                1 => One("😀", "𝄞", "\uE000", "\uFFFD", "é", "中", "ﬁ"),
                2 => One("%", "%2F", "%C3%A9", "%ZZ", "/", ":", "#", "?", "."),
                _ => (char)One<int>('a' + Pick(26), 'A' + Pick(26), '0' + Pick(10), '-', '_'),
            });
        }
        return sb.ToString();
    }

    private JsonNode Value() => Pick(10) switch
    {
        0 or 1 or 2 => Text(),
        3 => Number(),
        4 => JsonValue.Create(Chance(50)),
        5 => Identifier(),
        6 => One(BareWords),
        7 => Timestamp(),
        8 => One("example:cold", "gs1:Temperature", "cbv:BizStep-shipping", "undefinedprefix:x", "ex2:term", "urn:epcglobal:cbv:disp:in_transit", "https://x"),
        _ => Text(),
    };

    private JsonNode? ValueOrNull() => Chance(8) ? null : Value();

    private JsonArray ValueList(Func<JsonNode> item)
    {
        var list = new JsonArray();
        var count = Pick(4);
        for (var i = 0; i < count; i++) list.Add(Chance(5) ? null : Chance(5) ? ExtensionObject(1) : item());
        return list;
    }

    private JsonNode Vocabulary(string urnKind, string webPrefix)
    {
        var word = One(BareWords);
        return Pick(8) switch
        {
            0 => word,
            1 => " " + word + " ",
            2 => $"urn:epcglobal:cbv:{urnKind}:{word}",
            3 => $"https://ref.gs1.org/cbv/{webPrefix}-{word}",
            4 => $"cbv:{webPrefix}-{word}",
            5 => Chance(50) ? new JsonArray(word, $"cbv:{webPrefix}-{word}") : ExtensionObject(1),
            _ => Value(),
        };
    }

    private JsonNode QuantityElement()
    {
        if (Chance(10)) return Value();
        var q = new JsonObject();
        if (Chance(90)) q["epcClass"] = Identifier();
        if (Chance(85)) q["quantity"] = Chance(70) ? Number() : Value();
        if (Chance(50)) q["uom"] = One("KGM", "EA", " LTR ", "MTR", Text());
        if (Chance(15)) q[ExtensionName()] = ExtensionValue(1);
        return q;
    }

    private JsonNode Location()
    {
        if (Chance(25)) return Identifier();
        var l = new JsonObject();
        if (Chance(90)) l["id"] = Identifier();
        if (Chance(25)) l[ExtensionName()] = ExtensionValue(1);
        return l;
    }

    private JsonArray Parties(string idName, string urnKind, string webPrefix)
    {
        var list = new JsonArray();
        var count = Pick(4);
        for (var i = 0; i < count; i++)
        {
            if (Chance(10))
            {
                list.Add(Value());
                continue;
            }
            var p = new JsonObject();
            if (Chance(80)) p["type"] = Vocabulary(urnKind, webPrefix);
            if (Chance(90)) p[idName] = Identifier();
            if (Chance(10)) p[ExtensionName()] = ExtensionValue(1);
            list.Add(p);
        }
        return list;
    }

    private JsonNode SensorElement()
    {
        var element = new JsonObject();
        if (Chance(70))
        {
            var metadata = new JsonObject();
            foreach (var name in new[] { "time", "startTime", "endTime" }) if (Chance(40)) metadata[name] = Timestamp();
            foreach (var name in new[] { "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules" }) if (Chance(25)) metadata[name] = Chance(60) ? Identifier() : Value();
            if (Chance(20)) metadata[ExtensionName()] = ExtensionValue(1);
            element["sensorMetadata"] = metadata;
        }
        if (Chance(90)) element["sensorReport"] = Many(SensorReport, 0, 3);
        if (Chance(15)) element[ExtensionName()] = ExtensionValue(1);
        return element;
    }

    private JsonNode SensorReport()
    {
        var report = new JsonObject();
        if (Chance(80)) report["type"] = One<JsonNode>("Temperature", "gs1:Temperature", "RelativeHumidity", "https://gs1.org/voc/Mass", "Bogus", Value());
        if (Chance(15)) report["exception"] = One<JsonNode>("ALARM_CONDITION", "ERROR_CONDITION", "gs1:ALARM_CONDITION", Value());
        if (Chance(15)) report["component"] = One<JsonNode>("x", "latitude", "cbv:Comp-y", Value());
        if (Chance(15)) report["time"] = Timestamp();
        foreach (var name in new[] { "deviceID", "microorganism", "chemicalSubstance", "uriValue", "stringValue", "hexBinaryValue", "coordinateReferenceSystem" })
        {
            if (Chance(12)) report[name] = Chance(50) ? Identifier() : Value();
        }
        foreach (var name in new[] { "value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue" })
        {
            if (Chance(20)) report[name] = Chance(75) ? Number() : Value();
        }
        if (Chance(15)) report["booleanValue"] = Chance(70) ? JsonValue.Create(Chance(50)) : Value();
        if (Chance(40)) report["uom"] = One("CEL", "KGM", "P1", Text());
        if (Chance(20)) report[ExtensionName()] = ExtensionValue(1);
        return report;
    }

    // ---- extensions ----

    private string ExtensionName() => Pick(10) switch
    {
        0 => "comment",
        1 => "rdfs:comment",
        2 => "plain",
        3 => "https://full.example.org/ns#" + One("x", "y"),
        4 => "urn:example:field",
        5 => "ex2:ignoreFields",
        6 => ":odd",
        _ => One(Prefixes) + ":" + One("f", "g", "nested", "value", "时间", "ignoreMe"),
    };

    private JsonNode? ExtensionValue(int depth) => Pick(depth > 0 ? 8 : 5) switch
    {
        0 or 1 or 2 => Value(),
        3 => null,
        4 => Chance(50) ? Identifier() : Timestamp(),
        5 or 6 => ExtensionObject(depth - 1),
        _ => new JsonArray(Many<JsonNode?>(() => ExtensionValue(depth - 1), 0, 3).ToArray()),
    };

    private JsonObject ExtensionObject(int depth)
    {
        var o = new JsonObject();
        var count = Pick(4);
        for (var i = 0; i < count; i++)
        {
            var name = Chance(10) ? "@context" : ExtensionName();
            if (!o.ContainsKey(name)) o[name] = ExtensionValue(Math.Max(depth, 0));
        }
        return o;
    }

    // ---- identifiers ----

    private JsonNode Identifier() => Pick(10) switch
    {
        0 or 1 or 2 or 3 => EpcUri(),
        4 or 5 or 6 => DigitalLink(),
        7 => One("urn:epcglobal:cbv:bt:0614141073467:1152", "urn:epcglobal:cbv:bizstep:shipping", "urn:epcglobal:cbv:er:x", "urn:epc:id:unknown:1.2.3", "urn:example:x", "urn:epc:", "urn:epc:id:sgtin", "http://", "https://example.com", "https://example.com/", "example:cold", "HTTP://ID.GS1.ORG/01/09506000134352"),
        8 => Value(),
        _ => Chance(50) ? EpcUri() : DigitalLink(),
    };

    private string Digits(int count) => string.Concat(Enumerable.Range(0, Math.Max(count, 0)).Select(_ => (char)('0' + Pick(10))));

    private int Jiggle(int length) => Chance(85) ? length : length + One(-1, 1, 2);

    // Lengths cluster at the limits (max - 1, max, max + 1), where the validation rules of the hash draw their lines.
    private string Component(int maxLength) => Pick(6) switch
    {
        0 => Digits(One(1, maxLength - 1, maxLength, maxLength + 1, 1 + Pick(maxLength))),
        5 => new string('A', One(maxLength, maxLength + 1)),
        1 => One("ABC-1", "A%2F1", "x%25y", "%22q%22", "0", "lot.1.2", "a:b;c=d", "%", "%4", "é", "a b", "*", "A%E9"),
        _ => string.Concat(Enumerable.Range(0, 1 + Pick(maxLength)).Select(_ => "ABCxyz0123456789-._!'()*+,:;="[Pick(29)])),
    };

    private string EpcUri()
    {
        var cp = Digits(Chance(90) ? 6 + Pick(7) : One(5, 13));
        string Ref(int total) => Digits(Jiggle(total - cp.Length));
        var scheme = Pick(16);
        var pattern = Chance(15);
        var kind = pattern ? "idpat" : "id";
        return scheme switch
        {
            0 or 1 => $"urn:epc:{kind}:sgtin:{cp}.{Ref(13)}.{(pattern ? "*" : Component(20))}",
            2 or 3 => $"urn:epc:class:lgtin:{cp}.{Ref(13)}.{Component(20)}",
            4 => $"urn:epc:id:sscc:{cp}.{Ref(17)}",
            5 => $"urn:epc:id:sgln:{cp}.{Ref(12)}.{(Chance(40) ? "0" : Component(20))}",
            6 => $"urn:epc:id:pgln:{cp}.{Ref(12)}",
            7 => $"urn:epc:{kind}:grai:{cp}.{Ref(12)}.{(pattern ? "*" : Component(16))}",
            8 => $"urn:epc:id:giai:{cp}.{Component(30 - cp.Length)}",
            9 => $"urn:epc:id:{One("gsrn", "gsrnp")}:{cp}.{Ref(17)}",
            10 => $"urn:epc:{kind}:gdti:{cp}.{Ref(12)}.{(pattern ? "*" : Component(17))}",
            11 => $"urn:epc:{kind}:sgcn:{cp}.{Ref(12)}.{(pattern ? "*" : Digits(1 + Pick(12)))}",
            12 => $"urn:epc:{kind}:cpi:{cp}.{One("123", "ABC-1/2", "a", "1#2")}.{(pattern ? "*" : Digits(1 + Pick(12)))}",
            13 => $"urn:epc:id:{One("ginc", "gsin")}:{cp}.{(Chance(50) ? Ref(16) : Component(10))}",
            14 => $"urn:epc:{kind}:itip:{cp}.{Ref(13)}.{Digits(2)}.{Digits(Jiggle(2))}.{(pattern ? "*" : Component(20))}",
            _ => $"urn:epc:{kind}:upui:{cp}.{Ref(13)}.{(pattern ? "*" : Component(28))}",
        };
    }

    private string DigitalLink()
    {
        var host = One("https://id.gs1.org", "http://example.com", "HTTPS://Brand.Example/prefix/path", "https://x.y/a/b", "https://id.gs1.org/", "hTTp://h");
        var gtin = Digits(One(8, 12, 13, 14, 14, 14, 11));
        var (key, value, qualifiers) = Pick(12) switch
        {
            0 or 1 or 2 or 3 => (One("01", "01", "gtin"), gtin, new[] { "10", "21", "22", "235", "lot", "ser", "cpv", "17" }),
            4 => ("00", Digits(Jiggle(18)), Array.Empty<string>()),
            5 => (One("414", "gln"), Digits(Jiggle(13)), new[] { "254" }),
            6 => ("417", Digits(Jiggle(13)), Array.Empty<string>()),
            7 => ("8003", "0" + Digits(13) + Component(16), Array.Empty<string>()),
            8 => (One("8004", "401"), Digits(6) + Component(20), Array.Empty<string>()),
            9 => (One("253", "255"), Digits(13) + Digits(Pick(12)), Array.Empty<string>()),
            10 => ("8006", Digits(Jiggle(18)), new[] { "10", "21" }),
            _ => (One("8010", "402", "8017", "8018"), Digits(One(16, 17, 18, 10)), new[] { "8011" }),
        };
        var path = new StringBuilder($"/{key}/{Encode(value)}");
        var count = qualifiers.Length == 0 ? 0 : Pick(3);
        for (var i = 0; i < count; i++)
            path.Append('/').Append(One(qualifiers)).Append('/').Append(Encode(Component(One(12, 20, 28))));
        if (Chance(10)) path.Append('/');
        if (Chance(5)) path.Append("//");
        var suffix = Pick(5) switch { 0 => "?17=251231&linkType=all", 1 => "#frag", _ => "" };
        return host.TrimEnd('/') + path + suffix;
    }

    private string Encode(string value) => Pick(3) switch
    {
        0 => Uri.EscapeDataString(value),
        _ => value.Replace("/", "%2F", StringComparison.Ordinal),
    };

    // ---- randomness ----

    private int Pick(int count) => _random.Next(count);

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T One<T>(params T[] items) => items[_random.Next(items.Length)];

    private List<T> Many<T>(Func<T> item, int min, int max)
    {
        var count = _random.Next(min, max + 1);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++) list.Add(item());
        return list;
    }

    private JsonArray Many(Func<JsonNode> item, int min, int max) => new(Many<JsonNode>(item, min, max).Select(n => (JsonNode?)n).ToArray());
}
