using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>Tells a MySQL/MariaDB connection string from a SQLite file path, the way the ledger does.</summary>
public static class DatabaseKind
{
    /// <summary>True for <c>Server=...;Database=...</c> style values; a file path never holds <c>=</c> and <c>;</c> keys.</summary>
    public static bool IsConnectionString(string database) =>
        !string.IsNullOrWhiteSpace(database) && LedgerFactory.DetectProvider(database) == LedgerProvider.MySql;

    /// <summary>A SQLite connection string for a file path (or the SQLite connection string given).</summary>
    public static string SqliteConnectionString(string database) =>
        database.Contains('=', StringComparison.Ordinal) ? database : "Data Source=" + database;

    /// <summary>A description safe to print: the connection string without its password.</summary>
    public static string Describe(string database)
    {
        if (!IsConnectionString(database))
        {
            return "SQLite file " + Path.GetFullPath(database);
        }

        try
        {
            var builder = new MySqlConnector.MySqlConnectionStringBuilder(database);
            return $"MySQL/MariaDB database '{builder.Database}' on {builder.Server}:{builder.Port} as {builder.UserID}";
        }
        catch (ArgumentException)
        {
            return "a MySQL/MariaDB connection string that does not parse";
        }
    }
}
