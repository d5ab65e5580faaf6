using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Apis;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Epcis.Query;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Queries;

/// <summary>One page of a query's answer: the events as this reader is served them, and the token of the next page.</summary>
public sealed record QueryPage(IReadOnlyList<JsonObject> Events, string? NextPageToken, long LastSequence);

/// <summary>
/// Runs an EPCIS query for one reader, for every read path (GET /events, the top-level resources, named queries,
/// subscriptions, WebSocket streams): the store narrows by its indexes, each event goes through
/// <see cref="Entitlement"/> (in full or its consumer view), the query's conditions are checked on what the reader is
/// served (a filter never matches a field the reader may not see), then identifiers are written in the asked form.
/// A page may hold fewer than perPage events when many are passed over (at most <see cref="ScanBudget"/> are read per
/// page); its next-page token then continues from the last one read, as the binding allows.
/// </summary>
public sealed class EventQueryRunner(IEventStore store, OrganisationDirectory directory)
{
    /// <summary>Events read per page at most, matching or not: what one request may cost.</summary>
    public const int ScanBudget = 10_000;

    public async Task<QueryPage> PageAsync(
        Organisation reader, EpcisEventQuery query, int perPage, string? token, EpcFormat format, CancellationToken cancellationToken)
    {
        var position = token is null ? PageToken.Start(query.EventCountLimit) : PageToken.Parse(token);
        var want = Math.Min(perPage, position.Remaining ?? int.MaxValue);
        var results = new List<JsonObject>();
        if (want <= 0) return new QueryPage(results, null, position.Sequence);

        var batch = Math.Clamp(want + 1, 100, 1000);
        var storeQuery = ToStore(query) with { PerPage = batch };
        var prefixes = await PrefixLengthsAsync(cancellationToken);
        var scanned = 0;
        var more = false;
        while (true)
        {
            var page = await store.QueryEventsAsync(position.Apply(storeQuery), cancellationToken);
            var entitled = await Entitlement.ForAsync(reader, page.Events, store, directory, cancellationToken);
            for (var i = 0; i < page.Events.Count; i++)
            {
                var stored = page.Events[i];
                scanned++;
                position = position.After(stored, query.OrderBy);
                var served = entitled.Serve(stored);
                if (!query.Matches(new ServedEvent(served, stored.EventId, stored.RecordTime))) continue;
                results.Add(EpcFormats.Apply(served, format, prefixes));
                if (results.Count == want)
                {
                    more = i < page.Events.Count - 1 || page.NextAfterSequence is not null;
                    break;
                }
            }
            if (results.Count == want) break;
            if (page.NextAfterSequence is null) break;
            if (scanned >= ScanBudget)
            {
                more = true;
                break;
            }
        }
        var remaining = position.Remaining is { } r ? r - results.Count : (int?)null;
        var next = more && remaining is not <= 0 ? (position with { Remaining = remaining }).Encode() : null;
        return new QueryPage(results, next, position.Sequence);
    }

    /// <summary>
    /// The next matching events after <paramref name="afterSequence"/> in capture order, for subscriptions and streams
    /// (the query's ordering and limits are for GET): at most <paramref name="max"/>, the position reached, and whether
    /// more may follow.
    /// </summary>
    public async Task<(IReadOnlyList<JsonObject> Events, long Position, bool More)> FollowAsync(
        Organisation reader, EpcisEventQuery query, long afterSequence, int max, EpcFormat format, CancellationToken cancellationToken)
    {
        var inOrder = query with { OrderBy = QueryOrder.None, Descending = false, EventCountLimit = null, MaxEventCount = null };
        var page = await PageAsync(reader, inOrder, max, new PageToken(afterSequence, null, null).Encode(), format, cancellationToken);
        return (page.Events, page.LastSequence, page.NextPageToken is not null);
    }

