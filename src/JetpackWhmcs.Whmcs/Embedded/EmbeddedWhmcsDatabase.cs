using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.ClientArea;
using JetpackWhmcs.Whmcs.Clients;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Embedded;

/// <summary>
/// The embedded SQLite ledger, where WHMCS's tables never are: every read answers
/// <see cref="WhmcsAvailability.EmbeddedSqlite"/> without touching a database, so the service, the demo
/// and the tests run on the default without WHMCS.
/// </summary>
internal sealed class EmbeddedWhmcsDatabase : IWhmcsDatabase
{
    public Task<WhmcsAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(WhmcsAvailability.EmbeddedSqlite);

    public Task<WhmcsAnswer<IReadOnlyList<ModuleToken>>> ReadJetpackTokensAsync(CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<ModuleToken>>([]);

    public Task<WhmcsAnswer<IReadOnlyDictionary<long, ServiceOwner>>> ReadServiceOwnersAsync(IReadOnlyCollection<long> serviceIds, CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyDictionary<long, ServiceOwner>>(new Dictionary<long, ServiceOwner>());

    public Task<WhmcsAnswer<IReadOnlyList<long>>> FindClientServiceIdsAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<long>>([]);

    public Task<WhmcsAnswer<IReadOnlyList<JetpackCatalogItem>>> ReadJetpackCatalogAsync(CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<JetpackCatalogItem>>([]);

    public Task<WhmcsAnswer<ProductGroup?>> EnsureProductGroupAsync(CancellationToken cancellationToken = default) =>
        NotHere<ProductGroup?>(null);

    public Task<WhmcsAnswer<long>> CreateJetpackProductAsync(NewJetpackProduct product, CancellationToken cancellationToken = default) =>
        NotHere(0L);

    public Task<WhmcsAnswer<TokenRotation?>> ReplaceTokenAsync(string token, CancellationToken cancellationToken = default) =>
        NotHere<TokenRotation?>(null);

    public Task<WhmcsAnswer<PriceList>> ReadJetpackPricesAsync(CancellationToken cancellationToken = default) =>
        NotHere(PriceList.Empty);

    public Task<WhmcsAnswer<IReadOnlyList<OwnerStatus>>> ReadOwnerStatusesAsync(IReadOnlyCollection<LicenseOwner> owners, CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<OwnerStatus>>([]);

    public Task<WhmcsAnswer<IReadOnlyList<ActiveServiceCount>>> CountActiveServicesAsync(CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<ActiveServiceCount>>([]);

    public Task<WhmcsAnswer<IReadOnlyList<EndedServiceLicense>>> FindEndedServicesWithLiveLicenseAsync(CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<EndedServiceLicense>>([]);

    public Task<WhmcsAnswer<IReadOnlyList<JetpackService>>> FindActiveServicesWithoutLicenseAsync(CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<JetpackService>>([]);

    private static Task<WhmcsAnswer<T>> NotHere<T>(T empty) => Task.FromResult(new WhmcsAnswer<T>(WhmcsAvailability.EmbeddedSqlite, empty));

    public Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default) =>
        NotHere<ClientService?>(null);

    public Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default) =>
        NotHere<ClientAddon?>(null);

    public Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<string>>([]);

    public Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public Task<WhmcsAnswer<long?>> ReadAdminRoleAsync(long adminId, CancellationToken cancellationToken = default) =>
        NotHere<long?>(null);

    public Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default) =>
        NotHere<IReadOnlyList<AddonOffer>>([]);
}
