using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Http;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// Consumer-facing master data of a trade item (name, brand, origin), in the spirit of the GS1 Web Vocabulary:
/// language maps keyed by BCP 47 tags. A GTIN belongs to the organisation whose GS1 company prefix covers it; a GTIN
/// under no member's prefix is claimed, once and atomically, by the first producer to register it. Only the holder
/// edits the product and licenses other organisations (a contract packer) to create lots of it.
/// </summary>
public static partial class ProductsApi
{
    public sealed record ProductBody(
        Dictionary<string, string>? Name, Dictionary<string, string>? Brand, Dictionary<string, string>? Description,
        string? CountryOfOrigin, string? NetContent, int? ShelfLifeDays);

    /// <summary>What GET answers: the master data, who holds the GTIN and how; licensees only to the holder.</summary>
    public sealed record ProductView(
        string Gtin, string OwnerOrgId, string Holding, IReadOnlyDictionary<string, string> Name, IReadOnlyDictionary<string, string> Brand,
        IReadOnlyDictionary<string, string> Description, string? CountryOfOrigin, string? NetContent, int? ShelfLifeDays,
        IReadOnlyList<string>? Licensees);

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products/{gtin}").WithTags("Products");
        products.MapPut("", Put).RequireAuthorization(Policies.Producer)
            .WithSummary("Register or update a product's consumer-facing master data (the GTIN's holder, or its first claimant)")
            .ProducesProblem(400).ProducesProblem(403);
        products.MapGet("", Get).AllowAnonymous().WithSummary("A product's master data (public)").ProducesProblem(404);
        products.MapPut("/licensees/{orgId}", License).RequireAuthorization(Policies.Organisation)
            .WithSummary("The GTIN's holder lets another organisation create lots of it").ProducesProblem(403).ProducesProblem(404);
        products.MapDelete("/licensees/{orgId}", Unlicense).RequireAuthorization(Policies.Organisation)
            .WithSummary("The GTIN's holder withdraws a licence").ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<Ok<ProductView>> Put(
        string gtin, HttpContext context, Caller caller, IProductStore store, OrganisationDirectory directory,
        Consumer.StoryVersion stories, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Producer);
        var key = ParseGtin(gtin);
        var body = await JsonBody.ReadAsync<ProductBody>(context.Request, cancellationToken);
        var errors = Validate(body);
        if (errors.Count > 0) throw TraceError.Invalid("invalid-product", "the product data is not valid; nothing was stored", errors);

        var holder = (await directory.GetAsync(cancellationToken)).PrefixHolderOf(key);
        if (holder is not null && holder.Id != org.Id)
            throw TraceError.Forbidden("not-your-product", $"GTIN {key.Value} is under the GS1 company prefix of another organisation");
        var existing = await store.GetProductAsync(key.Value, cancellationToken);
        var product = new Product(key.Value, org.Id, body.Name!, body.Brand ?? [], body.Description ?? [],
            body.CountryOfOrigin?.ToUpperInvariant(), body.NetContent, body.ShelfLifeDays)
        {
            Licensees = existing?.OwnerOrgId == org.Id ? existing.Licensees : [],
        };
        Product stored;
        if (holder is not null)
        {
            await store.SaveProductAsync(product, cancellationToken); // the prefix decides: an earlier claim gives way
            stored = product;
        }
        else
        {
            stored = await store.ClaimProductAsync(product, cancellationToken);
            if (stored.OwnerOrgId != org.Id)
                throw TraceError.Forbidden("not-your-product", $"GTIN {key.Value} is registered by another organisation");
        }
        stories.Bump();
        return TypedResults.Ok(View(stored, holder is not null, org));
    }

    public static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(
        string gtin, HttpContext context, IProductStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var key = ParseGtin(gtin);
        var product = await store.GetProductAsync(key.Value, cancellationToken);
        if (product is null) return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no product {gtin}"));
        var holder = (await directory.GetAsync(cancellationToken)).PrefixHolderOf(key);
        return TypedResults.Ok(View(product with { OwnerOrgId = holder?.Id ?? product.OwnerOrgId }, holder is not null, Caller.Of(context)));
    }

    public static Task<Ok<ProductView>> License(string gtin, string orgId, HttpContext context, Caller caller, IProductStore store,
        OrganisationDirectory directory, CancellationToken cancellationToken) =>
        ChangeLicenceAsync(gtin, orgId, true, context, caller, store, directory, cancellationToken);

    public static Task<Ok<ProductView>> Unlicense(string gtin, string orgId, HttpContext context, Caller caller, IProductStore store,
        OrganisationDirectory directory, CancellationToken cancellationToken) =>
        ChangeLicenceAsync(gtin, orgId, false, context, caller, store, directory, cancellationToken);

    private static async Task<Ok<ProductView>> ChangeLicenceAsync(string gtin, string orgId, bool grant, HttpContext context, Caller caller,
        IProductStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var key = ParseGtin(gtin);
        var orgs = await directory.GetAsync(cancellationToken);
        var holder = orgs.PrefixHolderOf(key);
        var product = await store.GetProductAsync(key.Value, cancellationToken)
            ?? throw TraceError.NotFound("not-found", $"no product {key.Value}: register it first");
        var owner = holder?.Id ?? product.OwnerOrgId;
        if (owner != org.Id) throw TraceError.Forbidden("not-your-product", $"only the holder of GTIN {key.Value} licenses it");
        if (orgs.Get(orgId) is null) throw TraceError.NotFound("unknown-organisation", $"no organisation {orgId}");
        var licensees = grant ? product.Licensees.Append(orgId).Distinct().ToList() : product.Licensees.Where(l => l != orgId).ToList();
        var updated = product with { OwnerOrgId = owner, Licensees = licensees };
        await store.SaveProductAsync(updated, cancellationToken);
        return TypedResults.Ok(View(updated, holder is not null, org));
    }

    private static ProductView View(Product p, bool byPrefix, Organisation? reader) => new(
        p.Gtin, p.OwnerOrgId, byPrefix ? "company-prefix" : "claimed", p.Name, p.Brand, p.Description, p.CountryOfOrigin, p.NetContent,
        p.ShelfLifeDays, reader?.Id == p.OwnerOrgId ? p.Licensees : null);

    private static Gtin ParseGtin(string text) =>
        Gtin.TryParse(text, out var gtin) ? gtin : throw TraceError.Invalid("invalid-gtin", "gtin", $"{text} is not a valid GTIN (length or check digit)");

    private static List<FieldError> Validate(ProductBody b)
    {
        var errors = new List<FieldError>();
        if (b.Name is not { Count: > 0 }) errors.Add(new("$.name", "a name in at least one language is required, e.g. {\"zh-CN\": \"…\", \"en\": \"…\"}"));
        foreach (var (field, map) in new[] { ("name", b.Name), ("brand", b.Brand), ("description", b.Description) })
        {
            if (map is { Count: > 20 }) errors.Add(new($"$.{field}", "at most 20 languages"));
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
