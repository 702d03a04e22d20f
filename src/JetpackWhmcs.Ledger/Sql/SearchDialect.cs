using Dapper;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>
/// How each dialect writes the licence list's searches. "The column starts with this text" is written
/// so that the column's index serves it: SQLite's LIKE ignores case and so skips a binary index, while
/// MySQL's collation already ignores case and serves <c>LIKE 'text%'</c> from the index. And a search
/// that matches a large share of the table is read in primary-key order instead (see
/// <see cref="PrimaryKeyOrder"/>).
/// </summary>
internal abstract class SearchDialect
{
    /// <summary>
    /// The table reference, after <c>FROM table</c>, that makes the database walk the primary key in
    /// order: for a prefix matching most of the table, finding a page's rows along the key order is
    /// cheap, while reading every match from the prefix's index and sorting them is not.
    /// </summary>
    public abstract string PrimaryKeyOrder { get; }

    /// <summary>
    /// The table reference that makes the database read one state's rows from the (state, id) index in
    /// id order: for a page filtered by state alone, planners weighing their statistics otherwise walk
    /// the primary key looking for the original module's rows (state NULL), all of the table when
    /// there are few.
    /// </summary>
    public abstract string StateIndexOrder { get; }

    /// <summary>The predicate for <paramref name="column"/> starting with <paramref name="prefix"/>; adds its parameters named after <paramref name="name"/>.</summary>
    public abstract string Predicate(string column, string name, string prefix, DynamicParameters parameters);

    /// <summary>SQLite: a range on the binary index, <c>prefix &lt;= column &lt; prefix + U+10FFFF</c> (exact case).</summary>
    public sealed class Range : SearchDialect
    {
        public override string PrimaryKeyOrder => " NOT INDEXED";

        public override string StateIndexOrder => $" INDEXED BY {LedgerSchema.Indexes.StateId}";

        public override string Predicate(string column, string name, string prefix, DynamicParameters parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            parameters.Add(name, prefix);
            parameters.Add(name + "End", prefix + "\U0010FFFF");
            return $"({column} >= @{name} AND {column} < @{name}End)";
        }
    }

    /// <summary>MySQL/MariaDB: <c>LIKE 'prefix%'</c> with the pattern characters escaped.</summary>
    public sealed class Like : SearchDialect
    {
        public override string PrimaryKeyOrder => " FORCE INDEX (PRIMARY)";

        public override string StateIndexOrder => $" FORCE INDEX ({LedgerSchema.Indexes.StateId})";

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
