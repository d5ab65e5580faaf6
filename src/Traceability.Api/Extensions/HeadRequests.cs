using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Traceability.Api.Extensions;

/// <summary>
/// HEAD wherever GET is served (RFC 9110 §9.3.2): the request runs as the GET it mirrors, so it gets the same status
/// and header fields, and the body is counted into Content-Length instead of being sent. One middleware instead of a
/// HEAD route beside every GET route, framework pages (OpenAPI, Scalar, static files) included.
/// </summary>
/// <remarks>
/// It must run before routing (Program.cs calls UseRouting after it), because routing picks the endpoint by method;
/// and before the status-code pages, so a 404 problem's body is counted too. Where GET is not served (a POST-only
/// route) the GET it becomes gets the 405 that route gives, whose Allow header then says what is.
/// </remarks>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadLikeGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var sink = new CountingBody();
        context.Features.Set<IHttpResponseBodyFeature>(sink);
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
            await sink.Writer.FlushAsync(context.RequestAborted);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(original);
        }
        var response = context.Response;
        if (!response.HasStarted && response.ContentLength is null && response.StatusCode is not (204 or 304) && sink.Count > 0)
            response.ContentLength = sink.Count;
    });

    /// <summary>A response body that only counts what is written to it.</summary>
    private sealed class CountingBody : Stream, IHttpResponseBodyFeature
    {
        private PipeWriter? _writer;

        public long Count { get; private set; }

        public Stream Stream => this;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            Count += count ?? new FileInfo(path).Length - offset;
            return Task.CompletedTask;
        }

        public async Task CompleteAsync()
        {
            if (_writer is not null)
                await _writer.FlushAsync();
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count += count;
            return Task.CompletedTask;
        }
    }
}
