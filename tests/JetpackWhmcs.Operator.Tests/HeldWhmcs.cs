using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.ClientArea;
using JetpackWhmcs.Whmcs.Clients;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Tests;

/// <summary>WHMCS's real tables, with the drift check's WHMCS step held until the test lets it go (a check caught midway).</summary>
public sealed class HeldWhmcs(IWhmcsDatabase inner) : IWhmcsDatabase
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => reached.Task;

    public void Release() => release.TrySetResult();

    public async Task<WhmcsAnswer<IReadOnlyList<EndedServiceLicense>>> FindEndedServicesWithLiveLicenseAsync(CancellationToken cancellationToken = default)
    {
        reached.TrySetResult();
        await release.Task.WaitAsync(cancellationToken);
        return await inner.FindEndedServicesWithLiveLicenseAsync(cancellationToken);
    }

    public Task<WhmcsAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default) => inner.GetAvailabilityAsync(cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<ModuleToken>>> ReadJetpackTokensAsync(CancellationToken cancellationToken = default) => inner.ReadJetpackTokensAsync(cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyDictionary<long, ServiceOwner>>> ReadServiceOwnersAsync(IReadOnlyCollection<long> serviceIds, CancellationToken cancellationToken = default) =>
        inner.ReadServiceOwnersAsync(serviceIds, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<long>>> FindClientServiceIdsAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        inner.FindClientServiceIdsAsync(text, limit, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<JetpackCatalogItem>>> ReadJetpackCatalogAsync(CancellationToken cancellationToken = default) => inner.ReadJetpackCatalogAsync(cancellationToken);

    public Task<WhmcsAnswer<ProductGroup?>> EnsureProductGroupAsync(CancellationToken cancellationToken = default) => inner.EnsureProductGroupAsync(cancellationToken);

    public Task<WhmcsAnswer<long>> CreateJetpackProductAsync(NewJetpackProduct product, CancellationToken cancellationToken = default) => inner.CreateJetpackProductAsync(product, cancellationToken);

    public Task<WhmcsAnswer<TokenRotation?>> ReplaceTokenAsync(string token, CancellationToken cancellationToken = default) => inner.ReplaceTokenAsync(token, cancellationToken);

    public Task<WhmcsAnswer<PriceList>> ReadJetpackPricesAsync(CancellationToken cancellationToken = default) => inner.ReadJetpackPricesAsync(cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<OwnerStatus>>> ReadOwnerStatusesAsync(IReadOnlyCollection<LicenseOwner> owners, CancellationToken cancellationToken = default) =>
        inner.ReadOwnerStatusesAsync(owners, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<ActiveServiceCount>>> CountActiveServicesAsync(CancellationToken cancellationToken = default) => inner.CountActiveServicesAsync(cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<JetpackService>>> FindActiveServicesWithoutLicenseAsync(CancellationToken cancellationToken = default) =>
        inner.FindActiveServicesWithoutLicenseAsync(cancellationToken);

    public Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default) => inner.ReadServiceAsync(serviceId, cancellationToken);

    public Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default) => inner.ReadServiceAddonAsync(addonId, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default) => inner.ReadActiveDomainsAsync(userId, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default) => inner.ReadAddonModuleSettingsAsync(cancellationToken);

    public Task<WhmcsAnswer<long?>> ReadAdminRoleAsync(long adminId, CancellationToken cancellationToken = default) => inner.ReadAdminRoleAsync(adminId, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default) =>
        inner.ReadAddonOffersAsync(userId, serviceId, cancellationToken);
}
