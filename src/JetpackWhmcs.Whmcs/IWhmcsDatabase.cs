using JetpackWhmcs.Whmcs.ClientArea;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs;

/// <summary>
/// WHMCS's own tables, as far as jetpack-whmcs uses them. They exist only in WHMCS's MySQL/MariaDB
/// database: on the embedded SQLite ledger, or on a database of the ledger's own, every read answers
/// an unavailable <see cref="WhmcsAvailability"/> with its sentence instead of throwing, so a caller
/// (a page, a command) can say why and carry on. Each capability keeps its rows in a folder of its own
/// (<c>Tokens/</c> today) and its SQL in <c>MySql/</c>. Failures of a reachable database (server down,
/// missing rights) are thrown as the driver reports them.
/// </summary>
public interface IWhmcsDatabase
{
    /// <summary>Whether WHMCS's tables can be read here, and why not when they cannot.</summary>
    Task<WhmcsAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The partner tokens WHMCS stores for the Jetpack module: <c>configoption1</c> of every product whose
    /// module is <c>jetpack</c>, and the <c>configoption1</c> setting of every product addon whose module is
    /// <c>jetpack</c>. Blank values are left out. Empty, with the reason, when WHMCS's tables are not available.
    /// </summary>
    Task<WhmcsAnswer<IReadOnlyList<ModuleToken>>> ReadJetpackTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>The service <paramref name="serviceId"/> (<c>tblhosting</c>): its client, domain and status; null when there is none.</summary>
    Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default);

    /// <summary>The addon on a service <paramref name="addonId"/> (<c>tblhostingaddons.id</c>): its parent service; null when there is none.</summary>
    Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default);

    /// <summary>The non-empty domains of the client's active services, oldest service first.</summary>
    Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>The settings of the addon module <c>jetpack</c> (<c>tbladdonmodules</c>): setting name ⇒ value.</summary>
    Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The Jetpack product addons the host sells for the client's active services that have no live Jetpack
    /// addon yet (and are not Jetpack products themselves), priced in the client's currency; only the service
    /// <paramref name="serviceId"/> when it is set. Addons without a price in that currency are left out.
    /// </summary>
    Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default);
}
