using System.Globalization;
using System.Text.Json.Nodes;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The upsell panels' offers (off unless the addon module's <c>upsell</c> setting is on): the Jetpack
/// addons the host sells for the client's active services that have none yet, priced in the client's
/// currency, with the link that adds the addon to the cart. Only the service <c>serviceid</c> when it is
/// set (the product details page). Empty when off, when there is nothing to offer, or without WHMCS's tables.
/// </summary>
internal sealed class UpsellView(EngineServices services)
{
    public async Task<ModuleResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var offers = new JsonArray();
        var p = invocation.Parameters;
        if (p.UserId <= 0 || !(await ClientAreaSettings.ReadAsync(services.Whmcs, ct).ConfigureAwait(false)).Upsell)
        {
            return ModuleResult.Array(new JsonObject { ["offers"] = offers });
        }

        var answer = await services.Whmcs.ReadAddonOffersAsync(p.UserId, p.ServiceId is > 0 ? p.ServiceId : null, ct).ConfigureAwait(false);
        foreach (var offer in answer.Value)
        {
            var price = offer.Price.ToString("0.00", CultureInfo.InvariantCulture);
            offers.Add(new JsonObject
            {
                ["service_id"] = offer.ServiceId,
                ["domain"] = offer.ServiceDomain,
                ["product_name"] = offer.ProductName,
                ["addon_id"] = offer.AddonId,
                ["addon_name"] = offer.AddonName,
                ["billing_cycle"] = offer.BillingCycle,
                ["price"] = price,
                ["currency"] = offer.CurrencyCode,
                ["price_text"] = offer.PriceText,
                // The fields of WHMCS's own addon order form (cart.php?gid=addons posts aid and productid = the service).
                ["cart_url"] = string.Create(CultureInfo.InvariantCulture, $"cart.php?a=add&aid={offer.AddonId}&productid={offer.ServiceId}"),
            });
        }

        return ModuleResult.Array(new JsonObject { ["offers"] = offers });
    }
}