    /// <summary>The sequence of the newest stored event (0 when there is none): where a new subscription starts.</summary>
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        var newest = await store.QueryEventsAsync(new EventQuery { Descending = true, PerPage = 1 }, cancellationToken);
        return newest.Events.Count == 0 ? 0 : newest.Events[0].Sequence;
    }

    /// <summary>
    /// maxEventCount: counts the matches up to one more than allowed (reading at most <see cref="ScanBudget"/> times
    /// three events, so one request's cost stays near an ordinary page's); more than allowed is a QueryTooLargeException, too many to count a QueryTooComplexException.
    /// </summary>
    public async Task CheckMaxEventCountAsync(Organisation reader, EpcisEventQuery query, CancellationToken cancellationToken)
    {
        if (query.MaxEventCount is not { } max) return;
        var unlimited = query with { MaxEventCount = null, EventCountLimit = null, OrderBy = QueryOrder.None };
        string? token = null;
        var count = 0;
        for (var pages = 0; pages < 3; pages++)
        {
            var page = await PageAsync(reader, unlimited, Math.Min(max + 1 - count, ScanBudget), token, EpcFormat.NeverTranslates, cancellationToken);
            count += page.Events.Count;
            if (count > max)
                throw new TraceError(ErrorKind.PayloadTooLarge, "epcisException:QueryTooLargeException",
                    $"more than maxEventCount={max} events match; narrow the query or raise maxEventCount");
            if (page.NextPageToken is null) return;
            token = page.NextPageToken;
        }
        throw new TraceError(ErrorKind.PayloadTooLarge, "epcisException:QueryTooComplexException",
            "too many events to count for maxEventCount; narrow the query with indexed parameters (eventType, EQ_bizStep, MATCH_anyEPC, times …)");
    }

    /// <summary>The GS1 company prefix length of a key, from the prefixes the member organisations hold.</summary>
    public async Task<Func<string, int?>> PrefixLengthsAsync(CancellationToken cancellationToken)
    {
        var prefixes = (await directory.GetAsync(cancellationToken)).All.SelectMany(o => o.CompanyPrefixes).ToList();
        return key => prefixes.Where(p => key.StartsWith(p, StringComparison.Ordinal)).Select(p => (int?)p.Length).Max();
    }

    public static EventQuery ToStore(EpcisEventQuery q) => new()
    {
        EventTypes = q.EventTypes,
        BizSteps = q.BizSteps,
        Dispositions = q.Dispositions,
        AnyEpcs = q.AnyEpcs,
        EpcClasses = q.EpcClasses,
        BizLocations = q.BizLocations,
        ReadPoints = q.ReadPoints,
        EventIds = q.EventIds,
        GeEventTime = q.GeEventTime,
        LtEventTime = q.LtEventTime,
        GeRecordTime = q.GeRecordTime,
        LtRecordTime = q.LtRecordTime,
        OrderBy = q.OrderBy switch { QueryOrder.EventTime => EventOrder.EventTime, QueryOrder.RecordTime => EventOrder.RecordTime, _ => EventOrder.Sequence },
        Descending = q.Descending,
    };
}

/// <summary>
/// Where the next page starts: after the last event read, in the query's order (its sequence, and its ordering time),
/// and how many of eventCountLimit are left. Opaque to clients (base64url); the filters travel in the URL beside it.
/// </summary>
public sealed record PageToken(long Sequence, long? TimeMs, int? Remaining)
{
    public static PageToken Start(int? limit) => new(0, null, limit);

    public PageToken After(StoredEvent e, QueryOrder order) => this with
    {
        Sequence = e.Sequence,
        TimeMs = order switch
        {
            QueryOrder.EventTime => e.EventTime.ToUnixTimeMilliseconds(),
            QueryOrder.RecordTime => e.RecordTime.ToUnixTimeMilliseconds(),
            _ => null,
        },
    };

    public EventQuery Apply(EventQuery query) => query with
    {
        AfterSequence = Sequence,
        AfterTime = TimeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
    };

    public string Encode()
    {
        var text = $"seq:{Sequence}" + (TimeMs is { } t ? $";t:{t}" : "") + (Remaining is { } n ? $";n:{n}" : "");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A token this server issued (also the older <c>seq:N</c> ones); anything else is a 400.</summary>
    public static PageToken Parse(string token)
    {
        try
        {
            if (token.Length is > 0 and <= 200)
            {
                var padded = token.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
                long? seq = null, time = null;
                int? remaining = null;
                foreach (var part in text.Split(';'))
                {
                    var (key, value) = (part.Split(':')[0], part[(part.IndexOf(':') + 1)..]);
                    var ok = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n);
                    if (!ok) throw new FormatException();
                    switch (key)
                    {
                        case "seq" when n >= 0: seq = n; break;
                        case "t" when n is >= -62_135_596_800_000 and <= 253_402_300_799_999: time = n; break;
                        case "n" when n is >= 0 and <= int.MaxValue: remaining = (int)n; break;
                        default: throw new FormatException();
                    }
                }
                if (seq is { } s) return new PageToken(s, time, remaining);
            }
        }
        catch (FormatException) { }
        catch (ArgumentException) { }
        throw TraceError.Invalid("invalid-query", "nextPageToken", "not a page token this server issued");
    }
}
