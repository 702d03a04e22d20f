using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace JetpackWhmcs.Ledger.Connections;

/// <summary>
/// Reads a database setting (a MySQL/MariaDB connection string, a SQLite connection string, or the
/// path of a SQLite file) and says what it names without ever printing a password: every sentence that
/// mentions a ledger goes through <see cref="Describe"/>, and every error text that may quote a
/// connection string through <see cref="Scrub"/>.
/// </summary>
public static partial class LedgerConnectionString
{
    /// <summary>What a password is replaced with.</summary>
    public const string Hidden = "(hidden)";

    private static readonly string[] SqliteFileKeys = ["Data Source", "DataSource", "Filename"];

    private static readonly string[] PasswordKeys = ["Password", "Pwd"];

    /// <summary>True when <paramref name="database"/> is written as <c>key=value;...</c> pairs rather than a file path.</summary>
    public static bool IsConnectionString(string database) =>
        LedgerFactory.DetectProvider(database) == LedgerProvider.MySql || SqliteFileKeys.Any(key => HasKey(database, key));

    /// <summary>
    /// The SQLite connection string for <paramref name="database"/>: parsed as one when it is written
    /// as one (so <c>Data Source=x;Password=y</c> is the file x, not a file of that name), else the path.
    /// </summary>
    public static SqliteConnectionStringBuilder Sqlite(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return IsConnectionString(database)
            ? new SqliteConnectionStringBuilder(database)
            : new SqliteConnectionStringBuilder { DataSource = database };
    }

    /// <summary>The full path of the SQLite file <paramref name="database"/> names (null for MySQL or an in-memory database).</summary>
    public static string? SqliteFile(string database)
    {
        if (LedgerFactory.DetectProvider(database) == LedgerProvider.MySql)
        {
            return null;
        }

        try
        {
            var source = Sqlite(database).DataSource;
            return string.IsNullOrWhiteSpace(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A description safe to print: which database, never its password.</summary>
    public static string Describe(string database)
    {
        if (string.IsNullOrWhiteSpace(database))
        {
            return "no database";
        }

        if (LedgerFactory.DetectProvider(database) == LedgerProvider.MySql)
        {
            try
            {
                var builder = new MySqlConnectionStringBuilder(database);
                return $"MySQL/MariaDB database '{builder.Database}' on {builder.Server}:{builder.Port} as {builder.UserID}";
            }
            catch (ArgumentException)
            {
                return "a MySQL/MariaDB connection string that does not parse";
            }
        }

        return SqliteFile(database) is { } file ? "SQLite file " + file : "a SQLite connection string that names no file";
    }

    /// <summary>The connection string with every password replaced by <see cref="Hidden"/> (a path is returned as it is).</summary>
    public static string Redact(string database)
    {
        if (string.IsNullOrEmpty(database) || !database.Contains('=', StringComparison.Ordinal))
        {
            return database;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = database };
            foreach (var key in builder.Keys.Cast<string>().ToList())
            {
                if (PasswordKeys.Any(p => p.Equals(key.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)))
                {
                    builder[key] = Hidden;
                }
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "a connection string that does not parse";
        }
    }

    /// <summary>
    /// <paramref name="text"/> (an exception message, say) with the connection string and each password
    /// of <paramref name="database"/> replaced, so a driver that quotes either leaks neither.
    /// </summary>
    public static string Scrub(string text, string database)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(database))
        {
            return text;
        }

        if (database.Contains('=', StringComparison.Ordinal))
        {
            text = text.Replace(database, Redact(database), StringComparison.Ordinal);
        }

        foreach (var password in Passwords(database))
        {
            text = text.Replace(password, Hidden, StringComparison.Ordinal);
        }

        return ScrubPasswords(text);
    }

    /// <summary>
    /// <paramref name="text"/> with the value of every <c>Password=</c> or <c>Pwd=</c> pair replaced,
    /// whatever connection string it came from: the last line of defence of every printed sentence.
    /// </summary>
    public static string ScrubPasswords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PasswordPair().Replace(text, m => m.Groups["key"].Value + "=" + Hidden);
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd))\s*=\s*(?:""[^""]*""|'[^']*'|[^;'""\s]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPair();

    private static List<string> Passwords(string database)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = database };
        }
        catch (ArgumentException)
        {
            // Not parseable: take every value after a password key by hand.
            return database.Split(';')
                .Select(part => part.Split('=', 2))
                .Where(kv => kv.Length == 2 && PasswordKeys.Any(p => p.Equals(kv[0].Trim().Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)))
                .Select(kv => kv[1].Trim())
                .Where(v => v.Length > 0)
                .ToList();
        }

        return builder.Keys.Cast<string>()
            .Where(key => PasswordKeys.Any(p => p.Equals(key.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)))
            .Select(key => builder[key]?.ToString() ?? "")
            .Where(v => v.Length > 0)
            .ToList();
    }

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 && part[..eq].Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
        });
}
