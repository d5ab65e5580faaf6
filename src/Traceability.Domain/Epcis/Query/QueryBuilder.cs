using System.Globalization;
using System.Text.RegularExpressions;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// Turns parameters into an <see cref="EpcisEventQuery"/> one at a time: the standard fields here, sensor and
/// extension-field families in <see cref="SensorConditions"/> and <see cref="ExtensionConditions"/>. Collects every
/// error before failing, so one answer names every parameter that was not accepted.
/// </summary>
internal sealed partial class QueryBuilder(IReadOnlyDictionary<string, string> prefixes)
{
    private static readonly HashSet<string> EventTypeNames = Enum.GetNames<EventType>().ToHashSet(StringComparer.Ordinal);
    private readonly List<EventCondition> _conditions = [];
    private readonly List<FieldError> _errors = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private EpcisEventQuery _query = new();
    private string? _orderDirection;

    public void Add(string name, IReadOnlyList<string> values)
    {
        if (!_seen.Add(name))
        {
            Error(name, "given twice; give one list");
            return;
        }
        if (values.Count == 0 || (values.Any(v => v.Length == 0) && !name.StartsWith("EXISTS_", StringComparison.Ordinal)))
        {
            Error(name, "needs a value");
            return;
        }
        if (!AddStandard(name, values) && !SensorConditions.TryAdd(this, name, values) && !ExtensionConditions.TryAdd(this, name, values))
            Error(name, UnsupportedReason(name) ?? "not an EPCIS 2.0 query parameter");
    }

    public EpcisEventQuery Build()
    {
        if (_query.EventCountLimit is not null && _query.OrderBy == QueryOrder.None)
            Error("eventCountLimit", "may only be used with orderBy (the first N in which order?)");
        if (_query.EventCountLimit is not null && _query.MaxEventCount is not null)
            Error("maxEventCount", "eventCountLimit and maxEventCount are mutually exclusive");
        if (_errors.Count > 0) throw EventQueryParser.Problem(_errors);
        var descending = _query.OrderBy != QueryOrder.None && _orderDirection != "ASC";
        return _query with { Conditions = _conditions.ToList(), Descending = descending };
    }

    internal IReadOnlyDictionary<string, string> Prefixes => prefixes;

    internal void Error(string name, string message) => _errors.Add(new FieldError(name, message));

    internal void Condition(EventCondition condition) => _conditions.Add(condition);

