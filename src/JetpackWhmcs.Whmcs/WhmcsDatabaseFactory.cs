using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Whmcs.Embedded;
using JetpackWhmcs.Whmcs.MySql;

namespace JetpackWhmcs.Whmcs;

/// <summary>Creates the view of WHMCS's tables for a database setting, told apart the way the ledger tells it.</summary>
public static class WhmcsDatabaseFactory
{
    /// <summary>A view without WHMCS's tables (every read answers "not available"), for callers given no database.</summary>
    public static IWhmcsDatabase None { get; } = new EmbeddedWhmcsDatabase();

    /// <summary>
    /// WHMCS's tables in <paramref name="database"/> when it is a MySQL/MariaDB connection string (the
    /// ledger in WHMCS's own database); otherwise (a SQLite file or connection string) a view that answers
    /// "not available on the embedded SQLite ledger". Nothing is opened until a read.
    /// </summary>
    /// <param name="database">The ledger's database setting, as <see cref="LedgerFactory.Create"/> takes it.</param>
    /// <exception cref="ArgumentException"><paramref name="database"/> is blank.</exception>
    public static IWhmcsDatabase Create(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return LedgerFactory.DetectProvider(database) == LedgerProvider.MySql
            ? new MySqlWhmcsDatabase(database, LedgerConnectionString.Describe(database))
            : new EmbeddedWhmcsDatabase();
    }
}
