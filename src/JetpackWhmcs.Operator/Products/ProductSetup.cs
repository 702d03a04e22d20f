using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Tokens;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Products;

/// <summary>
/// The Products page's work: the Jetpack products and addons in WHMCS, creating one for a Jetpack
/// product as the original addon module did, and replacing the partner token everywhere in one
/// transaction. A token is proven against the API before anything is written with it.
/// </summary>
public sealed class ProductSetup(IWhmcsDatabase whmcs, IJetpackLicensingClient client, TokenCheck tokenCheck, ModuleSettingDefaults defaults, IPartnerTokens tokens)
{
    /// <summary>The products and addons, with the catalogue's product names when the API answers.</summary>
    public async Task<WhmcsAnswer<IReadOnlyList<ProductView>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var catalog = await whmcs.ReadJetpackCatalogAsync(cancellationToken);
        var names = await ProductNamesAsync(cancellationToken);
        IReadOnlyList<ProductView> views =
        [
            .. catalog.Value.Select(c => new ProductView(
                c.Entity, c.Id, c.Name, c.ProductSlug, names.GetValueOrDefault(c.ProductSlug) ?? c.ProductSlug,
                c.Token.Length == 0 ? "" : TokenFingerprint.Of(c.Token), YesNo.IsYes(c.ShowLicense), c.Hidden, c.Retired)),
        ];
        return new(catalog.Availability, views);
    }

    /// <summary>
    /// Creates a hidden WHMCS product or addon for <paramref name="slug"/>, issued with
    /// <paramref name="token"/> (checked against the API first). Nothing is written when the slug is not
    /// in Jetpack's catalogue or the token is refused.
    /// </summary>
    public async Task<SetupResult> CreateAsync(ModuleEntity entity, string slug, string token, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Licensing.Models.ProductFamily> families;
        try
        {
            families = await client.GetProductFamiliesAsync(cancellationToken);
        }
        catch (JetpackApiException exception)
        {
            return new(false, Sentences.ApiFailure("list its products", exception));
        }

        var family = families.FirstOrDefault(f => f.Products.Any(p => p.Slug == slug));
        if (family is null)
        {
            return new(false, "That Jetpack product is not in Jetpack's catalogue: pick one from the list; nothing was created.");
        }

        if (await tokenCheck.ProblemAsync(token, cancellationToken) is { } problem)
        {
            return new(false, problem);
        }

        var settings = await defaults.ForAsync(token, slug, cancellationToken);
        var name = ProductNaming.FromSlug(slug);
        var created = await whmcs.CreateJetpackProductAsync(new NewJetpackProduct(entity, name, family.Description ?? "", settings), cancellationToken);
        if (!created.IsAvailable)
        {
            return new(false, created.Availability.Sentence);
        }

        tokens.Remember(token);
        var what = entity == ModuleEntity.Product ? "product" : "product addon";
        return new(true, $"The hidden WHMCS {what} \"{name}\" (id {created.Value}) was created; set its prices and make it visible in WHMCS when it is ready to sell.", created.Value);
    }

    /// <summary>
    /// Writes <paramref name="newToken"/> into every Jetpack product, addon and the addon's setting in one
    /// transaction, after Jetpack accepted it; nothing is written when it is refused.
    /// </summary>
    public async Task<SetupResult> ReplaceTokenAsync(string newToken, CancellationToken cancellationToken = default)
    {
        newToken = newToken?.Trim() ?? "";
        if (await tokenCheck.ProblemAsync(newToken, cancellationToken) is { } problem)
        {
            return new(false, problem);
        }

        var rotation = await whmcs.ReplaceTokenAsync(newToken, cancellationToken);
        if (rotation.Value is not { } done)
        {
            return new(false, rotation.Availability.Sentence);
        }

        tokens.Remember(newToken);
        return new(true, $"The token with fingerprint {TokenFingerprint.Of(newToken)} is now set on {done.Products} product(s), {done.Addons} addon(s) and the addon's own setting.");
    }

    /// <summary>The partner tokens set on the Jetpack products and addons now (used, never shown).</summary>
    public async Task<IReadOnlyList<string>> CurrentTokensAsync(CancellationToken cancellationToken = default) =>
        [.. (await whmcs.ReadJetpackTokensAsync(cancellationToken)).Value.Select(t => t.Token)];

    private async Task<IReadOnlyDictionary<string, string>> ProductNamesAsync(CancellationToken ct)
    {
        try
        {
            return (await client.GetProductFamiliesAsync(ct)).SelectMany(f => f.Products)
                .GroupBy(p => p.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        }
        catch (JetpackApiException)
        {
            // The list still shows every product with its slug; the catalogue's names are a nicety.
            return new Dictionary<string, string>();
        }
    }
}
