using JetpackWhmcs.Whmcs.ClientArea;
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
        Task.FromResult(new WhmcsAnswer<IReadOnlyList<ModuleToken>>(WhmcsAvailability.EmbeddedSqlite, []));

    public Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<ClientService?>(WhmcsAvailability.EmbeddedSqlite, null));

    public Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<ClientAddon?>(WhmcsAvailability.EmbeddedSqlite, null));

    public Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<IReadOnlyList<string>>(WhmcsAvailability.EmbeddedSqlite, []));

    public Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<IReadOnlyDictionary<string, string>>(WhmcsAvailability.EmbeddedSqlite, new Dictionary<string, string>()));

    public Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<IReadOnlyList<AddonOffer>>(WhmcsAvailability.EmbeddedSqlite, []));
}