    private bool AddStandard(string name, IReadOnlyList<string> values)
    {
        switch (name)
        {
            case "eventType":
                foreach (var bad in values.Where(v => !EventTypeNames.Contains(v) && !IsUri(v))) Error(name, $"{JsonValues.Quote(bad)} is not an EPCIS event type");
                _query = _query with { EventTypes = values };
                Condition(e => values.Contains(JsonValues.StringOrNull(e.Json["type"]) ?? "", StringComparer.Ordinal));
                return true;
            case "GE_eventTime" or "LT_eventTime":
                if (Time(name, values) is not { } eventTime) return true;
                var ge = name[0] == 'G';
                _query = ge ? _query with { GeEventTime = eventTime } : _query with { LtEventTime = eventTime };
                Condition(e => ge ? e.Model.EventTime >= eventTime : e.Model.EventTime < eventTime);
                return true;
            case "GE_recordTime" or "LT_recordTime":
                if (Time(name, values) is not { } recordTime) return true;
                var from = name[0] == 'G';
                _query = from ? _query with { GeRecordTime = recordTime } : _query with { LtRecordTime = recordTime };
                Condition(e => from ? e.RecordTime >= recordTime : e.RecordTime < recordTime);
                return true;
            case "EQ_action":
                foreach (var bad in values.Where(v => v is not ("ADD" or "OBSERVE" or "DELETE"))) Error(name, $"{JsonValues.Quote(bad)} is not ADD, OBSERVE or DELETE");
                Condition(e => e.Model.Action is { } a && values.Contains(a, StringComparer.Ordinal));
                return true;
            case "EQ_bizStep":
                var steps = values.Select(v => EventQueryParser.CbvUri(CbvVocabulary.BizStep, v)).ToList();
                _query = _query with { BizSteps = steps };
                Condition(e => e.Model.BizStep is { } s && steps.Contains(s, StringComparer.Ordinal));
                return true;
            case "EQ_disposition":
                var dispositions = values.Select(v => EventQueryParser.CbvUri(CbvVocabulary.Disposition, v)).ToList();
                _query = _query with { Dispositions = dispositions };
                Condition(e => e.Model.Disposition is { } d && dispositions.Contains(d, StringComparer.Ordinal));
                return true;
            case "EQ_persistentDisposition_set" or "EQ_persistentDisposition_unset":
                var wanted = values.Select(v => EventQueryParser.CbvUri(CbvVocabulary.Disposition, v)).ToHashSet(StringComparer.Ordinal);
                var part = name.EndsWith("_set", StringComparison.Ordinal) ? "set" : "unset";
                Condition(e => QueryValues.Scalars(e.Json["persistentDisposition"]?[part])
                    .Any(v => JsonValues.StringOrNull(v) is { } d && wanted.Contains(EventQueryParser.CbvUri(CbvVocabulary.Disposition, d))));
                return true;
            case "EQ_readPoint" or "WD_readPoint":
                // WD_ also takes descendants by master data; this repository keeps no location hierarchy, so it is EQ_.
                var readPoints = values.Select(EventQueryParser.Canonical).ToList();
                if (_query.ReadPoints.Count == 0) _query = _query with { ReadPoints = readPoints };
                Condition(e => e.Model.ReadPoint is { } rp && readPoints.Contains(EventQueryParser.Canonical(rp), StringComparer.Ordinal));
                return true;
            case "EQ_bizLocation" or "WD_bizLocation":
                var locations = values.Select(EventQueryParser.Canonical).ToList();
                if (_query.BizLocations.Count == 0) _query = _query with { BizLocations = locations };
                Condition(e => e.Model.BizLocation is { } bl && locations.Contains(EventQueryParser.Canonical(bl), StringComparer.Ordinal));
                return true;
            case "EQ_transformationID":
                Condition(e => e.Model.TransformationId is { } t && values.Contains(t, StringComparer.Ordinal));
                return true;
            case "MATCH_epc" or "MATCH_parentID" or "MATCH_inputEPC" or "MATCH_outputEPC" or "MATCH_anyEPC":
                MatchInstances(name, values);
                return true;
            case "MATCH_epcClass" or "MATCH_inputEPCClass" or "MATCH_outputEPCClass" or "MATCH_anyEPCClass":
                MatchClasses(name, values);
                return true;
            case "EQ_eventID":
                _query = _query with { EventIds = values };
                Condition(e => values.Contains(e.StoredEventId, StringComparer.Ordinal));
                return true;
            case "EXISTS_errorDeclaration":
                if (Flag(name, values)) Condition(e => e.Json["errorDeclaration"] is not null);
                return true;
            case "GE_errorDeclarationTime" or "LT_errorDeclarationTime" or "GE_errorDeclaration_Time" or "LT_errorDeclaration_Time":
                if (Time(name, values) is not { } declared) return true;
                var after = name[0] == 'G';
                Condition(e => JsonValues.StringOrNull(e.Json["errorDeclaration"]?["declarationTime"]) is { } s && QueryValues.TryTime(s, out var t)
                    && (after ? t >= declared : t < declared));
                return true;
            case "EQ_errorReason":
                var reasons = values.Select(v => EventQueryParser.CbvUri(CbvVocabulary.ErrorReason, v)).ToHashSet(StringComparer.Ordinal);
                Condition(e => JsonValues.StringOrNull(e.Json["errorDeclaration"]?["reason"]) is { } r
                    && reasons.Contains(EventQueryParser.CbvUri(CbvVocabulary.ErrorReason, r)));
                return true;
            case "EQ_correctiveEventID":
                Condition(e => QueryValues.Scalars(e.Json["errorDeclaration"]?["correctiveEventIDs"])
                    .Any(v => JsonValues.StringOrNull(v) is { } id && values.Contains(id, StringComparer.Ordinal)));
                return true;
            case "orderBy":
                _query = Single(name, values) switch
                {
                    "eventTime" => _query with { OrderBy = QueryOrder.EventTime },
                    "recordTime" => _query with { OrderBy = QueryOrder.RecordTime },
                    null => _query,
                    var field => Unsupported(name, $"ordering by {JsonValues.Quote(field)} is not supported: order by eventTime or recordTime"),
                };
                return true;
            case "orderDirection":
                _orderDirection = Single(name, values);
                if (_orderDirection is not (null or "ASC" or "DESC")) Error(name, "must be ASC or DESC");
                return true;
            case "eventCountLimit":
                if (Count(name, values) is { } limit) _query = _query with { EventCountLimit = limit };
                return true;
            case "maxEventCount":
                if (Count(name, values) is { } max) _query = _query with { MaxEventCount = max };
                return true;
        }
        return QuantityConditions.TryAdd(this, name, values);
    }

