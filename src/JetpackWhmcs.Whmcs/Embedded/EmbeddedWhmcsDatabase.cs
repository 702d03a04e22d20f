using JetpackWhmcs.Whmcs.Clients;
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

    public Task<WhmcsAnswer<IReadOnlyDictionary<long, ServiceOwner>>> ReadServiceOwnersAsync(IReadOnlyCollection<long> serviceIds, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<IReadOnlyDictionary<long, ServiceOwner>>(WhmcsAvailability.EmbeddedSqlite, new Dictionary<long, ServiceOwner>()));

    public Task<WhmcsAnswer<IReadOnlyList<long>>> FindClientServiceIdsAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WhmcsAnswer<IReadOnlyList<long>>(WhmcsAvailability.EmbeddedSqlite, []));
}
