using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Provisioning.Catalog;

/// <summary>The public product list (slug → name), cached so that client-area views do not call the API each time.</summary>
internal sealed class ProductCatalog(IJetpackLicensingClient client, TimeProvider time, ModuleEngineOptions options)
{
    private IReadOnlyDictionary<string, string>? cached;
    private DateTimeOffset cachedAt;

    /// <summary>Every product, slug → name, in the API's order. Throws <see cref="JetpackApiException"/> when the API fails.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetProductsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cached is { } fresh && now - cachedAt < options.ProductCatalogCacheFor)
        {
            return fresh;
        }

        // No lock: two concurrent refreshes cost one extra public read, which is harmless.
        var families = await client.GetProductFamiliesAsync(ct).ConfigureAwait(false);
        var products = Flatten(families);
        (cached, cachedAt) = (products, time.GetUtcNow());
        return products;
    }

    /// <summary>The product's name, or its slug when the catalogue cannot be read.</summary>
    public async Task<string> NameOfAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return "";
        }

        try
        {
            var products = await GetProductsAsync(ct).ConfigureAwait(false);
            return products.TryGetValue(slug, out var name) ? name : slug;
        }
        catch (JetpackApiException)
        {
            return slug;
        }
    }

    private static Dictionary<string, string> Flatten(IReadOnlyList<ProductFamily> families)
    {
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var product in families.SelectMany(f => f.Products))
        {
            if (!string.IsNullOrEmpty(product.Slug))
            {
                products.TryAdd(product.Slug, string.IsNullOrEmpty(product.Name) ? product.Slug : product.Name);
            }
        }

        return products;
    }
}