    private void MatchInstances(string name, IReadOnlyList<string> values)
    {
        var patterns = values.Select(QueryValues.Pattern).ToList();
        if (_query.AnyEpcs.Count == 0 && patterns.All(p => !p.IsPattern)) _query = _query with { AnyEpcs = patterns.Select(p => p.Canonical).ToList() };
        Func<EpcisEvent, IEnumerable<string>> ids = name switch
        {
            "MATCH_epc" => m => m.EpcList.Concat(m.ChildEpcs),
            "MATCH_parentID" => m => m.ParentId is { } p ? [p] : [],
            "MATCH_inputEPC" => m => m.InputEpcList,
            "MATCH_outputEPC" => m => m.OutputEpcList,
            _ => m => m.EpcList.Concat(m.ChildEpcs).Concat(m.InputEpcList).Concat(m.OutputEpcList).Concat(m.ParentId is { } p ? [p] : []),
        };
        Condition(e => ids(e.Model).Any(id => patterns.Any(p => p.Matches(id))));
    }

    private void MatchClasses(string name, IReadOnlyList<string> values)
    {
        var patterns = values.Select(QueryValues.Pattern).ToList();
        if (_query.EpcClasses.Count == 0 && patterns.All(p => !p.IsPattern)) _query = _query with { EpcClasses = patterns.Select(p => p.Canonical).ToList() };
        Func<EpcisEvent, IEnumerable<QuantityElement>> classes = name switch
        {
            "MATCH_epcClass" => m => m.QuantityList.Concat(m.ChildQuantityList),
            "MATCH_inputEPCClass" => m => m.InputQuantityList,
            "MATCH_outputEPCClass" => m => m.OutputQuantityList,
            _ => m => m.QuantityList.Concat(m.ChildQuantityList).Concat(m.InputQuantityList).Concat(m.OutputQuantityList),
        };
        Condition(e => classes(e.Model).Any(q => patterns.Any(p => p.Matches(q.EpcClass))));
    }

    private EpcisEventQuery Unsupported(string name, string message)
    {
        Error(name, message);
        return _query;
    }

    internal string? Single(string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1) return values[0];
        Error(name, "takes one value");
        return null;
    }

    internal DateTimeOffset? Time(string name, IReadOnlyList<string> values)
    {
        if (Single(name, values) is not { } text) return null;
        if (QueryValues.TryTime(text, out var time)) return time;
        Error(name, $"{JsonValues.Quote(text)} is not {Rfc3339.Expected}");
        return null;
    }

    internal decimal? Number(string name, IReadOnlyList<string> values)
    {
        if (Single(name, values) is not { } text) return null;
        if (QueryValues.TryNumber(text, out var n)) return n;
        Error(name, $"{JsonValues.Quote(text)} is not a number");
        return null;
    }

    internal List<decimal> Numbers(string name, IReadOnlyList<string> values)
    {
        var list = new List<decimal>();
        foreach (var v in values)
        {
            if (QueryValues.TryNumber(v, out var n)) list.Add(n);
            else Error(name, $"{JsonValues.Quote(v)} is not a number");
        }
        return list;
    }

    /// <summary>EXISTS_ parameters: present (empty, true, or the JSON query's null or 1) means must exist; false means no constraint.</summary>
    internal bool Flag(string name, IReadOnlyList<string> values)
    {
        switch (values.Count == 1 ? values[0].ToLowerInvariant() : null)
        {
            case "" or "true" or "1" or "null": return true;
            case "false" or "0": return false;
            default:
                Error(name, "takes no value (or true / false)");
                return false;
        }
    }

    private int? Count(string name, IReadOnlyList<string> values)
    {
        if (Single(name, values) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= EventQueryParser.MaxCount) return n;
        Error(name, $"must be a whole number from 1 to {EventQueryParser.MaxCount}");
        return null;
    }

    internal static bool IsUri(string value) => value.IndexOf(':') > 0 && !value.Any(char.IsWhiteSpace);

    private static string? UnsupportedReason(string name) =>
        MasterDataParameter().IsMatch(name)
            ? "master data attributes are not queryable here: this repository keeps no master data vocabulary"
            : null;

    [GeneratedRegex("^(HASATTR_|EQATTR_|EQ_ATTR_)")]
    private static partial Regex MasterDataParameter();
}
