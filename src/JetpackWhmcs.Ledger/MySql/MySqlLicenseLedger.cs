using System.Data.Common;
using Dapper;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.Sql;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace JetpackWhmcs.Ledger.MySql;

/// <summary>
/// The ledger on MySQL/MariaDB (the WHMCS database). Every session runs in UTC so the original
/// TIMESTAMP columns neither shift on write nor on read, whatever the server's time zone.
/// </summary>
internal sealed class MySqlLicenseLedger : SqlLicenseLedger
{
    private const int DuplicateKeyEntry = 1062;
    private const int LockDeadlock = 1213;
    private readonly string _connectionString;

    public MySqlLicenseLedger(string connectionString, TimeProvider? timeProvider, ILogger? logger)
        : base(new LedgerStatements("LAST_INSERT_ID()", " FOR UPDATE"), timeProvider, logger)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString)
        {
            DateTimeKind = MySqlDateTimeKind.Utc,
            // Legacy rows may hold '0000-00-00 00:00:00'; read it as DateTime.MinValue instead of failing.
            ConvertZeroDateTime = true,
        };
        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new ArgumentException("The MySQL/MariaDB connection string names no database (Database=...).", nameof(connectionString));
        }

        _connectionString = builder.ConnectionString;
    }

    protected internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await ConnectionOpener.OpenAsync<DbConnection>(new MySqlConnection(_connectionString), UtcSessionAsync, cancellationToken);

    // A pooled connection is reset on reuse, which also resets the session time zone.
    private static Task UtcSessionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SET time_zone = '+00:00'", cancellationToken: cancellationToken));

    protected internal override SearchDialect Search { get; } = new SearchDialect.Like();

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is MySqlException { Number: DuplicateKeyEntry };

    protected override bool IsLockConflict(DbException exception) =>
        exception is MySqlException { Number: LockDeadlock };

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = (MySqlConnection)await OpenAsync(cancellationToken);
        var applied = await MySqlMigrations.ApplyAsync(connection, Time.GetUtcNow().UtcDateTime, cancellationToken);
        if (applied.Count > 0 && Logger.IsEnabled(LogLevel.Information))
        {
            Logger.LogInformation("Applied ledger migrations {Versions} to the MySQL/MariaDB database.", string.Join(", ", applied));
        }
    }
}
