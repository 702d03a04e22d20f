using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Provisioning.Catalog;

/// <summary>
/// The public product list (slug → name, and slug → its family's description), cached so that
/// client-area views and the original addon module's page do not call the API each time.
/// </summary>
internal sealed class ProductCatalog(IJetpackLicensingClient client, TimeProvider time, ModuleEngineOptions options)
{
    // One reference for both maps and their time, so a reader never pairs a fresh map with an old time.
    private Snapshot? cached;

    /// <summary>Every product, slug → name, in the API's order. Throws <see cref="JetpackApiException"/> when the API fails.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetProductsAsync(CancellationToken ct) =>
        (await ReadAsync(ct).ConfigureAwait(false)).Names;

    /// <summary>
    /// Every product, slug → its family's description ("" when the family has none), in the API's order.
    /// Throws <see cref="JetpackApiException"/> when the API fails.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> GetDescriptionsAsync(CancellationToken ct) =>
        (await ReadAsync(ct).ConfigureAwait(false)).Descriptions;

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

    private async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        if (cached is { } fresh && time.GetUtcNow() - fresh.ReadAt < options.ProductCatalogCacheFor)
        {
            return fresh;
        }

        // No lock: two concurrent refreshes cost one extra public read, which is harmless.
        var families = await client.GetProductFamiliesAsync(ct).ConfigureAwait(false);
        var snapshot = Flatten(families, time.GetUtcNow());
        cached = snapshot;
        return snapshot;
    }

    private static Snapshot Flatten(IReadOnlyList<ProductFamily> families, DateTimeOffset readAt)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            foreach (var product in family.Products.Where(p => !string.IsNullOrEmpty(p.Slug)))
            {
                // The first family listing a slug wins for both maps, so a name and its description agree.
                if (names.TryAdd(product.Slug, string.IsNullOrEmpty(product.Name) ? product.Slug : product.Name))
                {
                    descriptions[product.Slug] = family.Description ?? "";
                }
            }
        }

        return new Snapshot(names, descriptions, readAt);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Descriptions, DateTimeOffset ReadAt);
}
