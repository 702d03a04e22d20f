using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Products;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Service.Admin.Pages.Products;

/// <summary>
/// The Products page's work: a posted form creates a product or addon, or replaces the token (each
/// checked against the API before anything is written); then the list and Jetpack's catalogue are read.
/// </summary>
public sealed class ProductsPageLoader(ProductSetup setup, IJetpackLicensingClient client)
{
    /// <summary>Acts on a posted form, then reads what the page shows.</summary>
    public async Task<ProductsPageState> LoadAsync(AdminPageContext page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        SetupResult? result = page.FormValue("do") switch
        {
            "create" => await CreateAsync(page, cancellationToken),
            "rotate" => page.FormValue("confirm") == "yes"
                ? await setup.ReplaceTokenAsync(page.FormValue("new_token") ?? "", cancellationToken)
                : new SetupResult(false, "Tick the box that confirms the token is replaced on every Jetpack product and addon, then send the form again; nothing was changed."),
            null => null,
            _ => new SetupResult(false, "The form asked for something this page does not do: reload the page and try again; nothing was changed."),
        };

        var list = await setup.ListAsync(cancellationToken);
        IReadOnlyList<(string Slug, string Name)> catalogue;
        try
        {
            catalogue = [.. (await client.GetProductFamiliesAsync(cancellationToken)).SelectMany(f => f.Products).Select(p => (p.Slug, p.Name))];
        }
        catch (JetpackApiException)
        {
            catalogue = [];
        }

        return new ProductsPageState(list.Availability, list.Value, catalogue, result);
    }

    private async Task<SetupResult> CreateAsync(AdminPageContext page, CancellationToken ct)
    {
        var entity = page.FormValue("entity") == "addon" ? ModuleEntity.Addon : ModuleEntity.Product;
        var token = page.FormValue("partner_token") ?? page.SettingsToken ?? await SingleTokenInUseAsync(ct);
        if (token is null)
        {
            return new SetupResult(false, "No partner token to create it with: enter one in the form (or save it in the addon's settings); nothing was created.");
        }

        return page.FormValue("product") is { } slug
            ? await setup.CreateAsync(entity, slug, token, ct)
            : new SetupResult(false, "Pick the Jetpack product to sell; nothing was created.");
    }

    // Like the original addon module's default: the token the existing Jetpack products share, if they share one.
    private async Task<string?> SingleTokenInUseAsync(CancellationToken ct)
    {
        var tokens = (await setup.CurrentTokensAsync(ct)).Distinct(StringComparer.Ordinal).ToList();
        return tokens.Count == 1 ? tokens[0] : null;
    }
}
