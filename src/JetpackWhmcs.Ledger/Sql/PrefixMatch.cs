using Dapper;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>
/// "The column starts with this text", written so that the column's index serves it: each dialect
/// compares differently (SQLite's LIKE ignores case and so skips a binary index; MySQL's collation
/// already ignores case and serves <c>LIKE 'text%'</c> from the index).
/// </summary>
internal abstract class PrefixMatch
{
    /// <summary>The predicate for <paramref name="column"/> starting with <paramref name="prefix"/>; adds its parameters named after <paramref name="name"/>.</summary>
    public abstract string Predicate(string column, string name, string prefix, DynamicParameters parameters);

    /// <summary>SQLite: a range on the binary index, <c>prefix &lt;= column &lt; prefix + U+10FFFF</c> (exact case).</summary>
    public sealed class Range : PrefixMatch
    {
        public override string Predicate(string column, string name, string prefix, DynamicParameters parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            parameters.Add(name, prefix);
            parameters.Add(name + "End", prefix + "\U0010FFFF");
            return $"({column} >= @{name} AND {column} < @{name}End)";
        }
    }

    /// <summary>MySQL/MariaDB: <c>LIKE 'prefix%'</c> with the pattern characters escaped.</summary>
    public sealed class Like : PrefixMatch
    {
        public override string Predicate(string column, string name, string prefix, DynamicParameters parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            ArgumentNullException.ThrowIfNull(prefix);
            var escaped = prefix.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);
            parameters.Add(name, escaped + "%");
            return $"{column} LIKE @{name} ESCAPE '!'";
        }
    }
}
