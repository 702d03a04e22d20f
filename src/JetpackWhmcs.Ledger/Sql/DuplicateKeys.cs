using System.Data.Common;
using Dapper;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>The check that runs before the unique licence-key index is built on an adopted table.</summary>
internal static class DuplicateKeys
{
    private const string Query =
        $"SELECT license_key FROM {LedgerSchema.LicensesTable} GROUP BY license_key HAVING COUNT(*) > 1 ORDER BY license_key LIMIT 10";

    /// <summary>Throws an actionable <see cref="LedgerMigrationException"/> when keys repeat.</summary>
    public static async Task ThrowIfAnyAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var keys = (await connection.QueryAsync<string>(new CommandDefinition(Query, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        if (keys.Count > 0)
        {
            throw new LedgerMigrationException(
                $"The table {LedgerSchema.LicensesTable} holds the same licence key on several rows ({string.Join(", ", keys)}), " +
                "so the unique index on license_key cannot be built: keep one row per key (delete or correct the others), then start the service again.");
        }
    }
}
