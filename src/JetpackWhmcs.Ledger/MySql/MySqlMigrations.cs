using Dapper;
using JetpackWhmcs.Ledger.Sql;
using MySqlConnector;

namespace JetpackWhmcs.Ledger.MySql;

/// <summary>
/// The MySQL/MariaDB schema. DDL is not transactional there, so every step checks what exists,
/// a named lock keeps two processes from migrating at once, and a "duplicate column/index" error
/// (another process got there first) is answered by checking again.
/// </summary>
internal static class MySqlMigrations
{
    private const string T = LedgerSchema.LicensesTable;
    private const int DuplicateColumn = 1060;
    private const int DuplicateIndexName = 1061;
    private const int DuplicateEntry = 1062;

    private const string CreateMigrations =
        $"CREATE TABLE IF NOT EXISTS `{LedgerSchema.MigrationsTable}` (`version` int NOT NULL PRIMARY KEY, " +
        "`applied_at` datetime NOT NULL, `description` varchar(255) NOT NULL) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    /// <summary>Exactly the original's table, as its Laravel-style schema builder created it.</summary>
    internal const string CreateBase =
        $"CREATE TABLE IF NOT EXISTS `{T}` (`id` int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, `order_id` int NOT NULL, " +
        "`product_id` int NOT NULL, `license_key` varchar(255) NOT NULL, `issued_at` timestamp NOT NULL, `revoked_at` timestamp NULL) " +
        "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private static readonly (string Name, string Type)[] OurColumns =
    [
        ("service_id", "bigint NULL"),
        ("addon_id", "bigint NULL"),
        ("state", "varchar(16) NULL"),
        ("active_owner", "varchar(64) NULL"),
        ("product_slug", "varchar(100) NULL"),
        ("jetpack_license_id", "bigint NULL"),
        ("token_fingerprint", "varchar(128) NULL"),
        ("claim_id", "varchar(64) NULL"),
        ("claimed_at", "datetime NULL"),
        ("attached_site", "varchar(255) NULL"),
        ("attached_at", "datetime NULL"),
        ("suspended_site", "varchar(255) NULL"),
        ("last_error", "text NULL"),
        ("updated_at", "datetime NULL"),
    ];

    private static readonly (string Name, string Definition)[] Indexes =
    [
        (LedgerSchema.Indexes.ActiveOwnerUnique, "UNIQUE INDEX `{0}` (`active_owner`)"),
        (LedgerSchema.Indexes.LicenseKeyUnique, "UNIQUE INDEX `{0}` (`license_key`)"),
        (LedgerSchema.Indexes.ServiceId, "INDEX `{0}` (`service_id`)"),
        (LedgerSchema.Indexes.AddonId, "INDEX `{0}` (`addon_id`)"),
        (LedgerSchema.Indexes.OrderProduct, "INDEX `{0}` (`order_id`, `product_id`)"),
        (LedgerSchema.Indexes.StateClaimedAt, "INDEX `{0}` (`state`, `claimed_at`)"),
    ];

    /// <summary>Migration 7: the admin licence list's filters and search (InnoDB appends the primary key to each, which keyset paging orders by).</summary>
    private static readonly (string Name, string Definition)[] PageIndexes =
    [
        (LedgerSchema.Indexes.StateId, "INDEX `{0}` (`state`, `id`)"),
        (LedgerSchema.Indexes.ProductSlugId, "INDEX `{0}` (`product_slug`, `id`)"),
        (LedgerSchema.Indexes.TokenFingerprintId, "INDEX `{0}` (`token_fingerprint`, `id`)"),
        (LedgerSchema.Indexes.AttachedSite, "INDEX `{0}` (`attached_site`)"),
    ];

    private const string CreateAudit =
        $"CREATE TABLE IF NOT EXISTS `{LedgerSchema.AuditTable}` (`id` bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, " +
        "`at` datetime NOT NULL, `operation` varchar(32) NOT NULL, `owner` varchar(64) NULL, `license_row_id` bigint NULL, " +
        "`license_key` varchar(255) NULL, `outcome` varchar(16) NOT NULL, `http_status` int NULL, `error_code` varchar(100) NULL, " +
        "`message` text NULL, `request_id` varchar(128) NULL, `duration_ms` int NOT NULL, " +
        $"INDEX `{LedgerSchema.Indexes.AuditOwner}` (`owner`), INDEX `{LedgerSchema.Indexes.AuditLicenseKey}` (`license_key`)) " +
        "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private const string CreateInstances =
        $"CREATE TABLE IF NOT EXISTS `{LedgerSchema.InstancesTable}` (`id` varchar(64) NOT NULL PRIMARY KEY, `name` varchar(255) NOT NULL, " +
        "`started_at` datetime NOT NULL, `stopped_at` datetime NULL, " +
        $"INDEX `{LedgerSchema.Indexes.InstanceName}` (`name`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    /// <summary>Lock names are per server: include the database so two ledgers on one server do not wait for each other.</summary>
    private const string LockName = "CONCAT('jetpack_whmcs_migrate_', MD5(DATABASE()))";

