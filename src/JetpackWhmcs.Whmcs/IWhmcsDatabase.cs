using JetpackWhmcs.Whmcs.Clients;
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
}
