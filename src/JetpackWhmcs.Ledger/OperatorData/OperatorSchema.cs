namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>The operator's tables (ledger migration 8), for the dialects' migrations and for tests.</summary>
public static class OperatorSchema
{
    /// <summary>The migration that creates them.</summary>
    public const int MigrationVersion = 8;

    /// <summary>The partner's prices, one row per day, token fingerprint and product.</summary>
    public const string PricesTable = "jetpack_whmcs_partner_prices";

    /// <summary>The drift checks: progress, counts, findings, whether the admins were told.</summary>
    public const string ChecksTable = "jetpack_whmcs_checks";

    /// <summary>MySQL/MariaDB DDL.</summary>
    internal static readonly string[] MySql =
    [
        $"CREATE TABLE IF NOT EXISTS `{PricesTable}` (`id` bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, `day` char(10) NOT NULL, " +
        "`token_fingerprint` varchar(128) NOT NULL, `product_slug` varchar(100) NOT NULL, `product_name` varchar(255) NOT NULL, " +
        "`currency` varchar(8) NOT NULL, `amount_ten_thousandths` bigint NOT NULL, `price_interval` varchar(16) NOT NULL, " +
        $"UNIQUE INDEX `{PricesTable}_day_token_product_unique` (`day`, `token_fingerprint`, `product_slug`)) " +
        "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
        $"CREATE TABLE IF NOT EXISTS `{ChecksTable}` (`id` bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, `kind` varchar(16) NOT NULL, " +
        "`status` varchar(16) NOT NULL, `running` varchar(16) NULL, `actor` varchar(255) NOT NULL, `started_at` datetime NOT NULL, " +
        "`updated_at` datetime NOT NULL, `finished_at` datetime NULL, `progress_done` int NOT NULL, `progress_total` int NOT NULL, " +
        "`counts` text NOT NULL, `findings` longtext NOT NULL, `error` text NULL, `notified` tinyint NOT NULL DEFAULT 0, " +
        $"UNIQUE INDEX `{ChecksTable}_running_unique` (`running`), INDEX `{ChecksTable}_notified_index` (`notified`)) " +
        "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
    ];

    /// <summary>SQLite DDL.</summary>
    internal static readonly string[] Sqlite =
    [
        $"CREATE TABLE IF NOT EXISTS {PricesTable} (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, day CHAR(10) NOT NULL, " +
        "token_fingerprint VARCHAR(128) NOT NULL, product_slug VARCHAR(100) NOT NULL, product_name VARCHAR(255) NOT NULL, " +
        "currency VARCHAR(8) NOT NULL, amount_ten_thousandths INTEGER NOT NULL, price_interval VARCHAR(16) NOT NULL)",
        $"CREATE UNIQUE INDEX IF NOT EXISTS {PricesTable}_day_token_product_unique ON {PricesTable} (day, token_fingerprint, product_slug)",
        $"CREATE TABLE IF NOT EXISTS {ChecksTable} (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, kind VARCHAR(16) NOT NULL, " +
        "status VARCHAR(16) NOT NULL, running VARCHAR(16) NULL, actor VARCHAR(255) NOT NULL, started_at DATETIME NOT NULL, " +
        "updated_at DATETIME NOT NULL, finished_at DATETIME NULL, progress_done INTEGER NOT NULL, progress_total INTEGER NOT NULL, " +
        "counts TEXT NOT NULL, findings TEXT NOT NULL, error TEXT NULL, notified INTEGER NOT NULL DEFAULT 0)",
        $"CREATE UNIQUE INDEX IF NOT EXISTS {ChecksTable}_running_unique ON {ChecksTable} (running)",
        $"CREATE INDEX IF NOT EXISTS {ChecksTable}_notified_index ON {ChecksTable} (notified)",
    ];
}