    public static async Task<IReadOnlyList<int>> ApplyAsync(MySqlConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        var locked = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT GET_LOCK({LockName}, 60)", cancellationToken: cancellationToken));
        if (locked != 1)
        {
            throw new TimeoutException("Another process has been migrating the ledger for a minute; check that it is not stuck, then start again.");
        }

        try
        {
            return await ApplyLockedAsync(connection, now, cancellationToken);
        }
        finally
        {
            await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"SELECT RELEASE_LOCK({LockName})", cancellationToken: CancellationToken.None));
        }
    }

    private static async Task<IReadOnlyList<int>> ApplyLockedAsync(MySqlConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        await RunAsync(CreateMigrations);
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            $"SELECT version FROM `{LedgerSchema.MigrationsTable}`", cancellationToken: cancellationToken))).ToHashSet();
        var done = new List<int>();

        if (!applied.Contains(1))
        {
            await RunAsync(CreateBase);
            await RecordAsync(1, "licence table (original columns)");
        }

        if (!applied.Contains(2))
        {
            await RetryOnRaceAsync(DuplicateColumn, async () =>
            {
                var existing = await NamesAsync("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @T");
                var missing = OurColumns.Where(c => !existing.Contains(c.Name)).Select(c => $"ADD COLUMN `{c.Name}` {c.Type}").ToList();
                if (missing.Count > 0)
                {
                    await RunAsync($"ALTER TABLE `{T}` {string.Join(", ", missing)}");
                }
            });
            await RecordAsync(2, "licence table: our columns");
        }

        if (!applied.Contains(3))
        {
            await RetryOnRaceAsync(DuplicateIndexName, async () =>
            {
                var existing = await NamesAsync("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @T");
                if (!existing.Contains(LedgerSchema.Indexes.LicenseKeyUnique))
                {
                    await DuplicateKeys.ThrowIfAnyAsync(connection, null, cancellationToken);
                }

                var missing = Indexes.Where(i => !existing.Contains(i.Name)).Select(i => "ADD " + string.Format(System.Globalization.CultureInfo.InvariantCulture, i.Definition, i.Name)).ToList();
                if (missing.Count > 0)
                {
                    try
                    {
                        await RunAsync($"ALTER TABLE `{T}` {string.Join(", ", missing)}");
                    }
                    catch (MySqlException e) when (e.Number == DuplicateEntry)
                    {
                        // A duplicate key written between our check and the index build: name it.
                        await DuplicateKeys.ThrowIfAnyAsync(connection, null, cancellationToken);
                        throw;
                    }
                }
            });
            await RecordAsync(3, "licence table: indexes");
        }

        if (!applied.Contains(4))
        {
            await RunAsync(CreateAudit);
            await RecordAsync(4, "audit table");
        }

        if (!applied.Contains(5))
        {
            await RetryOnRaceAsync(DuplicateColumn, async () =>
            {
                if (!(await NamesAsync("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @T")).Contains("claim_holder"))
                {
                    await RunAsync($"ALTER TABLE `{T}` ADD COLUMN `claim_holder` varchar(64) NULL");
                }

                var audit = await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @A",
                    new { A = LedgerSchema.AuditTable },
                    cancellationToken: cancellationToken));
                if (!audit.Contains("attempt", StringComparer.OrdinalIgnoreCase))
                {
                    await RunAsync($"ALTER TABLE `{LedgerSchema.AuditTable}` ADD COLUMN `attempt` int NULL");
                }
            });
            await RunAsync(CreateInstances);
            await RecordAsync(5, "claim holders, service instances, one audit row per attempt");
        }

        if (!applied.Contains(6))
        {
            await RetryOnRaceAsync(DuplicateColumn, async () =>
            {
                var audit = await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @A",
                    new { A = LedgerSchema.AuditTable },
                    cancellationToken: cancellationToken));
                if (!audit.Contains("actor", StringComparer.OrdinalIgnoreCase))
                {
                    await RunAsync($"ALTER TABLE `{LedgerSchema.AuditTable}` ADD COLUMN `actor` varchar({LedgerSchema.Lengths.Actor}) NULL");
                }
            });
            await RecordAsync(6, "audit: who caused each call");
        }

        if (!applied.Contains(7))
        {
            await RetryOnRaceAsync(DuplicateIndexName, async () =>
            {
                var existing = await NamesAsync("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @T");
                var missing = PageIndexes.Where(i => !existing.Contains(i.Name)).Select(i => "ADD " + string.Format(System.Globalization.CultureInfo.InvariantCulture, i.Definition, i.Name)).ToList();
                if (missing.Count > 0)
                {
                    // One ALTER: InnoDB builds all of them in a single pass over the table.
                    await RunAsync($"ALTER TABLE `{T}` {string.Join(", ", missing)}");
                }
            });
            await RecordAsync(7, "licence table: indexes of the admin licence list");
        }

        if (!applied.Contains(OperatorData.OperatorSchema.MigrationVersion))
        {
            foreach (var statement in OperatorData.OperatorSchema.MySql)
            {
                await RunAsync(statement);
            }

            await RecordAsync(OperatorData.OperatorSchema.MigrationVersion, "operator: partner prices per day, drift checks");
        }

        return done;

        Task RunAsync(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));

        async Task<HashSet<string>> NamesAsync(string sql) =>
            (await connection.QueryAsync<string>(new CommandDefinition(sql, new { T }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        async Task RecordAsync(int version, string description)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT IGNORE INTO `{LedgerSchema.MigrationsTable}` (version, applied_at, description) VALUES (@Version, @Now, @Description)",
                new { Version = version, Now = DbValues.WriteTime(now), Description = description },
                cancellationToken: cancellationToken));
            done.Add(version);
        }
    }

    /// <summary>A process that does not honour our lock (an older build) may add the same column or index first: look again.</summary>
    private static async Task RetryOnRaceAsync(int raceError, Func<Task> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (MySqlException e) when (e.Number == raceError && attempt < 3)
            {
            }
        }
    }
}
