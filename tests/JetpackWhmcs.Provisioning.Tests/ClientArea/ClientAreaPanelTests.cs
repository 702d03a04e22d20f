using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning.Tests.Harness;

namespace JetpackWhmcs.Provisioning.Tests.ClientArea;

/// <summary>What the client area shows besides the actions: the guide's sites, the custom action, the upsell, addons on create.</summary>
public sealed class ClientAreaPanelTests : IAsyncLifetime
{
    private ClientAreaHarness? harness;

    private ClientAreaHarness H => harness!;

    public async Task InitializeAsync() => harness = await ClientAreaHarness.StartAsync();

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task The_guide_offers_the_clients_own_active_domains_this_service_first()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);

        var vars = (JsonObject)((JsonObject)(await H.InvokeAsync("ClientArea", service)).Value!)["vars"]!;

        Assert.Equal(["blog.example.com", "shop.example.com"], ((JsonArray)vars["sites"]!).Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task The_activate_custom_action_shows_only_while_the_licence_is_not_attached()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        Assert.False(await ActivateShownAsync(service));
        await H.CreateAsync(service);
        Assert.True(await ActivateShownAsync(service));

        Assert.Equal("success", (await H.ActAsync("ClientActivate", service)).Key);

        Assert.False(await ActivateShownAsync(service));
    }

    [Fact]
    public async Task The_upsell_is_off_by_default_and_on_offers_the_jetpack_addons_for_services_without_one()
    {
        var client = Services.Product(0).With("serviceid", null).With("userid", 3);
        Assert.Empty(await OffersAsync(client));

        await H.SetAddonSettingAsync("upsell", "on");
        var offer = Assert.Single(await OffersAsync(client));

        // Service 201 is a Jetpack product itself; 202 is hosting without a Jetpack addon.
        Assert.Equal(202, offer["service_id"]!.GetValue<long>());
        Assert.Equal("$4.50 USD", offer["price_text"]!.GetValue<string>());
        Assert.Equal("cart.php?a=add&aid=5&productid=202", offer["cart_url"]!.GetValue<string>());
        Assert.Empty(await OffersAsync(client.With("serviceid", 201)));
        Assert.Empty(await OffersAsync(client.With("userid", 4).With("serviceid", 202)));

        // Once the addon is on the service, nothing is offered for it.
        await H.Inner.Database.ExecuteAsync("INSERT INTO tblhostingaddons (orderid, hostingid, addonid, status, billingcycle) VALUES (0, 202, 5, 'Active', 'Monthly')");
        Assert.Empty(await OffersAsync(client));
    }

    [Fact]
    public async Task An_addon_attaches_on_create_to_its_parents_domain_and_a_site_not_connected_is_no_error()
    {
        var addon = Services.Addon(202, 77, "jetpack-scan").With("configoption5", "on");
        await H.Inner.Database.ExecuteAsync("INSERT INTO tblhostingaddons (id, orderid, hostingid, addonid, status, billingcycle) VALUES (77, 0, 202, 5, 'Active', 'Monthly')");
        H.Inner.Sandbox.Store.MarkSiteNotConnected("https://shop.example.com");

        Assert.Equal("success", await H.CallAsync("CreateAccount", addon));

        var row = (await H.Inner.Ledger.FindBySlotAsync("addon:77"))!;
        Assert.Null(row.AttachedSite);
        Assert.Contains("not connected on https://shop.example.com", row.LastError, StringComparison.Ordinal);
        var vars = (JsonObject)((JsonObject)(await H.InvokeAsync("ClientArea", addon)).Value!)["vars"]!;
        Assert.Equal(row.LicenseKey, vars["license_key"]!.GetValue<string>());
        Assert.Equal("https://shop.example.com/wp-admin/admin.php?page=jetpack#/license/activation", vars["activation_url"]!.GetValue<string>());

        H.Inner.Sandbox.Store.UseKeyOnSiteDirect(EngineHarness.Token, row.LicenseKey, "https://shop.example.com");
        Assert.Equal("success", (await H.ActAsync("ClientRefreshStatus", addon)).Key);
        Assert.Equal("https://shop.example.com", (await H.Inner.Ledger.FindBySlotAsync("addon:77"))!.AttachedSite);
    }

    [Fact]
    public async Task An_addon_attaches_on_create_to_its_parents_domain_when_the_site_is_connected()
    {
        var addon = Services.Addon(202, 78, "jetpack-scan").With("configoption5", "on");

        Assert.Equal("success", await H.CallAsync("CreateAccount", addon));

        Assert.Equal("https://shop.example.com", (await H.Inner.Ledger.FindBySlotAsync("addon:78"))!.AttachedSite);
    }

    private async Task<bool> ActivateShownAsync(Dictionary<string, object?> service) =>
        ((JsonObject)(await H.InvokeAsync("CustomActions", service)).Value!)["activate"]!.GetValue<bool>();

    private async Task<List<JsonObject>> OffersAsync(Dictionary<string, object?> client) =>
        [.. ((JsonArray)((JsonObject)(await H.InvokeAsync("ClientUpsell", client)).Value!)["offers"]!).Cast<JsonObject>()];
}
