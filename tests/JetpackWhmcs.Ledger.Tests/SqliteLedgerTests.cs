using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The ledger behaviours on a SQLite file.</summary>
public sealed class SqliteLedgerTests : LedgerTests
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}
