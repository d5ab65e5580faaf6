namespace Traceability.Storage;

/// <summary>Trade items' master data, each owned by the organisation that holds or first claimed its GTIN.</summary>
public interface IProductStore
{
    /// <summary>
    /// Registers the product when no one has, or updates it when <paramref name="product"/>'s owner is the stored
    /// owner, atomically; returns what is stored afterwards, so a caller that lost a race sees the winner's.
    /// </summary>
    Task<Product> ClaimProductAsync(Product product, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a product whatever its stored owner (for the holder of the GTIN's company prefix).</summary>
    Task SaveProductAsync(Product product, CancellationToken cancellationToken);

    Task<Product?> GetProductAsync(string gtin, CancellationToken cancellationToken);

    /// <summary>The stored products among these GTINs (one round trip).</summary>
    Task<IReadOnlyDictionary<string, Product>> GetProductsAsync(IReadOnlyCollection<string> gtins, CancellationToken cancellationToken);
}
