using Dapper;
using JetpackWhmcs.Ledger.Sql;
using Microsoft.Data.Sqlite;

namespace JetpackWhmcs.Ledger.Sqlite;

/// <summary>The SQLite schema: the original table, our columns and indexes, the audit table.</summary>
internal static class SqliteMigrations
{
    private const string T = LedgerSchema.LicensesTable;

    private const string CreateMigrations =
        $"CREATE TABLE IF NOT EXISTS {LedgerSchema.MigrationsTable} (version INTEGER NOT NULL PRIMARY KEY, " +
        "applied_at TEXT NOT NULL, description TEXT NOT NULL)";

    /// <summary>The original's base columns, with SQLite types.</summary>
    private const string CreateBase =
        $"CREATE TABLE IF NOT EXISTS {T} (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, order_id INTEGER NOT NULL, " +
        "product_id INTEGER NOT NULL, license_key VARCHAR(255) NOT NULL, issued_at DATETIME NOT NULL, revoked_at DATETIME NULL)";

    private static readonly (string Name, string Type)[] OurColumns =
    [
        ("service_id", "INTEGER NULL"),
        ("addon_id", "INTEGER NULL"),
        ("state", "VARCHAR(16) NULL"),
        ("active_owner", "VARCHAR(64) NULL"),
        ("product_slug", "VARCHAR(100) NULL"),
        ("jetpack_license_id", "INTEGER NULL"),
        ("token_fingerprint", "VARCHAR(128) NULL"),
        ("claim_id", "VARCHAR(64) NULL"),
        ("claimed_at", "DATETIME NULL"),
        ("attached_site", "VARCHAR(255) NULL"),
        ("attached_at", "DATETIME NULL"),
        ("suspended_site", "VARCHAR(255) NULL"),
        ("last_error", "TEXT NULL"),
        ("updated_at", "DATETIME NULL"),
    ];

    private static readonly string[] Indexes =
    [
        $"CREATE UNIQUE INDEX IF NOT EXISTS {LedgerSchema.Indexes.ActiveOwnerUnique} ON {T} (active_owner)",
        $"CREATE UNIQUE INDEX IF NOT EXISTS {LedgerSchema.Indexes.LicenseKeyUnique} ON {T} (license_key)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.ServiceId} ON {T} (service_id)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.AddonId} ON {T} (addon_id)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.OrderProduct} ON {T} (order_id, product_id)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.StateClaimedAt} ON {T} (state, claimed_at)",
    ];

    /// <summary>Migration 7: the admin licence list's filters and search, each in id order for keyset paging.</summary>
    private static readonly string[] PageIndexes =
    [
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.StateId} ON {T} (state, id)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.ProductSlugId} ON {T} (product_slug, id)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.TokenFingerprintId} ON {T} (token_fingerprint, id)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.AttachedSite} ON {T} (attached_site)",
    ];

    private static readonly string[] Audit =
    [
        $"CREATE TABLE IF NOT EXISTS {LedgerSchema.AuditTable} (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, " +
        "at DATETIME NOT NULL, operation VARCHAR(32) NOT NULL, owner VARCHAR(64) NULL, license_row_id INTEGER NULL, " +
        "license_key VARCHAR(255) NULL, outcome VARCHAR(16) NOT NULL, http_status INTEGER NULL, error_code VARCHAR(100) NULL, " +
        "message TEXT NULL, request_id VARCHAR(128) NULL, duration_ms INTEGER NOT NULL)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.AuditOwner} ON {LedgerSchema.AuditTable} (owner)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.AuditLicenseKey} ON {LedgerSchema.AuditTable} (license_key)",
    ];

    private static readonly string[] Instances =
    [
        $"CREATE TABLE IF NOT EXISTS {LedgerSchema.InstancesTable} (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, " +
        "started_at DATETIME NOT NULL, stopped_at DATETIME NULL)",
        $"CREATE INDEX IF NOT EXISTS {LedgerSchema.Indexes.InstanceName} ON {LedgerSchema.InstancesTable} (name)",
    ];

    /// <summary>Applies the missing migrations inside the caller's (immediate) transaction; returns their versions.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, DateTime now, CancellationToken cancellationToken)
    {
        await RunAsync(CreateMigrations);
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT version FROM {LedgerSchema.MigrationsTable}", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();
        var done = new List<int>();

        if (!applied.Contains(1))
        {
            await RunAsync(CreateBase);
            await RecordAsync(1, "licence table (original columns)");
        }

        if (!applied.Contains(2))
        {
            var existing = (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT name FROM pragma_table_info('{T}')", transaction: transaction, cancellationToken: cancellationToken)))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, type) in OurColumns.Where(c => !existing.Contains(c.Name)))
            {
                await RunAsync($"ALTER TABLE {T} ADD COLUMN {name} {type}");
            }

            await RecordAsync(2, "licence table: our columns");
        }

        if (!applied.Contains(3))
        {
            await DuplicateKeys.ThrowIfAnyAsync(connection, transaction, cancellationToken);
            foreach (var index in Indexes)
            {
                await RunAsync(index);
            }

            await RecordAsync(3, "licence table: indexes");
        }

        if (!applied.Contains(4))
        {
            foreach (var statement in Audit)
            {
                await RunAsync(statement);
            }

            await RecordAsync(4, "audit table");
        }

        if (!applied.Contains(5))
        {
            if (!(await ColumnsAsync(T)).Contains("claim_holder"))
            {
                await RunAsync($"ALTER TABLE {T} ADD COLUMN claim_holder VARCHAR(64) NULL");
            }

            if (!(await ColumnsAsync(LedgerSchema.AuditTable)).Contains("attempt"))
            {
                await RunAsync($"ALTER TABLE {LedgerSchema.AuditTable} ADD COLUMN attempt INTEGER NULL");
            }

            foreach (var statement in Instances)
            {
                await RunAsync(statement);
            }

            await RecordAsync(5, "claim holders, service instances, one audit row per attempt");
        }

        if (!applied.Contains(6))
        {
            if (!(await ColumnsAsync(LedgerSchema.AuditTable)).Contains("actor"))
            {
                await RunAsync($"ALTER TABLE {LedgerSchema.AuditTable} ADD COLUMN actor VARCHAR({LedgerSchema.Lengths.Actor}) NULL");
            }

            await RecordAsync(6, "audit: who caused each call");
        }

        if (!applied.Contains(7))
        {
            foreach (var index in PageIndexes)
            {
                await RunAsync(index);
            }

            await RecordAsync(7, "licence table: indexes of the admin licence list");
        }

        if (!applied.Contains(OperatorData.OperatorSchema.MigrationVersion))
        {
            foreach (var statement in OperatorData.OperatorSchema.Sqlite)
            {
                await RunAsync(statement);
            }

            await RecordAsync(OperatorData.OperatorSchema.MigrationVersion, "operator: partner prices per day, drift checks");
        }

        return done;

        Task RunAsync(string sql) =>
            connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));

        async Task<HashSet<string>> ColumnsAsync(string table) =>
            (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT name FROM pragma_table_info('{table}')", transaction: transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        async Task RecordAsync(int version, string description)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT OR IGNORE INTO {LedgerSchema.MigrationsTable} (version, applied_at, description) VALUES (@Version, @Now, @Description)",
                new { Version = version, Now = DbValues.WriteTime(now), Description = description },
                transaction,
                cancellationToken: cancellationToken));
            done.Add(version);
        }
    }
}
