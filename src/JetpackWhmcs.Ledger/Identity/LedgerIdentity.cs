using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using JetpackWhmcs.Ledger.MySql;
using JetpackWhmcs.Ledger.Sql;

namespace JetpackWhmcs.Ledger.Identity;

/// <summary>
/// Tells a ledger that was in use from an emptied or replaced one, so that `migrate` and `serve` never
/// take a truncated file for a new ledger (Create would then issue again, and bill again, for every
/// service). The ledger holds a random id in its own table (<see cref="Table"/>, created here, not by a
/// migration version); the data directory keeps a marker with that id and the highest licence row id
/// seen. <see cref="CheckAsync"/> runs before migrating, <see cref="RecordAsync"/> after.
/// </summary>
public sealed class LedgerIdentity
{
    /// <summary>The table holding the ledger's id (one row).</summary>
    public const string Table = "jetpack_whmcs_ledger_identity";

    /// <summary>The marker's file name in the data directory.</summary>
    public const string MarkerFileName = "ledger-identity.json";

    /// <summary>The flag that accepts a new ledger where the data directory remembers another.</summary>
    public const string AcceptNewLedgerFlag = "--accept-new-ledger";

    private static readonly JsonSerializerOptions MarkerJson = new() { WriteIndented = true };

    private readonly SqlLicenseLedger ledger;
    private readonly bool mySql;
    private readonly string description;
    private readonly TimeProvider time;

    /// <summary>Creates the guard for <paramref name="ledger"/> (from <see cref="LedgerFactory"/>) and a data directory.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="dataDirectory">The data directory that keeps the marker.</param>
    /// <param name="description">Which database it is, safe to print (no password).</param>
    /// <param name="timeProvider">The clock.</param>
    public LedgerIdentity(ILicenseLedger ledger, string dataDirectory, string description, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        this.ledger = ledger as SqlLicenseLedger ?? throw new ArgumentException("The ledger must come from LedgerFactory.", nameof(ledger));
        mySql = ledger is MySqlLicenseLedger;
        this.description = description ?? "";
        time = timeProvider ?? TimeProvider.System;
        MarkerPath = Path.Combine(Path.GetFullPath(dataDirectory), MarkerFileName);
    }

    /// <summary>The marker file.</summary>
    public string MarkerPath { get; }

