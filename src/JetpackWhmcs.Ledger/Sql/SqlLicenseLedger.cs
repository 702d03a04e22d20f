using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>
/// The ledger logic shared by both databases: a connection per operation, the statements of
/// <see cref="LedgerStatements"/>, and duplicate-key errors treated as answers (the slot or key is
/// taken), not as failures. Dialects supply connections, the duplicate-key test and migrations.
/// </summary>
internal abstract class SqlLicenseLedger : ILicenseLedger
{
    private const int MaxKeysPerQuery = 500;

    protected SqlLicenseLedger(LedgerStatements statements, TimeProvider? timeProvider, ILogger? logger)
    {
        Sql = statements;
        Time = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
    }

    internal LedgerStatements Sql { get; }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    /// <summary>Opens a connection ready for use (session settings applied).</summary>
    protected internal abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation.</summary>
    protected abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// True when the statement lost a lock race and changed nothing, so running it again is safe
    /// (an InnoDB deadlock between concurrent inserts of one unique key; SQLite still busy after its timeout).
    /// </summary>
    protected abstract bool IsLockConflict(DbException exception);

    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Sql.Ping, cancellationToken: cancellationToken));
    }

    public Task<LicenseRecord?> FindBySlotAsync(string slotKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slotKey);
        return QuerySingleAsync(Sql.SelectBySlot, new { Slot = slotKey }, cancellationToken);
    }

    public Task<IReadOnlyList<LicenseRecord>> FindByOwnerAsync(LicenseOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var sql = owner.Kind == OwnerKind.Service ? Sql.SelectByService : Sql.SelectByAddon;
        return QueryListAsync(sql, new { owner.Id }, cancellationToken);
    }

    public Task<LicenseRecord?> FindUnclaimedLegacyAsync(long orderId, long productId, CancellationToken cancellationToken = default) =>
        QuerySingleAsync(Sql.SelectUnclaimedLegacy, new { OrderId = orderId, ProductId = productId }, cancellationToken);

    public Task<LicenseRecord?> FindByKeyAsync(string licenseKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(licenseKey);
        return QuerySingleAsync(Sql.SelectByKey, new { LicenseKey = licenseKey }, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindKnownKeysAsync(IReadOnlyCollection<string> licenseKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseKeys);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var distinct = licenseKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return known;
        }

        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in distinct.Chunk(MaxKeysPerQuery))
        {
            var found = await connection.QueryAsync<string>(
                new CommandDefinition(Sql.SelectKnownKeys, new { Keys = chunk }, cancellationToken: cancellationToken));
            // MySQL compares keys case-insensitively; report the caller's spelling only for exact matches.
            known.UnionWith(found.Where(k => chunk.Contains(k, StringComparer.Ordinal)));
        }

        return known;
    }

    public Task<LicenseRecord?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        QuerySingleAsync(Sql.SelectById, new { Id = id }, cancellationToken);

    public Task<IReadOnlyList<LicenseRecord>> ListAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var sql = new StringBuilder(Sql.ListPrefix);
        var parameters = new DynamicParameters();
        parameters.Add("AfterId", query.AfterId);
        parameters.Add("Limit", query.Limit);
        if (query.State is { } state)
        {
            sql.Append(Sql.ListStateFilter);
            parameters.Add("State", DbValues.StateName(state));
        }

        if (query.ProductSlug is { } slug)
        {
            sql.Append(" AND product_slug = @ProductSlug");
            parameters.Add("ProductSlug", slug);
        }

        if (query.ServiceId is { } serviceId)
        {
            sql.Append(" AND service_id = @ServiceId");
            parameters.Add("ServiceId", serviceId);
        }

        if (query.AddonId is { } addonId)
        {
            sql.Append(" AND addon_id = @AddonId");
            parameters.Add("AddonId", addonId);
        }

        sql.Append(Sql.ListSuffix);
        return QueryListAsync(sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>How this dialect writes "starts with" so that an index serves it.</summary>
    protected internal abstract SearchDialect Search { get; }

    public async Task<IReadOnlyList<LicenseRecord>> ListPageAsync(LicensePageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, LicensePageQuery.MaxLimit);
        if (query.ServiceIds is { Count: 0 })
        {
            return [];
        }

        var rows = new List<LicenseRecord>();
        await using var connection = await OpenAsync(cancellationToken);
        var probes = LicensePageSql.Probes(query, Search);
        var broad = probes.Count > 0;
        foreach (var (probe, probeParameters) in probes)
        {
            if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(probe, probeParameters, cancellationToken: cancellationToken)) is null)
            {
                broad = false;
                break;
            }
        }

        foreach (var (sql, parameters) in LicensePageSql.Build(query, Search, broad))
        {
            var found = await connection.QueryAsync<LicenseRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
            rows.AddRange(found.Select(r => r.ToRecord()));
        }

        var ordered = query.NewestFirst ? rows.OrderByDescending(r => r.Id) : rows.OrderBy(r => r.Id);
        return [.. ordered.Take(query.Limit)];
    }

    public Task<IReadOnlyList<LicenseRecord>> ListPendingAsync(DateTime claimedBefore, CancellationToken cancellationToken = default) =>
        QueryListAsync(Sql.SelectPending, new { Before = DbValues.WriteTime(claimedBefore) }, cancellationToken);

    public async Task<IReadOnlyDictionary<LicenseState, long>> CountByStateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, long Count)>(
            new CommandDefinition(Sql.CountByState, cancellationToken: cancellationToken));
        var counts = Enum.GetValues<LicenseState>().ToDictionary(s => s, _ => 0L);
        foreach (var (state, count) in rows)
        {
            counts[DbValues.ParseState(state, null)] += count;
        }

        return counts;
    }

    public async Task<ClaimResult> TryClaimAsync(NewClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrEmpty(claim.SlotKey);
        ArgumentException.ThrowIfNullOrEmpty(claim.ClaimId);
        ArgumentException.ThrowIfNullOrEmpty(claim.ProductSlug);
        DbValues.Checked(claim.SlotKey, LedgerSchema.Lengths.ActiveOwner, nameof(claim));
        DbValues.Checked(claim.ClaimId, LedgerSchema.Lengths.ClaimId, nameof(claim));
        DbValues.Checked(claim.ProductSlug, LedgerSchema.Lengths.ProductSlug, nameof(claim));
        DbValues.Checked(claim.TokenFingerprint, LedgerSchema.Lengths.TokenFingerprint, nameof(claim));

        var isService = claim.Owner.Kind == OwnerKind.Service;
        var parameters = new
        {
            claim.OrderId,
            claim.ProductId,
            LicenseKey = DbValues.PendingKey(claim.ClaimId),
            Now = DbValues.WriteTime(claim.Now),
            ServiceId = isService ? claim.Owner.Id : claim.ParentServiceId,
            AddonId = isService ? (long?)null : claim.Owner.Id,
            Slot = claim.SlotKey,
            claim.ProductSlug,
            claim.TokenFingerprint,
            claim.ClaimId,
            claim.Holder,
        };

        await using var connection = await OpenAsync(cancellationToken);
        // A holder can disappear between our failed insert and our lookup (released or revoked), and
        // concurrent inserts of one unique key can deadlock on InnoDB: in both cases nothing was
        // written and we try again; a few rounds settle any realistic race.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                var id = await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition(Sql.InsertClaim, parameters, cancellationToken: cancellationToken));
                var inserted = await QuerySingleAsync(connection, Sql.SelectById, new { Id = id }, cancellationToken)
                    ?? throw new InvalidOperationException($"The ledger lost the claim row {id} it just inserted.");
                return new ClaimResult(true, inserted);
            }
            catch (DbException e) when (IsUniqueViolation(e))
            {
                var holder = await QuerySingleAsync(connection, Sql.SelectBySlot, new { Slot = claim.SlotKey }, cancellationToken);
                if (holder is not null)
                {
                    if (Logger.IsEnabled(LogLevel.Debug))
                    {
                        Logger.LogDebug("Slot {Slot} is already held by ledger row {Id}.", claim.SlotKey, holder.Id);
                    }

                    return new ClaimResult(false, holder);
                }

                if (await QuerySingleAsync(connection, Sql.SelectByKey, new { parameters.LicenseKey }, cancellationToken) is not null)
                {
                    throw new InvalidOperationException(
                        $"The claim id {claim.ClaimId} was already used; every claim needs a fresh id.", e);
                }
            }
            catch (DbException e) when (IsLockConflict(e) && attempt < 4)
            {
                if (Logger.IsEnabled(LogLevel.Debug))
                {
                    Logger.LogDebug(e, "Claim of slot {Slot} lost a lock race; trying again.", claim.SlotKey);
                }
            }
        }

        throw new InvalidOperationException($"The slot {claim.SlotKey} kept changing hands; try the claim again.");
    }

    public async Task<bool> TryTakeOverClaimAsync(long id, string expectedClaimId, string newClaimId, DateTime now, string? holder = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedClaimId);
        ArgumentException.ThrowIfNullOrEmpty(newClaimId);
        DbValues.Checked(newClaimId, LedgerSchema.Lengths.ClaimId, nameof(newClaimId));
        DbValues.Checked(holder, LedgerSchema.Lengths.ClaimId, nameof(holder));
        return await ExecuteAsync(
            Sql.TakeOverClaim,
            new { Id = id, ExpectedClaimId = expectedClaimId, NewClaimId = newClaimId, Now = DbValues.WriteTime(now), Holder = holder },
            cancellationToken) == 1;
    }

    public async Task<bool> CompleteClaimAsync(long id, string claimId, IssuedLicense issued, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        ArgumentNullException.ThrowIfNull(issued);
        CheckIssued(issued);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await ExecuteAsync(connection, null, Sql.CompleteClaim, CompleteParameters(id, claimId, issued, now), cancellationToken) == 1;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            if (Logger.IsEnabled(LogLevel.Warning))
            {
                Logger.LogWarning("The licence key for ledger row {Id} is already recorded on another row; the claim was not completed.", id);
            }

            return false;
        }
    }

    private static object CompleteParameters(long id, string claimId, IssuedLicense issued, DateTime now) => new
    {
        Id = id,
        ClaimId = claimId,
        issued.LicenseKey,
        issued.JetpackLicenseId,
        IssuedAt = DbValues.WriteTime(issued.IssuedAt),
        issued.ProductSlug,
        issued.AttachedSite,
        AttachedAt = DbValues.WriteTime(issued.AttachedAt),
        Now = DbValues.WriteTime(now),
    };

    public async Task<bool> RecordUnassignedAsync(UnassignedLicense license, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        CheckIssued(license.License);
        DbValues.Checked(license.ProductSlug, LedgerSchema.Lengths.ProductSlug, nameof(license));
        DbValues.Checked(license.TokenFingerprint, LedgerSchema.Lengths.TokenFingerprint, nameof(license));
        try
        {
            return await ExecuteAsync(
                Sql.InsertUnassigned,
                new
                {
                    license.OrderId,
                    license.ProductId,
                    license.License.LicenseKey,
                    IssuedAt = DbValues.WriteTime(license.License.IssuedAt),
                    license.ProductSlug,
                    license.License.JetpackLicenseId,
                    license.TokenFingerprint,
                    Note = DbValues.Truncate(license.Note, LedgerSchema.Lengths.Message),
                    Now = DbValues.WriteTime(license.Now),
                },
                cancellationToken) == 1;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<LicenseRecord?> TryAdoptUnassignedAsync(long id, string claimId, string productSlug, string? tokenFingerprint, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        ArgumentException.ThrowIfNullOrEmpty(productSlug);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var spare = await QuerySingleAsync(
            connection, Sql.SelectUnassignedForUpdate, new { ProductSlug = productSlug, TokenFingerprint = tokenFingerprint }, cancellationToken, transaction);
        if (spare is null)
        {
            return null;
        }

        // Delete first: the key is unique, and the claim row takes it over.
        await ExecuteAsync(connection, transaction, Sql.DeleteUnassigned, new { spare.Id }, cancellationToken);
        var issued = new IssuedLicense(spare.LicenseKey, spare.JetpackLicenseId, spare.IssuedAt, productSlug);
        if (await ExecuteAsync(connection, transaction, Sql.CompleteClaim, CompleteParameters(id, claimId, issued, now), cancellationToken) != 1)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return await QuerySingleAsync(connection, Sql.SelectById, new { Id = id }, cancellationToken);
    }

    public async Task<bool> ReleaseClaimAsync(long id, string claimId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        return await ExecuteAsync(Sql.ReleaseClaim, new { Id = id, ClaimId = claimId }, cancellationToken) == 1;
    }

    public async Task<bool> TryAdoptLegacyAsync(long id, LicenseOwner owner, string? productSlug, string? tokenFingerprint, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        DbValues.Checked(productSlug, LedgerSchema.Lengths.ProductSlug, nameof(productSlug));
        DbValues.Checked(tokenFingerprint, LedgerSchema.Lengths.TokenFingerprint, nameof(tokenFingerprint));
        var isService = owner.Kind == OwnerKind.Service;
        try
        {
            return await ExecuteAsync(
                Sql.AdoptLegacy,
                new
                {
                    Id = id,
                    ServiceId = isService ? owner.Id : (long?)null,
                    AddonId = isService ? (long?)null : owner.Id,
                    Slot = owner.SlotKey,
                    ProductSlug = productSlug,
                    TokenFingerprint = tokenFingerprint,
                    Now = DbValues.WriteTime(now),
                },
                cancellationToken) == 1;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> TryRecordExistingAsync(LicenseOwner? owner, long orderId, long productId, IssuedLicense license, string? tokenFingerprint, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        CheckIssued(license);
        DbValues.Checked(tokenFingerprint, LedgerSchema.Lengths.TokenFingerprint, nameof(tokenFingerprint));
        var revoked = license.RevokedAt is not null;
        var isService = owner?.Kind == OwnerKind.Service;
        await using var connection = await OpenAsync(cancellationToken);
        // First with the owner's slot (when the licence is live), then without it if the slot is taken.
        var slots = revoked || owner is null ? new string?[] { null } : new[] { owner.SlotKey, null };
        foreach (var slot in slots)
        {
            try
            {
                await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    Sql.InsertExisting,
                    new
                    {
                        OrderId = orderId,
                        ProductId = productId,
                        license.LicenseKey,
                        IssuedAt = DbValues.WriteTime(license.IssuedAt),
                        RevokedAt = DbValues.WriteTime(license.RevokedAt),
                        ServiceId = owner is null ? null : isService ? owner.Id : (long?)null,
                        AddonId = owner is null || isService ? null : (long?)owner.Id,
                        State = revoked ? DbValues.Revoked : DbValues.Active,
                        Slot = slot,
                        license.ProductSlug,
                        license.JetpackLicenseId,
                        TokenFingerprint = tokenFingerprint,
                        license.AttachedSite,
                        AttachedAt = DbValues.WriteTime(license.AttachedAt),
                        Now = DbValues.WriteTime(now),
                    },
                    cancellationToken: cancellationToken));
                return true;
            }
            catch (DbException e) when (IsUniqueViolation(e))
            {
                if (await QuerySingleAsync(connection, Sql.SelectByKey, new { license.LicenseKey }, cancellationToken) is not null)
                {
                    return false;
                }
            }
        }

        return false;
    }

    public async Task MarkRevokedAsync(long id, DateTime revokedAt, DateTime now, CancellationToken cancellationToken = default) =>
        await ExpectRowAsync(id, await ExecuteAsync(
            Sql.MarkRevoked,
            new { Id = id, RevokedAt = DbValues.WriteTime(revokedAt), Now = DbValues.WriteTime(now) },
            cancellationToken));

    public async Task SetAttachmentAsync(long id, string? site, DateTime? attachedAt, DateTime now, CancellationToken cancellationToken = default)
    {
        DbValues.Checked(site, LedgerSchema.Lengths.Site, nameof(site));
        await ExpectRowAsync(id, await ExecuteAsync(
            Sql.SetAttachment,
            new { Id = id, Site = site, AttachedAt = site is null ? null : DbValues.WriteTime(attachedAt), Now = DbValues.WriteTime(now) },
            cancellationToken));
    }

    public async Task SetSuspendedSiteAsync(long id, string? site, DateTime now, CancellationToken cancellationToken = default)
    {
        DbValues.Checked(site, LedgerSchema.Lengths.Site, nameof(site));
        await ExpectRowAsync(id, await ExecuteAsync(
            Sql.SetSuspendedSite, new { Id = id, Site = site, Now = DbValues.WriteTime(now) }, cancellationToken));
    }

    public async Task SetLastErrorAsync(long id, string? message, DateTime now, CancellationToken cancellationToken = default) =>
        await ExpectRowAsync(id, await ExecuteAsync(
            Sql.SetLastError,
            new { Id = id, Message = DbValues.Truncate(message, LedgerSchema.Lengths.Message), Now = DbValues.WriteTime(now) },
            cancellationToken));

    public async Task PromoteSuccessorAsync(long previousId, DateTime previousRevokedAt, long successorId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (previousId == successorId)
        {
            throw new ArgumentException("A licence cannot succeed itself.", nameof(successorId));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var successor = await QuerySingleAsync(connection, Sql.SelectSuccessorForUpdate, new { Id = successorId }, cancellationToken, transaction)
            ?? throw new InvalidOperationException($"The successor ledger row {successorId} does not exist.");
        var suffix = "#next";
        var times = new { Id = previousId, RevokedAt = DbValues.WriteTime(previousRevokedAt), Now = DbValues.WriteTime(now) };
        // Only an issued successor may replace the licence: a pending one has no key yet.
        if (successor.State == LicenseState.Active && successor.ActiveOwner is { } slot && slot.EndsWith(suffix, StringComparison.Ordinal))
        {
            // Revoke first: that frees the owner's slot the successor moves into.
            await ExecuteAsync(connection, transaction, Sql.MarkRevokedIfNot, times, cancellationToken);
            await ExecuteAsync(connection, transaction, Sql.MoveSlot, new { Id = successorId, Slot = slot[..^suffix.Length], times.Now }, cancellationToken);
        }
        else if (successor.ActiveOwner is not null && successor.State == LicenseState.Active)
        {
            // A retry after the swap committed: make sure the previous one is revoked, nothing else.
            await ExecuteAsync(connection, transaction, Sql.MarkRevokedIfNot, times, cancellationToken);
        }
        else
        {
            throw new InvalidOperationException(
                $"The ledger row {successorId} is not an active successor licence (slot '{successor.ActiveOwner}', state {successor.State}).");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> RecordAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql.InsertAudit, AuditParameters(entry, null), cancellationToken: cancellationToken));
    }

    public async Task FinishAuditAsync(IReadOnlyList<long> startedIds, IReadOnlyList<AuditEntry> attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startedIds);
        ArgumentNullException.ThrowIfNull(attempts);
        var statements = new List<(string Sql, DynamicParameters Parameters)>();
        for (var i = 0; i < Math.Max(startedIds.Count, attempts.Count); i++)
        {
            if (i < attempts.Count)
            {
                var started = i < startedIds.Count ? startedIds[i] : (long?)null;
                statements.Add((started is null ? Sql.InsertAudit : Sql.FinishAudit, AuditParameters(attempts[i], started)));
            }
            else
            {
                // Written ahead, then refused before it left (e.g. the call was cancelled first).
                statements.Add((Sql.FinishAudit, AuditParameters(attempts[^1] with { Attempt = i + 1, Outcome = "not_sent", HttpStatus = null, RequestId = null }, startedIds[i])));
            }
        }

        if (statements.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = statements.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
        foreach (var (sql, parameters) in statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static DynamicParameters AuditParameters(AuditEntry entry, long? id)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Operation);
        var parameters = new DynamicParameters(new
        {
            At = DbValues.WriteTime(entry.At),
            Operation = DbValues.Truncate(entry.Operation, 32),
            Owner = DbValues.Truncate(entry.Owner, LedgerSchema.Lengths.ActiveOwner),
            entry.LicenseRowId,
            LicenseKey = DbValues.Truncate(entry.LicenseKey, LedgerSchema.Lengths.LicenseKey),
            entry.Attempt,
            Outcome = DbValues.Truncate(entry.Outcome, 16),
            entry.HttpStatus,
            ErrorCode = DbValues.Truncate(entry.ErrorCode, 100),
            Message = DbValues.Truncate(entry.Message, LedgerSchema.Lengths.Message),
            RequestId = DbValues.Truncate(entry.RequestId, 128),
            entry.DurationMs,
            Actor = DbValues.Truncate(entry.Actor, LedgerSchema.Lengths.Actor),
        });
        parameters.Add("Id", id);
        return parameters;
    }

    public async Task RegisterInstanceAsync(string id, string name, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(name);
        DbValues.Checked(id, LedgerSchema.Lengths.ClaimId, nameof(id));
        DbValues.Checked(name, 255, nameof(name));
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { Id = id, Name = name, Now = DbValues.WriteTime(now) };
        await ExecuteAsync(connection, transaction, Sql.InsertInstance, parameters, cancellationToken);
        await ExecuteAsync(connection, transaction, Sql.StopEarlierIncarnations, parameters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkInstanceStoppedAsync(string id, DateTime now, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(Sql.StopInstance, new { Id = id, Now = DbValues.WriteTime(now) }, cancellationToken);

    public async Task<InstanceRecord?> GetInstanceAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(Sql.SelectInstance, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? owner = null, string? licenseKey = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = new StringBuilder(Sql.AuditPrefix);
        if (owner is not null)
        {
            sql.Append(" AND owner = @Owner");
        }

        if (licenseKey is not null)
        {
            sql.Append(" AND license_key = @LicenseKey");
        }

        sql.Append(Sql.AuditSuffix);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            sql.ToString(), new { Owner = owner, LicenseKey = licenseKey, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private static void CheckIssued(IssuedLicense issued)
    {
        ArgumentException.ThrowIfNullOrEmpty(issued.LicenseKey);
        if (issued.LicenseKey.StartsWith(LedgerSchema.PendingKeyPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A licence key cannot start with the pending placeholder prefix.", nameof(issued));
        }

        DbValues.Checked(issued.LicenseKey, LedgerSchema.Lengths.LicenseKey, nameof(issued));
        DbValues.Checked(issued.ProductSlug, LedgerSchema.Lengths.ProductSlug, nameof(issued));
        DbValues.Checked(issued.AttachedSite, LedgerSchema.Lengths.Site, nameof(issued));
    }

    private static Task ExpectRowAsync(long id, int affected) => affected == 0
        ? throw new InvalidOperationException($"The ledger has no licence row {id}.")
        : Task.CompletedTask;

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, sql, parameters, cancellationToken);
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    private async Task<LicenseRecord?> QuerySingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QuerySingleAsync(connection, sql, parameters, cancellationToken);
    }

    private static async Task<LicenseRecord?> QuerySingleAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LicenseRow>(
            new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private async Task<IReadOnlyList<LicenseRecord>> QueryListAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LicenseRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }
}
