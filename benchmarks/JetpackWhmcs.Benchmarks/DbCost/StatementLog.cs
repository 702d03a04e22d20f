namespace JetpackWhmcs.Benchmarks.DbCost;

/// <summary>
/// What one module call sent to the database, read from the general log: the statements by kind and
/// the commits that write (an autocommit write, or a COMMIT). Round trips are not read here: the log
/// omits a pooled connection's reset, and pipelined commands cost one trip, so the wire counts them.
/// </summary>
internal sealed record StatementLog(int Selects, int Writes, int Sets, int WriteCommits, IReadOnlyList<string> Lines)
{
    public static StatementLog From(IReadOnlyList<(long Thread, string Command, string Argument)> rows)
    {
        int selects = 0, writes = 0, sets = 0, commits = 0;
        var inTransaction = new HashSet<long>();
        var lines = new List<string>();
        foreach (var (thread, command, argument) in rows)
        {
            lines.Add($"[{thread}] {command}: {Shorten(argument)}");
            if (command is not ("Query" or "Execute"))
            {
                // Connect, Quit: no statement.
                continue;
            }

            foreach (var statement in argument.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var verb = statement.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "SELECT":
                        selects++;
                        break;
                    case "INSERT" or "UPDATE" or "DELETE" or "REPLACE":
                        writes++;
                        if (!inTransaction.Contains(thread))
                        {
                            // Autocommit: the statement is its own transaction.
                            commits++;
                        }

                        break;
                    case "SET":
                        sets++;
                        break;
                    case "START" or "BEGIN":
                        inTransaction.Add(thread);
                        break;
                    case "COMMIT":
                        inTransaction.Remove(thread);
                        commits++;
                        break;
                    case "ROLLBACK":
                        inTransaction.Remove(thread);
                        break;
                }
            }
        }

        return new StatementLog(selects, writes, sets, commits, lines);
    }

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        // The column list says nothing about the cost; the table and the WHERE clause do.
        var from = flat.IndexOf(" FROM ", StringComparison.Ordinal);
        if (flat.StartsWith("SELECT ", StringComparison.Ordinal) && from > 0)
        {
            flat = "SELECT ... " + flat[(from + 1)..];
        }

        return flat.Length > 200 ? flat[..200] + "..." : flat;
    }
}
