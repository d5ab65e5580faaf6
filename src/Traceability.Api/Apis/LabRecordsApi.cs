using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Lab;
using Traceability.Domain;
using Traceability.Domain.Lab;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// What a lab's day needs beside POST /lab-results: test-card photos (stored, served to regulators and the lab that took
/// them only), a day's results uploaded as CSV or XLSX (previewed row by row; stored only when every row is valid, or
/// the valid rows when the lab asks), and the analyte table the console's picker offers.
/// </summary>
public static class LabRecordsApi
{
    public sealed record PhotoStored(string Sha256, string ContentType, int Width, int Height, int Size);
    public sealed record RowError(string Column, string Path, string Message);
    public sealed record RowOutcome(int Row, bool Valid, IReadOnlyList<RowError> Errors, string? Gtin, string? Lot, string? Analyte, string? Verdict,
        string? EventId, string? AlertId);
    public sealed record BatchOutcome(int Total, int Valid, int Invalid, int Stored, string Mode, IReadOnlyList<RowOutcome> Rows);
    public sealed record AnalyteView(string Name, string English, string Chinese, string? InchiKey, bool UsuallyQualitative);

    public static IEndpointRouteBuilder MapLabRecordsApi(this IEndpointRouteBuilder app)
    {
        var lab = app.MapGroup("/lab-results").WithTags("Lab results");
        lab.MapPost("/photos", UploadPhoto).RequireAuthorization(Policies.Lab)
            .WithSummary("Upload a test-card photo (image/jpeg or image/png, at most 5 MB); answers its SHA-256 for the result's photoSha256")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
        lab.MapGet("/photos/{sha256}", GetPhoto).RequireAuthorization(Policies.Organisation)
            .WithSummary("A test-card photo: regulators and the lab that uploaded it; others get 404").ProducesProblem(404);
        lab.MapPost("/batches", Upload).RequireAuthorization(Policies.Lab)
            .WithSummary("A day's results as text/csv or XLSX: ?store=none (preview, default), all (only if every row is valid) or valid")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
        app.MapGet("/lab/analytes", () => TypedResults.Ok(AnalyteTable.All.Select(a => new AnalyteView(a.Name, a.English, a.Chinese, a.InchiKey, a.UsuallyQualitative)).ToArray()))
            .WithTags("Lab results").WithSummary("The analytes the console offers (any analyte name is accepted)");
        return app;
    }

    public static async Task<Created<PhotoStored>> UploadPhoto(HttpContext context, Caller caller, ILabPhotoStore photos, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lab = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Lab);
        var bytes = await ReadBodyAsync(context.Request, TestCardPhoto.MaxBytes, cancellationToken);
        var photo = TestCardPhoto.Check(bytes, context.Request.ContentType);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await photos.AddLabPhotoAsync(new LabPhoto(sha, lab.Id, photo.ContentType, photo.Width, photo.Height, bytes, clock.GetUtcNow()), cancellationToken);
        return TypedResults.Created($"/lab-results/photos/{sha}", new PhotoStored(sha, photo.ContentType, photo.Width, photo.Height, bytes.Length));
    }

    public static async Task<IResult> GetPhoto(string sha256, HttpContext context, Caller caller, ILabPhotoStore photos, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var key = sha256.ToLowerInvariant();
        var photo = key.Length == 64 && key.All(char.IsAsciiHexDigit)
            ? await photos.GetLabPhotoAsync(key, org.Role == OrgRole.Regulator ? null : org.Id, cancellationToken)
            : null;
        if (photo is null) throw TraceError.NotFound("not-found", $"no test-card photo {sha256} you may see");
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=86400";
        headers.ContentDisposition = $"inline; filename=\"test-card-{key[..12]}{(photo.ContentType == "image/png" ? ".png" : ".jpg")}\"";
        return TypedResults.File(photo.Bytes, photo.ContentType);
    }

    public static async Task<Results<Ok<BatchOutcome>, Created<BatchOutcome>>> Upload(
        string? store, HttpContext context, Caller caller, LabResultRecorder recorder, CancellationToken cancellationToken)
    {
        var lab = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Lab);
        var mode = (store ?? "none").ToLowerInvariant();
        if (mode is not ("none" or "all" or "valid")) throw TraceError.Invalid("invalid-query", "store", "none (preview), all or valid");
        var bytes = await ReadBodyAsync(context.Request, LabResultSheet.MaxBytes, cancellationToken);
        var rows = LabResultSheet.Read(bytes, context.Request.ContentType);

        var parsed = new List<(LabResultSheet.Row Row, LabResult? Result, List<RowError> Errors)>();
        foreach (var row in rows)
        {
            var (request, cellErrors) = LabResultSheet.ToRequest(row);
            var errors = cellErrors.Select(e => new RowError(e.Path, $"$.{e.Path}", e.Message)).ToList();
            LabResultValidator.TryCreate(request, out var result, out var fieldErrors);
            errors.AddRange(fieldErrors.Where(f => errors.All(e => e.Column != LabResultSheet.ColumnOf(f.Path)))
                .Select(f => new RowError(LabResultSheet.ColumnOf(f.Path), f.Path, f.Message)));
            parsed.Add((row, errors.Count == 0 ? result : null, errors));
        }
        var valid = parsed.Where(p => p.Result is not null).ToList();
        var checks = await recorder.CheckAsync(lab, valid.Select(p => p.Result!).ToList(), cancellationToken);
        for (var i = 0; i < valid.Count; i++)
            valid[i].Errors.AddRange(checks[i].Select(f => new RowError(LabResultSheet.ColumnOf(f.Path), f.Path, f.Message)));

        var invalid = parsed.Count(p => p.Errors.Count > 0);
        if (mode == "all" && invalid > 0)
            throw TraceError.Invalid("invalid-lab-results", $"{invalid} of {parsed.Count} rows are not valid; nothing was stored",
                parsed.Where(p => p.Errors.Count > 0).SelectMany(p => p.Errors.Select(e => new FieldError($"$.rows[{p.Row.Number}].{e.Column}", e.Message))).ToList());

        var stored = new Dictionary<int, (string EventId, string? AlertId)>();
        if (mode != "none")
            foreach (var p in parsed.Where(p => p.Errors.Count == 0))
                stored[p.Row.Number] = await recorder.RecordAsync(lab, p.Result!, cancellationToken);

        var outcomes = parsed.Select(p => new RowOutcome(p.Row.Number, p.Errors.Count == 0, p.Errors,
            p.Row.Cells.GetValueOrDefault("gtin"), p.Row.Cells.GetValueOrDefault("lot"), p.Row.Cells.GetValueOrDefault("analyte"),
            p.Result?.Verdict.ToWord(), stored.GetValueOrDefault(p.Row.Number).EventId, stored.GetValueOrDefault(p.Row.Number).AlertId)).ToList();
        var outcome = new BatchOutcome(parsed.Count, parsed.Count - invalid, invalid, stored.Count, mode, outcomes);
        return stored.Count > 0 ? TypedResults.Created("/events", outcome) : TypedResults.Ok(outcome);
    }

    /// <summary>A raw body, refused past <paramref name="maxBytes"/> (413) whether or not it declared its length.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw TooLarge(maxBytes);
        }
        if (buffer.Length == 0) throw TraceError.Invalid("empty-body", "$", "the body is empty");
        return buffer.ToArray();
    }

    private static TraceError TooLarge(int maxBytes) => new(ErrorKind.PayloadTooLarge, "payload-too-large", $"the body is larger than {maxBytes:N0} bytes");
}
