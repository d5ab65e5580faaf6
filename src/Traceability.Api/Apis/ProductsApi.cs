using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// Consumer-facing master data of a trade item (name, brand, origin), in the spirit of the GS1 Web
/// Vocabulary: language maps keyed by BCP 47 tags. The first producer to register a GTIN owns it.
/// </summary>
public static partial class ProductsApi
{
    public sealed record ProductBody(
        Dictionary<string, string>? Name, Dictionary<string, string>? Brand, Dictionary<string, string>? Description,
        string? CountryOfOrigin, string? NetContent, int? ShelfLifeDays);

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/products/{gtin}", Put).WithTags("Products").WithSummary("Register or update a product's consumer-facing master data (its producer)");
        app.MapGet("/products/{gtin}", Get).WithTags("Products").WithSummary("A product's master data (public)");
        return app;
    }

    public static async Task<Ok<Product>> Put(
        string gtin, HttpContext context, Caller caller, ITraceStore store, Consumer.StoryVersion stories, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Producer);
        var key = ParseGtin(gtin);
        var body = await ReadAsync(context, cancellationToken);
        var errors = Validate(body);
        if (errors.Count > 0) throw TraceError.Invalid("invalid-product", "the product data is not valid; nothing was stored", errors);

        var existing = await store.GetProductAsync(key.Value, cancellationToken);
        if (existing is not null && existing.OwnerOrgId != org.Id)
            throw TraceError.Forbidden("not-your-product", $"GTIN {key.Value} is registered by another organisation");
        var product = new Product(key.Value, org.Id, body.Name!, body.Brand ?? [], body.Description ?? [],
            body.CountryOfOrigin?.ToUpperInvariant(), body.NetContent, body.ShelfLifeDays);
        await store.SaveProductAsync(product, cancellationToken);
        stories.Bump();
        return TypedResults.Ok(product);
    }

    public static async Task<Results<Ok<Product>, ProblemHttpResult>> Get(string gtin, ITraceStore store, CancellationToken cancellationToken)
    {
        var product = await store.GetProductAsync(ParseGtin(gtin).Value, cancellationToken);
        return product is null
            ? TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no product {gtin}"))
            : TypedResults.Ok(product);
    }

    private static Gtin ParseGtin(string text) =>
        Gtin.TryParse(text, out var gtin) ? gtin : throw TraceError.Invalid("invalid-gtin", "gtin", $"{text} is not a valid GTIN (length or check digit)");

    private static async Task<ProductBody> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var json = await CaptureApi.ReadJsonAsync(context.Request, cancellationToken);
        try
        {
            return json.Deserialize<ProductBody>(JsonSerializerOptions.Web) ?? throw TraceError.Invalid("invalid-product", "$", "the body must be an object");
        }
        catch (JsonException ex)
        {
            throw TraceError.Invalid("invalid-product", ex.Path ?? "$", $"a field has the wrong type: {ex.Message}");
        }
    }

    private static List<FieldError> Validate(ProductBody b)
    {
        var errors = new List<FieldError>();
        if (b.Name is not { Count: > 0 }) errors.Add(new("$.name", "a name in at least one language is required, e.g. {\"zh-CN\": \"…\", \"en\": \"…\"}"));
        foreach (var (field, map) in new[] { ("name", b.Name), ("brand", b.Brand), ("description", b.Description) })
        {
            foreach (var (tag, text) in map ?? [])
            {
                if (!LanguageTag().IsMatch(tag)) errors.Add(new($"$.{field}", $"\"{tag}\" is not a language tag (BCP 47, e.g. zh-CN or en)"));
                if (string.IsNullOrWhiteSpace(text) || text.Length > (field == "description" ? 2000 : 200))
                    errors.Add(new($"$.{field}.{tag}", "must be non-empty text of reasonable length"));
            }
        }
        if (b.CountryOfOrigin is { } c && !CountryCode().IsMatch(c)) errors.Add(new("$.countryOfOrigin", "an ISO 3166-1 alpha-2 code, e.g. CN"));
        if (b.NetContent is { Length: > 50 }) errors.Add(new("$.netContent", "at most 50 characters"));
        if (b.ShelfLifeDays is < 0 or > 3650) errors.Add(new("$.shelfLifeDays", "between 0 and 3650 days"));
        return errors;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();
}