    /// <summary>The marker, or null when the data directory has none (it never used a ledger).</summary>
    public LedgerIdentityMarker? ReadMarker()
    {
        if (!File.Exists(MarkerPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LedgerIdentityMarker>(File.ReadAllText(MarkerPath), MarkerJson)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new LedgerIdentityException(
                $"The ledger marker {MarkerPath} cannot be read ({e.Message.Split('.')[0]}): restore it from the backup of the data directory, or delete it if this data directory is meant to adopt the ledger in {description}.",
                e);
        }
    }

    /// <summary>
    /// Refuses a ledger that this data directory shows was in use before but that now lacks its id, has
    /// another id, or has fewer licence rows than were seen: emptied, truncated or replaced. With
    /// <paramref name="acceptNew"/> the check passes and <see cref="RecordAsync"/> adopts the ledger as it is.
    /// </summary>
    /// <exception cref="LedgerIdentityException">The sentence saying what was found and how to restore it.</exception>
    public async Task CheckAsync(bool acceptNew, CancellationToken cancellationToken = default)
    {
        var marker = ReadMarker();
        if (marker is null || acceptNew)
        {
            return;
        }

        var (id, highest) = await ReadLedgerAsync(cancellationToken).ConfigureAwait(false);
        string? found =
            id is null ? "has no ledger id (an empty, truncated or newly created database)"
            : !string.Equals(id, marker.LedgerId, StringComparison.Ordinal) ? $"is another ledger (id {id})"
            : highest < marker.HighestRowId ? $"holds licence rows only up to #{highest} (rows were lost: truncated, or restored from an older backup)"
            : null;
        if (found is null)
        {
            return;
        }

        throw new LedgerIdentityException(
            $"The ledger in {description} is not the one this data directory last used: it remembers ledger {marker.LedgerId} with licence rows up to #{marker.HighestRowId}, and this database {found}. " +
            $"Serving from it would issue a new paid licence for every service again, so nothing was done: restore the ledger from its backup (or point --database at the right one); " +
            $"if it really is meant to start over, run `jetpack-whmcs migrate {AcceptNewLedgerFlag}` once, then `jetpack-whmcs reconcile`.");
    }

    /// <summary>
    /// After migrating: gives the ledger an id when it has none (the first instance to do so wins; the
    /// others read it) and writes the marker with the highest licence row id. Idempotent.
    /// </summary>
    public async Task<LedgerIdentityMarker> RecordAsync(CancellationToken cancellationToken = default)
    {
        var (existing, _) = await ReadLedgerAsync(cancellationToken).ConfigureAwait(false);
        // A ledger that has its id is not written to here, so a start on a ledger that has become
        // read-only still comes up and reports it (health, 503s) instead of failing here.
        if (existing is null)
        {
            await CreateIdentityAsync(cancellationToken).ConfigureAwait(false);
        }

        var (id, highest) = await ReadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var marker = new LedgerIdentityMarker(id!, highest, description, time.GetUtcNow());
        WriteMarker(marker);
        return marker;
    }

    private async Task CreateIdentityAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await ledger.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var create = mySql
                ? $"CREATE TABLE IF NOT EXISTS {Table} (slot INT NOT NULL PRIMARY KEY, ledger_id VARCHAR(64) NOT NULL, created_at BIGINT NOT NULL) ENGINE=InnoDB"
                : $"CREATE TABLE IF NOT EXISTS {Table} (slot INTEGER NOT NULL PRIMARY KEY, ledger_id TEXT NOT NULL, created_at INTEGER NOT NULL)";
            await connection.ExecuteAsync(new CommandDefinition(create, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var insert = mySql
                ? $"INSERT IGNORE INTO {Table} (slot, ledger_id, created_at) VALUES (1, @Id, @At)"
                : $"INSERT OR IGNORE INTO {Table} (slot, ledger_id, created_at) VALUES (1, @Id, @At)";
            await connection.ExecuteAsync(new CommandDefinition(
                insert,
                new { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), At = time.GetUtcNow().ToUnixTimeSeconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Raises the marker's highest row id to the ledger's (a running service calls it now and then, so
    /// the marker stays close to the truth). Does nothing when the ledger is not the marker's.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var marker = ReadMarker();
        if (marker is null)
        {
            return;
        }

        var (id, highest) = await ReadLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (string.Equals(id, marker.LedgerId, StringComparison.Ordinal) && highest > marker.HighestRowId)
        {
            WriteMarker(marker with { HighestRowId = highest, UpdatedAt = time.GetUtcNow() });
        }
    }

    private async Task<(string? Id, long HighestRowId)> ReadLedgerAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        string? id = null;
        if (await TableExistsAsync(connection, Table, cancellationToken).ConfigureAwait(false))
        {
            id = await connection.ExecuteScalarAsync<string?>(new CommandDefinition($"SELECT ledger_id FROM {Table} WHERE slot = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        long highest = 0;
        if (await TableExistsAsync(connection, LedgerSchema.LicensesTable, cancellationToken).ConfigureAwait(false))
        {
            // The primary key's maximum: one index step, where COUNT(*) would read the whole table.
            highest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"SELECT MAX(id) FROM {LedgerSchema.LicensesTable}", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
        }

        return (id, highest);
    }

    private async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var sql = mySql
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @Table"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @Table";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { Table = table }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    private void WriteMarker(LedgerIdentityMarker marker)
    {
        // Written beside, then moved over: a crash never leaves half a marker.
        var temporary = MarkerPath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, marker, MarkerJson);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, MarkerPath, overwrite: true);
    }
}
