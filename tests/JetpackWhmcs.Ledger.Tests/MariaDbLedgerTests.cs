using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The ledger behaviours on the test MariaDB server (JETPACK_WHMCS_TEST_MYSQL).</summary>
public sealed class MariaDbLedgerTests : LedgerTests
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
