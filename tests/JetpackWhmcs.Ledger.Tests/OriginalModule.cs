using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>
/// The original PHP module's table and rows, as its Laravel-style schema builder and its
/// CreateAccount wrote them: only (order_id, product_id, license_key, issued_at), nothing else.
/// </summary>
public static class OriginalModule
{
    /// <summary>The DDL the original's schema builder emits on MySQL.</summary>
    public const string MySqlDdl =
        "create table `jetpack_product_licenses` (`id` int unsigned not null auto_increment primary key, `order_id` int not null, " +
        "`product_id` int not null, `license_key` varchar(255) not null, `issued_at` timestamp not null, `revoked_at` timestamp null) " +
        "default character set utf8mb4 collate 'utf8mb4_unicode_ci'";

    /// <summary>The same table as the schema builder emits it on SQLite.</summary>
    public const string SqliteDdl =
        "create table \"jetpack_product_licenses\" (\"id\" integer primary key autoincrement not null, \"order_id\" integer not null, " +
        "\"product_id\" integer not null, \"license_key\" varchar not null, \"issued_at\" datetime not null, \"revoked_at\" datetime)";

    /// <summary>
    /// Creates the original table. On MariaDB the session has explicit_defaults_for_timestamp off,
    /// as on older servers: <c>issued_at</c> then becomes ON UPDATE CURRENT_TIMESTAMP.
    /// </summary>
    public static async Task CreateTableAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == LedgerProvider.MySql)
        {
            await database.ExecuteAsync("SET SESSION explicit_defaults_for_timestamp = 0; " + MySqlDdl);
        }
        else
        {
            await database.ExecuteAsync(SqliteDdl);
        }
    }

    /// <summary>Inserts a row the way the original's CreateAccount did; returns its id.</summary>
    public static async Task<long> InsertRowAsync(TestDatabase database, long orderId, long productId, string licenseKey, string issuedAt)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.ExecuteAsync(
            "insert into jetpack_product_licenses (order_id, product_id, license_key, issued_at) values (@orderId, @productId, @licenseKey, @issuedAt)",
            new { orderId, productId, licenseKey, issuedAt });
        return await database.ScalarAsync<long>("select max(id) from jetpack_product_licenses");
    }

    /// <summary>Revokes a row the way the original's TerminateAccount did.</summary>
    public static Task RevokeRowAsync(TestDatabase database, long id, string revokedAt)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ExecuteAsync("update jetpack_product_licenses set revoked_at = @revokedAt where id = @id", new { id, revokedAt });
    }
}
