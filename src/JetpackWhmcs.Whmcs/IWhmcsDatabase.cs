using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.ClientArea;
using JetpackWhmcs.Whmcs.Clients;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;
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

    /// <summary>
    /// The services <paramref name="serviceIds"/> with the client each belongs to, by service id (ids WHMCS
    /// does not hold are left out). Empty, with the reason, when WHMCS's tables are not available.
    /// </summary>
    Task<WhmcsAnswer<IReadOnlyDictionary<long, ServiceOwner>>> ReadServiceOwnersAsync(IReadOnlyCollection<long> serviceIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of the services (at most <paramref name="limit"/>) of the clients whose e-mail address,
    /// first name, last name or company starts with <paramref name="text"/>, or whose "first last" name does.
    /// Empty, with the reason, when WHMCS's tables are not available.
    /// </summary>
    Task<WhmcsAnswer<IReadOnlyList<long>>> FindClientServiceIdsAsync(string text, int limit, CancellationToken cancellationToken = default);

    // Catalog: the Jetpack products and addons, their creation and their token.

    /// <summary>Every product whose module is <c>jetpack</c> and every such product addon, with their settings. Empty when the tables are not available.</summary>
    Task<WhmcsAnswer<IReadOnlyList<JetpackCatalogItem>>> ReadJetpackCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Ensures the hidden product group <c>Jetpack</c> (headline <c>Jetpack Products</c>) exists, as the
    /// original addon module's activation did; idempotent, and safe when two admins activate at once.
    /// </summary>
    Task<WhmcsAnswer<ProductGroup?>> EnsureProductGroupAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a hidden WHMCS product (in the Jetpack group, which is ensured) or product addon (with its
    /// settings in <c>tblmodule_configuration</c>) in one transaction; returns its id (0 when the tables
    /// are not available).
    /// </summary>
    /// <exception cref="ArgumentException">No settings, more than 24, or a blank name.</exception>
    Task<WhmcsAnswer<long>> CreateJetpackProductAsync(NewJetpackProduct product, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="token"/> into <c>configoption1</c> of every Jetpack product, the
    /// <c>configoption1</c> setting of every Jetpack addon and the addon module's <c>api_token</c>
    /// setting, in one transaction: all of them or, when any write fails, none. Null when the tables
    /// are not available. Callers check the token against the API first.
    /// </summary>
    /// <exception cref="ArgumentException">A blank token.</exception>
    Task<WhmcsAnswer<TokenRotation?>> ReplaceTokenAsync(string token, CancellationToken cancellationToken = default);

    // Pricing: the selling prices.

    /// <summary>The currencies and the <c>tblpricing</c> rows of every Jetpack product and addon.</summary>
    Task<WhmcsAnswer<PriceList>> ReadJetpackPricesAsync(CancellationToken cancellationToken = default);

    // Services: the licence owners as WHMCS sees them.

    /// <summary>WHMCS's status of each of <paramref name="owners"/> that WHMCS knows (an owner WHMCS has no row for is left out).</summary>
    Task<WhmcsAnswer<IReadOnlyList<OwnerStatus>>> ReadOwnerStatusesAsync(IReadOnlyCollection<LicenseOwner> owners, CancellationToken cancellationToken = default);

    /// <summary>Active services and service addons of Jetpack products and addons, counted per product or addon, client currency and billing cycle.</summary>
    Task<WhmcsAnswer<IReadOnlyList<ActiveServiceCount>>> CountActiveServicesAsync(CancellationToken cancellationToken = default);

    /// <summary>Terminated or cancelled Jetpack services and addons whose licence row (naming them) is still active.</summary>
    Task<WhmcsAnswer<IReadOnlyList<EndedServiceLicense>>> FindEndedServicesWithLiveLicenseAsync(CancellationToken cancellationToken = default);

    /// <summary>Active Jetpack services and addons that hold no licence, no pending claim and no unclaimed row of the original module.</summary>
    Task<WhmcsAnswer<IReadOnlyList<JetpackService>>> FindActiveServicesWithoutLicenseAsync(CancellationToken cancellationToken = default);

    /// <summary>The service <paramref name="serviceId"/> (<c>tblhosting</c>): its client, domain and status; null when there is none.</summary>
    Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default);

    /// <summary>The addon on a service <paramref name="addonId"/> (<c>tblhostingaddons.id</c>): its parent service; null when there is none.</summary>
    Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default);

    /// <summary>The non-empty domains of the client's active services, oldest service first.</summary>
    Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>The settings of the addon module <c>jetpack</c> (<c>tbladdonmodules</c>): setting name ⇒ value.</summary>
    Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default);

    // Admins: who is asking.

    /// <summary>
    /// The role (<c>tbladmins.roleid</c>) of the admin <paramref name="adminId"/>, which WHMCS's addon Access
    /// Control is a list of; null when WHMCS has no such admin.
    /// </summary>
    Task<WhmcsAnswer<long?>> ReadAdminRoleAsync(long adminId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The Jetpack product addons the host sells for the client's active services that have no live Jetpack
    /// addon yet (and are not Jetpack products themselves), priced in the client's currency; only the service
    /// <paramref name="serviceId"/> when it is set. Addons without a price in that currency are left out.
    /// </summary>
    Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default);
}
