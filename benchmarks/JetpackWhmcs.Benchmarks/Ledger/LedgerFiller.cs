using System.Data.Common;
using System.Globalization;
using System.Text;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Benchmarks.Ledger;

/// <summary>
/// Fills the ledger table with a realistic mix straight through SQL (the engine would take hours to
/// write a million rows through the API): one row in five written by the original module (no service),
/// then active service rows, addon rows and revoked rows. Row i's values derive from i, so lookups can
/// pick existing rows without reading them first.
/// </summary>
internal static class LedgerFiller
{
    private const int BatchSize = 2000;

    public static string KeyOf(long i) => $"jetpack-backup-daily_{i.ToString("D25", CultureInfo.InvariantCulture)}";

    /// <summary>Row kinds by <c>i % 10</c>: 0-1 legacy, 2-7 active service, 8 addon, 9 revoked service.</summary>
    public static bool IsLegacy(long i) => i % 10 < 2;

    public static bool IsActiveService(long i) => i % 10 is >= 2 and <= 7;

    public static bool IsAddon(long i) => i % 10 == 8;

    public static long ProductIdOf(long i) => (i % 50) + 1;

    public static void Fill(BenchmarkDatabase database, long rows)
    {
        using var connection = database.OpenConnection();
        var start = 1L;
        while (start <= rows)
        {
            var end = Math.Min(rows, start + BatchSize - 1);
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = BuildInsert(start, end);
            command.ExecuteNonQuery();
            transaction.Commit();
            start = end + 1;
        }

        if (!database.IsMySql)
        {
            Execute(connection, "ANALYZE");
        }
        else
        {
            Execute(connection, $"ANALYZE TABLE {LedgerSchema.LicensesTable}");
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    // Generated integers and fixed words only: nothing here comes from outside the program.
    private static string BuildInsert(long start, long end)
    {
        var sql = new StringBuilder(
            $"INSERT INTO {LedgerSchema.LicensesTable} (order_id, product_id, license_key, issued_at, revoked_at, " +
            "service_id, addon_id, state, active_owner, product_slug) VALUES ");
        const string issued = "'2025-01-01 00:00:00'";
        for (var i = start; i <= end; i++)
        {
            if (i > start)
            {
                sql.Append(',');
            }

            var order = i.ToString(CultureInfo.InvariantCulture);
            var product = ProductIdOf(i).ToString(CultureInfo.InvariantCulture);
            var key = KeyOf(i);
            sql.Append(CultureInfo.InvariantCulture, $"({order},{product},'{key}',{issued},");
            if (IsLegacy(i))
            {
                var revoked = i % 20 == 0 ? "'2025-06-01 00:00:00'" : "NULL";
                sql.Append(CultureInfo.InvariantCulture, $"{revoked},NULL,NULL,NULL,NULL,NULL)");
            }
            else if (IsActiveService(i))
            {
                sql.Append(CultureInfo.InvariantCulture, $"NULL,{order},NULL,'active','service:{order}','jetpack-backup-daily')");
            }
            else if (IsAddon(i))
            {
                sql.Append(CultureInfo.InvariantCulture, $"NULL,{i / 2},{order},'active','addon:{order}','jetpack-backup-daily')");
            }
            else
            {
                sql.Append(CultureInfo.InvariantCulture, $"'2025-06-01 00:00:00',{order},NULL,'revoked',NULL,'jetpack-backup-daily')");
            }
        }

        return sql.ToString();
    }
}
