using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>Tells a MySQL/MariaDB connection string from a SQLite one or a file path, the way the ledger does.</summary>
public static class DatabaseKind
{
    /// <summary>True for <c>Server=...;Database=...</c> style values (MySQL/MariaDB).</summary>
    public static bool IsConnectionString(string database) =>
        !string.IsNullOrWhiteSpace(database) && LedgerFactory.DetectProvider(database) == LedgerProvider.MySql;

    /// <summary>A SQLite connection string for a file path, or the SQLite connection string given (parsed as one).</summary>
    public static string SqliteConnectionString(string database) => LedgerConnectionString.Sqlite(database).ToString();

    /// <summary>A description safe to print: which database, never its password.</summary>
    public static string Describe(string database) => LedgerConnectionString.Describe(database);

    /// <summary>An error text with the connection string and its password taken out (drivers may quote either).</summary>
    public static string Scrub(string text, string database) => LedgerConnectionString.Scrub(text, database);
}
