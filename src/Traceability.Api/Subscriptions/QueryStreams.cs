using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;
using Traceability.Api.Binding;
using Traceability.Api.Queries;
using Traceability.Domain;
using Traceability.Domain.Epcis.Query;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Subscriptions;

/// <summary>
/// The WebSocket form of a subscription: <c>GET /queries/{name}/events</c> upgraded to a WebSocket with
/// <c>stream=true</c> (each text message an EPCISQueryDocument of newly captured matching events) or a schedule
/// (<c>second</c>, <c>minute</c>, <c>hour</c>, <c>dayOfMonth</c>, <c>month</c>, <c>dayOfWeek</c>; with
/// <c>reportIfEmpty=true</c> an empty document when nothing matched), from now or from <c>initialRecordTime</c>. Events
/// are served as the connected organisation is entitled to them. The stream ends when the client closes it, the
/// server stops, or the query is deleted (close status 1000, "query deleted"). Nothing is kept: a reconnecting client
/// passes initialRecordTime to catch up.
/// </summary>
public sealed class QueryStreams(EventQueryRunner runner, ISubscriptionStore store, IOptions<SubscriptionOptions> options, TimeProvider clock)
{
    /// <summary>The stream and schedule parameters of a request.</summary>
    public sealed record StreamControls(bool Present, bool Stream, QuerySchedule? Schedule, bool ReportIfEmpty, DateTimeOffset? InitialRecordTime);

    private static readonly string[] Names = [.. QuerySchedule.FieldNames, "stream", "reportIfEmpty", "initialRecordTime"];

    public static StreamControls Controls(IQueryCollection query)
    {
        const string Code = "epcisException:SubscriptionControlsException";
        var present = Names.Any(query.ContainsKey);
        if (!present) return new StreamControls(false, false, null, false, null);
        var errors = new List<FieldError>();
        var stream = query.TryGetValue("stream", out var s) && s.ToString() == "true";
        if (query.ContainsKey("stream") && !stream) errors.Add(new FieldError("stream", "is true or left out (a schedule instead)"));
        var fields = QuerySchedule.FieldNames.Where(query.ContainsKey).ToDictionary(n => n, n => query[n].ToString(), StringComparer.Ordinal);
        var schedule = fields.Count > 0 ? QuerySchedule.Parse(fields, "", errors) : null;
        if (stream == (schedule is not null)) errors.Add(new FieldError("stream", "give stream=true or a schedule (second, minute, hour, dayOfMonth, month, dayOfWeek), not both"));
        var report = query.TryGetValue("reportIfEmpty", out var r) && r.ToString() == "true";
        if (query.ContainsKey("reportIfEmpty") && r.ToString() is not ("true" or "false")) errors.Add(new FieldError("reportIfEmpty", "true or false"));
        DateTimeOffset? initial = null;
        if (query.TryGetValue("initialRecordTime", out var i))
        {
            if (DateTimeOffset.TryParse(i, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && i.ToString().Contains('T')) initial = t;
            else errors.Add(new FieldError("initialRecordTime", "an RFC 3339 date-time"));
        }
        foreach (var other in query.Keys.Where(k => !Names.Contains(k)))
            errors.Add(new FieldError(other, "not a parameter of a query stream"));
        if (errors.Count > 0) throw TraceError.Invalid(Code, "the stream parameters are not valid", errors);
        return new StreamControls(true, stream, schedule, report, initial);
    }

    public async Task StreamAsync(HttpContext context, Organisation reader, NamedQuery named, EpcisEventQuery query, StreamControls controls, CancellationToken cancellationToken)
    {
        if (!controls.Present)
            throw TraceError.Invalid("epcisException:SubscriptionControlsException", "stream", "a WebSocket subscription needs stream=true or a schedule");
        // Each open stream polls the store; an organisation holds a bounded number of them on this instance.
        var open = _openStreams.AddOrUpdate(reader.Id, 1, (_, n) => n + 1);
        try
        {
            if (open > options.Value.MaxStreamsPerOrganisation)
                throw new TraceError(ErrorKind.TooManyRequests, "too-many-streams",
                    $"at most {options.Value.MaxStreamsPerOrganisation} query streams are open per organisation; close one first");
            await StreamOpenAsync(context, reader, named, query, controls, cancellationToken);
        }
        finally
        {
            _openStreams.AddOrUpdate(reader.Id, 0, (_, n) => n - 1);
        }
    }

    private readonly ConcurrentDictionary<string, int> _openStreams = new(StringComparer.Ordinal);

    private async Task StreamOpenAsync(HttpContext context, Organisation reader, NamedQuery named, EpcisEventQuery query, StreamControls controls, CancellationToken cancellationToken)
    {
        var format = EpcisBinding.Of(context).EpcFormat;
        if (controls.InitialRecordTime is { } initial)
            query = query with { GeRecordTime = initial, Conditions = [.. query.Conditions, e => e.RecordTime >= initial] };
        var position = controls.InitialRecordTime is null ? await runner.LatestSequenceAsync(cancellationToken) : 0;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = ListenAsync(socket, closed);
        var id = "ws-" + Guid.NewGuid().ToString("N");
        var next = controls.Schedule?.Next(clock.GetUtcNow());
        try
        {
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var wait = controls.Schedule is null || next is null ? options.Value.PollInterval : next.Value - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait < options.Value.PollInterval ? wait : options.Value.PollInterval, clock, closed.Token);
                if (await store.GetQueryAsync(named.OrgId, named.Name, closed.Token) is null)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "query deleted", CancellationToken.None);
                    return;
                }
                if (controls.Schedule is not null && (next is null || clock.GetUtcNow() < next)) continue;
                var sent = 0;
                for (var more = true; more && !closed.IsCancellationRequested;)
                {
                    (var events, position, more) = await runner.FollowAsync(reader, query, position, options.Value.EventsPerDelivery, format, closed.Token);
                    if (events.Count == 0) continue;
                    await SendAsync(socket, EventQueryResponses.Document(events, named.Name, id).ToJsonString(), closed.Token);
                    sent++;
                }
                if (controls.Schedule is not null)
                {
                    if (sent == 0 && controls.ReportIfEmpty) await SendAsync(socket, EventQueryResponses.Document([], named.Name, id).ToJsonString(), closed.Token);
                    next = controls.Schedule.Next(clock.GetUtcNow());
                }
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
            // The client went away mid-send.
        }
        finally
        {
            await closed.CancelAsync();
            await listening;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None); }
                catch (WebSocketException) { }
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and ignores) what the client sends, so its close is seen; ends the stream when it closes.</summary>
    private static async Task ListenAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        await closed.CancelAsync();
    }
}
