using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Identity;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>Issue 11, findings 4, 6 and 7 and issue 8's stderr, through the executable as a process.</summary>
public sealed class LedgerSafetyProcessTests
{
    private const string Password = "Pw-LeakCanary-7Qz";

    private static async Task AddLicenceRowAsync(string file, long orderId)
    {
        await using var connection = new SqliteConnection("Data Source=" + file + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {LedgerSchema.LicensesTable} (order_id, product_id, license_key, issued_at) VALUES ({orderId}, 4, 'jetpack-scan_key{orderId}', '2025-01-01 00:00:00')";
        await command.ExecuteNonQueryAsync();
    }

    private static void Empty(string file)
    {
        File.WriteAllBytes(file, []);
        File.Delete(file + "-wal");
        File.Delete(file + "-shm");
    }

    [Fact]
    public async Task Migrate_and_serve_refuse_an_emptied_or_replaced_ledger_until_a_new_one_is_accepted()
    {
        using var directory = new TempDirectory();
        var dataDir = Path.Combine(directory.Path, "data");
        var ledger = Path.Combine(dataDir, "ledger.db");
        var first = await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir);
        Assert.True(first.Exit == 0, first.All);
        await AddLicenceRowAsync(ledger, 1);
        await AddLicenceRowAsync(ledger, 2);
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir)).Exit);
        Assert.True(File.Exists(Path.Combine(dataDir, LedgerIdentity.MarkerFileName)));

        Empty(ledger);
        var emptied = await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir);
        Assert.True(emptied.Exit != 0, emptied.All);
        Assert.Empty(emptied.Stdout.Trim());
        Assert.Contains("has no ledger id", emptied.Stderr, StringComparison.Ordinal);
        Assert.Contains("restore the ledger from its backup", emptied.Stderr, StringComparison.Ordinal);
        Assert.Contains("--accept-new-ledger", emptied.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("0 licence row", emptied.All, StringComparison.Ordinal);

        var serve = await CliProcess.RunAsync(directory.Path, "serve", "--data-dir", dataDir, "--urls", "http://127.0.0.1:0");
        Assert.True(serve.Exit != 0, serve.All);
        Assert.Contains("restore the ledger from its backup", serve.Stderr, StringComparison.Ordinal);

        // Another ledger (created elsewhere, copied over) is refused just the same.
        using var elsewhere = new TempDirectory();
        Assert.Equal(0, (await CliProcess.RunAsync(elsewhere.Path, "migrate", "--data-dir", elsewhere.Path)).Exit);
        File.Copy(Path.Combine(elsewhere.Path, "ledger.db"), ledger, overwrite: true);
        var replaced = await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir);
        Assert.True(replaced.Exit != 0, replaced.All);
        Assert.Contains("is another ledger", replaced.Stderr, StringComparison.Ordinal);

        // The operator means it: accepted once, then the new ledger is the remembered one.
        var accepted = await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir, "--accept-new-ledger");
        Assert.True(accepted.Exit == 0, accepted.All);
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir)).Exit);
    }

    [Fact]
    public async Task A_ledger_restored_from_an_older_backup_with_fewer_rows_is_refused()
    {
        using var directory = new TempDirectory();
        var ledger = Path.Combine(directory.Path, "ledger.db");
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", directory.Path)).Exit);
        await AddLicenceRowAsync(ledger, 1);
        File.Copy(ledger, ledger + ".backup");
        await AddLicenceRowAsync(ledger, 2);
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", directory.Path)).Exit);

        File.Copy(ledger + ".backup", ledger, overwrite: true);
        var older = await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", directory.Path);

        Assert.True(older.Exit != 0, older.All);
        Assert.Contains("only up to #1", older.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_MariaDB_a_database_that_lacks_the_remembered_ledger_id_is_refused()
    {
        await using var database = await TestMariaDb.CreateAsync();
        using var directory = new TempDirectory();
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", directory.Path, "--database", database.ConnectionString)).Exit);

        await database.DropAsync();
        await using (var connection = new MySqlConnection(Environment.GetEnvironmentVariable("JETPACK_WHMCS_TEST_MYSQL")))
        {
            await connection.OpenAsync();
            await new MySqlCommand($"CREATE DATABASE {database.Name}", connection).ExecuteNonQueryAsync();
        }

        var recreated = await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", directory.Path, "--database", database.ConnectionString);
        Assert.True(recreated.Exit != 0, recreated.All);
        Assert.Contains("has no ledger id", recreated.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(new MySqlConnectionStringBuilder(database.ConnectionString).Password, recreated.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_a_connection_string_is_never_printed_by_migrate_licenses_list_or_doctor()
    {
        using var directory = new TempDirectory();
        var sqlite = $"Data Source={Path.Combine(directory.Path, "pw.db")};Password={Password}";
        var mysql = $"Server=127.0.0.1;Port=1;Database=nowhere;User ID=jw;Password={Password};Connection Timeout=2";
        foreach (var database in new[] { sqlite, mysql })
        {
            foreach (var command in new[] { new[] { "migrate" }, ["licenses", "list"], ["doctor", "--api-url", "http://127.0.0.1:1/"] })
            {
                var run = await CliProcess.RunAsync(directory.Path, [.. command, "--data-dir", directory.Path, "--database", database]);
                Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
                Assert.True(run.Exit != 0, $"{string.Join(' ', command)}: {run.All}");
                if (database == sqlite)
                {
                    // The SQLite connection string is read as one: the file is pw.db, not a file named after the whole string.
                    Assert.Contains("SQLite file " + Path.Combine(directory.Path, "pw.db"), run.All, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task A_failure_goes_to_stderr_so_that_json_output_captures_no_error()
    {
        using var directory = new TempDirectory();
        var run = await CliProcess.RunAsync(directory.Path, "licenses", "list", "--json", "--data-dir", directory.Path, "--database", "Server=127.0.0.1;Port=1;Database=nowhere;User ID=jw;Password=x;Connection Timeout=2");

        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Stdout);
        Assert.Contains("could not be read", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_new_ledger_and_its_wal_and_shm_files_are_owner_only()
    {
        using var directory = new TempDirectory();
        var dataDir = Path.Combine(directory.Path, "data");
        var ledger = Path.Combine(dataDir, "ledger.db");
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, "migrate", "--data-dir", dataDir)).Exit);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ledger));

        // While a process holds the ledger open in WAL mode its -wal and -shm files exist: SQLite gives
        // them the database file's mode.
        var opened = LedgerFactory.Create(ledger);
        await opened.PingAsync();
        await opened.ListAsync(new LedgerQuery());
        foreach (var file in new[] { ledger + "-wal", ledger + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        SqliteConnection.ClearAllPools();
    }
}
