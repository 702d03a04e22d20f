using JetpackWhmcs.Browser.Tests.Harness;

namespace JetpackWhmcs.Browser.Tests.ClientArea;

/// <summary>
/// The provisioning module's client-area output in the client-area host: jetpack_ClientArea through the
/// real service, its template rendered by real Smarty, read in Chromium.
/// </summary>
[Collection(WhmcsSiteGroup.Name)]
public sealed class ClientAreaHostTests(WhmcsSite site)
{
    [Fact]
    public async Task A_provisioned_service_shows_its_licence_key_to_its_client()
    {
        var client = await site.Database.AddClientAsync("Ada", "Lovelace", $"ada-{Guid.NewGuid():N}@example.com");
        var product = await site.Database.AddJetpackProductAsync("Jetpack Backup", site.SandboxToken, "jetpack-backup-daily");
        var service = await site.Database.AddServiceAsync(client, product, "ada.example.com");
        var created = await site.CallModuleAsync("CreateAccount", WhmcsSeed.ServiceParams(service, product, client, "ada.example.com", site.SandboxToken, "jetpack-backup-daily"));
        Assert.Equal("success", created.ResultText);
        var key = (await site.Database.QueryAsync<string>("SELECT license_key FROM jetpack_product_licenses WHERE service_id = @Service AND revoked_at IS NULL", new { Service = service })).Single();

        await using var session = await site.OpenClientAsync(client, $"/clientarea.php?action=productdetails&id={service}");

        Assert.Equal(key, await session.Page.InputValueAsync("#jetpack-license-key"));
        Assert.Contains("ada.example.com", await session.Page.InnerTextAsync("#module-client-area"), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("", site.PhpErrors());
        await Screenshots.SaveAsync(session.Page, "client-area-licence");
    }

    [Fact]
    public async Task Another_clients_service_is_not_shown()
    {
        var owner = await site.Database.AddClientAsync("Owner", "One", $"owner-{Guid.NewGuid():N}@example.com");
        var other = await site.Database.AddClientAsync("Other", "Two", $"other-{Guid.NewGuid():N}@example.com");
        var product = await site.Database.AddJetpackProductAsync("Jetpack Scan", site.SandboxToken, "jetpack-scan");
        var service = await site.Database.AddServiceAsync(owner, product, "owner.example.com");

        await using var session = await BrowserSession.OpenAsync(site.Browser, site.HostUrl);
        await session.GotoAsync($"/login.php?client={other}&to=/clientarea.php");
        var response = await session.Page.GotoAsync($"/clientarea.php?action=productdetails&id={service}");

        Assert.Equal(404, response!.Status);
        Assert.Equal(0, await session.Page.Locator("#jetpack-license-key").CountAsync());
    }
}
