using JetpackWhmcs.Service.Configuration;
using MySqlConnector;

namespace JetpackWhmcs.Service.Tokens;

/// <summary>
/// Reads the partner tokens WHMCS itself stores: <c>tblproducts.configoption1</c> of products with
/// <c>servertype = 'jetpack'</c>, and <c>tblmodule_configuration</c> (<c>setting_name = 'configoption1'</c>)
/// of product addons whose module is <c>jetpack</c>. Only on MySQL/MariaDB, and only when those tables
/// exist (the ledger may live in a database of its own).
/// </summary>
public static class WhmcsTokenSource
{
    private const string ProductTokens =
        "SELECT configoption1 FROM tblproducts WHERE servertype = 'jetpack' AND configoption1 <> ''";

    private const string AddonTokens =
        "SELECT mc.value FROM tblmodule_configuration mc JOIN tbladdons a ON a.id = mc.entity_id " +
        "WHERE mc.entity_type = 'addon' AND mc.setting_name = 'configoption1' AND a.module = 'jetpack' AND mc.value <> ''";

    /// <summary>The tokens found; empty on SQLite or when WHMCS's tables are absent.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(string database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!DatabaseKind.IsConnectionString(database))
        {
            return [];
        }

        await using var connection = new MySqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        var found = new List<string>();
        foreach (var (table, sql) in new[] { ("tblproducts", ProductTokens), ("tblmodule_configuration", AddonTokens) })
        {
            if (!await TableExistsAsync(connection, table, cancellationToken) || (table == "tblmodule_configuration" && !await TableExistsAsync(connection, "tbladdons", cancellationToken)))
            {
                continue;
            }

            await using var command = new MySqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0) && reader.GetString(0).Trim() is { Length: > 0 } token)
                {
                    found.Add(token);
                }
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private static async Task<bool> TableExistsAsync(MySqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @table", connection);
        command.Parameters.AddWithValue("@table", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
