using System.Data.Common;
using Dapper;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Ledger.Sqlite;

/// <summary>
/// The ledger on a SQLite file. WAL journal and a busy timeout let several processes share the
/// file; pooled connections keep a connection per operation cheap.
/// </summary>
internal sealed class SqliteLicenseLedger : SqlLicenseLedger
{
    private const int BusyTimeoutMs = 5000;
    private readonly string _connectionString;
    private volatile bool _walChecked;

    public SqliteLicenseLedger(string connectionString, TimeProvider? timeProvider, ILogger? logger)
        : base(new LedgerStatements("last_insert_rowid()", ""), timeProvider, logger)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            Mode = SqliteOpenMode.ReadWriteCreate,
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no file (Data Source=...).", nameof(connectionString));
        }

        _connectionString = builder.ToString();
    }

    protected internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await ConnectionOpener.OpenAsync<DbConnection>(new SqliteConnection(_connectionString), PrepareAsync, cancellationToken);

    private async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMs};", cancellationToken: cancellationToken));
        if (!_walChecked)
        {
            // The journal mode is stored in the file: once set, every later connection uses WAL.
            await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
            _walChecked = true;
        }
    }

    protected internal override SearchDialect Search { get; } = new SearchDialect.Range();

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another connection held the write lock past the busy timeout.</summary>
    protected override bool IsLockConflict(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 };

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: a second process waits for the first to finish, then sees its work done.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var applied = await SqliteMigrations.ApplyAsync(connection, transaction, Time.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (applied.Count > 0 && Logger.IsEnabled(LogLevel.Information))
        {
            Logger.LogInformation("Applied ledger migrations {Versions} to the SQLite database.", string.Join(", ", applied));
        }
    }
}
