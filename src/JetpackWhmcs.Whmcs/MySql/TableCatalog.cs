using Dapper;
using MySqlConnector;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>Which of WHMCS's tables the connected database lacks (the ledger may live in a database of its own).</summary>
internal static class TableCatalog
{
    private const string Present =
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN @Tables";

    public static async Task<IReadOnlyList<string>> MissingAsync(MySqlConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        var present = await connection.QueryAsync<string>(new CommandDefinition(Present, new { Tables = tables }, cancellationToken: cancellationToken));
        // lower_case_table_names decides how the server spells them back: compare without case.
        var found = new HashSet<string>(present, StringComparer.OrdinalIgnoreCase);
        return [.. tables.Where(t => !found.Contains(t))];
    }
}
