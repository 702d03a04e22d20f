namespace JetpackWhmcs.Ledger.Sql;

/// <summary>
/// The data statements of the ledger. Both dialects accept the same portable SQL for them, except
/// where a dialect passes its own fragment in; the schema (DDL) lives with each dialect's migrations.
/// Every UPDATE of the licence table sets <c>issued_at = issued_at</c>: on MariaDB/MySQL with
/// explicit_defaults_for_timestamp off, the original <c>issued_at</c> column is
/// ON UPDATE CURRENT_TIMESTAMP and would otherwise be overwritten by any change.
/// </summary>
internal sealed class LedgerStatements
{
    private const string T = LedgerSchema.LicensesTable;
    private const string A = LedgerSchema.AuditTable;
    private const string I = LedgerSchema.InstancesTable;

    /// <summary>The row columns, aliased to <see cref="LicenseRow"/> properties.</summary>
    internal const string RowColumns =
        "id AS Id, order_id AS OrderId, product_id AS ProductId, license_key AS LicenseKey, " +
        "issued_at AS IssuedAt, revoked_at AS RevokedAt, service_id AS ServiceId, addon_id AS AddonId, " +
        "state AS State, active_owner AS ActiveOwner, product_slug AS ProductSlug, " +
        "jetpack_license_id AS JetpackLicenseId, token_fingerprint AS TokenFingerprint, claim_id AS ClaimId, " +
        "claimed_at AS ClaimedAt, claim_holder AS ClaimHolder, attached_site AS AttachedSite, attached_at AS AttachedAt, " +
        "suspended_site AS SuspendedSite, last_error AS LastError, updated_at AS UpdatedAt";

    private const string AuditColumns =
        "id AS Id, at AS At, operation AS Operation, owner AS Owner, license_row_id AS LicenseRowId, " +
        "license_key AS LicenseKey, attempt AS Attempt, outcome AS Outcome, http_status AS HttpStatus, error_code AS ErrorCode, " +
        "message AS Message, request_id AS RequestId, duration_ms AS DurationMs, actor AS Actor";

    /// <param name="lastInsertId">The dialect's expression for the id of the row just inserted.</param>
    /// <param name="forUpdate">The dialect's row-lock suffix for a SELECT inside a transaction ("" when the transaction already locks).</param>
    public LedgerStatements(string lastInsertId, string forUpdate)
    {
        InsertClaim =
            $"INSERT INTO {T} (order_id, product_id, license_key, issued_at, service_id, addon_id, state, active_owner, " +
            "product_slug, token_fingerprint, claim_id, claimed_at, claim_holder, updated_at) VALUES (@OrderId, @ProductId, @LicenseKey, " +
            "@Now, @ServiceId, @AddonId, 'pending', @Slot, @ProductSlug, @TokenFingerprint, @ClaimId, @Now, @Holder, @Now); " +
            $"SELECT {lastInsertId};";
        InsertExisting =
            $"INSERT INTO {T} (order_id, product_id, license_key, issued_at, revoked_at, service_id, addon_id, state, " +
            "active_owner, product_slug, jetpack_license_id, token_fingerprint, attached_site, attached_at, updated_at) " +
            "VALUES (@OrderId, @ProductId, @LicenseKey, @IssuedAt, @RevokedAt, @ServiceId, @AddonId, @State, @Slot, " +
            "@ProductSlug, @JetpackLicenseId, @TokenFingerprint, @AttachedSite, @AttachedAt, @Now); " +
            $"SELECT {lastInsertId};";
        SelectSuccessorForUpdate = $"SELECT {RowColumns} FROM {T} WHERE id = @Id{forUpdate}";
        SelectUnassignedForUpdate =
            $"SELECT {RowColumns} FROM {T} WHERE state = 'unassigned' AND product_slug = @ProductSlug " +
            $"AND (token_fingerprint = @TokenFingerprint OR (token_fingerprint IS NULL AND @TokenFingerprint IS NULL)) ORDER BY id LIMIT 1{forUpdate}";
        InsertAudit =
            $"INSERT INTO {A} (at, operation, owner, license_row_id, license_key, attempt, outcome, http_status, error_code, message, " +
            "request_id, duration_ms, actor) VALUES (@At, @Operation, @Owner, @LicenseRowId, @LicenseKey, @Attempt, @Outcome, @HttpStatus, " +
            $"@ErrorCode, @Message, @RequestId, @DurationMs, @Actor); SELECT {lastInsertId};";
    }

    public string InsertClaim { get; }

    public string InsertExisting { get; }

    public string SelectSuccessorForUpdate { get; }

    /// <summary>The oldest unassigned licence of a product and token, locked for adoption.</summary>
    public string SelectUnassignedForUpdate { get; }

    public string InsertAudit { get; }

    public string SelectById { get; } = $"SELECT {RowColumns} FROM {T} WHERE id = @Id";

    public string SelectBySlot { get; } = $"SELECT {RowColumns} FROM {T} WHERE active_owner = @Slot";

    public string SelectByService { get; } =
        $"SELECT {RowColumns} FROM {T} WHERE service_id = @Id AND addon_id IS NULL ORDER BY id DESC";

    public string SelectByAddon { get; } = $"SELECT {RowColumns} FROM {T} WHERE addon_id = @Id ORDER BY id DESC";

    public string SelectUnclaimedLegacy { get; } =
        $"SELECT {RowColumns} FROM {T} WHERE order_id = @OrderId AND product_id = @ProductId " +
        "AND service_id IS NULL AND addon_id IS NULL AND revoked_at IS NULL ORDER BY id LIMIT 1";

    public string SelectByKey { get; } = $"SELECT {RowColumns} FROM {T} WHERE license_key = @LicenseKey";

    /// <summary>Dapper expands <c>@Keys</c> into a parameter list.</summary>
    public string SelectKnownKeys { get; } = $"SELECT license_key FROM {T} WHERE license_key IN @Keys";

    public string SelectPending { get; } =
        $"SELECT {RowColumns} FROM {T} WHERE state = 'pending' AND claimed_at < @Before ORDER BY claimed_at, id";

    /// <summary>
    /// Health: one row by primary key, not <c>SELECT 1</c>. A pooled connection answers <c>SELECT 1</c>
    /// even when the database was dropped or never migrated, and health must not scan the table.
    /// </summary>
    public string Ping { get; } = $"SELECT id FROM {T} LIMIT 1";

    /// <summary>Legacy rows have no state: they count from <c>revoked_at</c>.</summary>
    public string CountByState { get; } =
        "SELECT COALESCE(state, CASE WHEN revoked_at IS NULL THEN 'active' ELSE 'revoked' END) AS State, COUNT(*) AS Count " +
        $"FROM {T} GROUP BY COALESCE(state, CASE WHEN revoked_at IS NULL THEN 'active' ELSE 'revoked' END)";

    /// <summary>The start of the operator listing; <see cref="SqlLicenseLedger"/> appends the chosen filters.</summary>
    public string ListPrefix { get; } = $"SELECT {RowColumns} FROM {T} WHERE id > @AfterId";

    /// <summary>A state filter that also matches legacy rows (state NULL) by their <c>revoked_at</c>.</summary>
    public string ListStateFilter { get; } =
        " AND (state = @State OR (state IS NULL AND ((@State = 'active' AND revoked_at IS NULL) OR (@State = 'revoked' AND revoked_at IS NOT NULL))))";

    public string ListSuffix { get; } = " ORDER BY id LIMIT @Limit";

    public string TakeOverClaim { get; } =
        $"UPDATE {T} SET claim_id = @NewClaimId, claimed_at = @Now, claim_holder = @Holder, updated_at = @Now, issued_at = issued_at " +
        "WHERE id = @Id AND claim_id = @ExpectedClaimId AND state = 'pending'";

    public string CompleteClaim { get; } =
        $"UPDATE {T} SET license_key = @LicenseKey, jetpack_license_id = @JetpackLicenseId, issued_at = @IssuedAt, " +
        "state = 'active', product_slug = COALESCE(@ProductSlug, product_slug), " +
        "attached_site = COALESCE(@AttachedSite, attached_site), attached_at = COALESCE(@AttachedAt, attached_at), " +
        "last_error = NULL, updated_at = @Now WHERE id = @Id AND claim_id = @ClaimId AND state = 'pending'";

    public string ReleaseClaim { get; } = $"DELETE FROM {T} WHERE id = @Id AND claim_id = @ClaimId AND state = 'pending'";

    public string AdoptLegacy { get; } =
        $"UPDATE {T} SET service_id = @ServiceId, addon_id = @AddonId, state = 'active', active_owner = @Slot, " +
        "product_slug = COALESCE(@ProductSlug, product_slug), token_fingerprint = COALESCE(@TokenFingerprint, token_fingerprint), " +
        "updated_at = @Now, issued_at = issued_at " +
        "WHERE id = @Id AND service_id IS NULL AND addon_id IS NULL AND revoked_at IS NULL AND active_owner IS NULL";

    public string MarkRevoked { get; } =
        $"UPDATE {T} SET state = 'revoked', revoked_at = @RevokedAt, active_owner = NULL, updated_at = @Now, " +
        "issued_at = issued_at WHERE id = @Id";

    /// <summary>Used inside the promotion: only an unrevoked row is revoked again (a retry keeps the first time).</summary>
    public string MarkRevokedIfNot { get; } =
        $"UPDATE {T} SET state = 'revoked', revoked_at = @RevokedAt, active_owner = NULL, updated_at = @Now, " +
        "issued_at = issued_at WHERE id = @Id AND revoked_at IS NULL";

    public string MoveSlot { get; } =
        $"UPDATE {T} SET active_owner = @Slot, updated_at = @Now, issued_at = issued_at WHERE id = @Id";

    public string SetAttachment { get; } =
        $"UPDATE {T} SET attached_site = @Site, attached_at = @AttachedAt, updated_at = @Now, issued_at = issued_at WHERE id = @Id";

    public string SetSuspendedSite { get; } =
        $"UPDATE {T} SET suspended_site = @Site, updated_at = @Now, issued_at = issued_at WHERE id = @Id";

    public string SetLastError { get; } =
        $"UPDATE {T} SET last_error = @Message, updated_at = @Now, issued_at = issued_at WHERE id = @Id";

    /// <summary>Turns a write-ahead <c>sent</c> row into the first attempt's outcome.</summary>
    public string FinishAudit { get; } =
        $"UPDATE {A} SET license_key = COALESCE(@LicenseKey, license_key), attempt = @Attempt, outcome = @Outcome, " +
        "http_status = @HttpStatus, error_code = @ErrorCode, message = @Message, request_id = @RequestId, duration_ms = @DurationMs " +
        "WHERE id = @Id";

    public string InsertInstance { get; } =
        $"INSERT INTO {I} (id, name, started_at, stopped_at) VALUES (@Id, @Name, @Now, NULL)";

    /// <summary>A new incarnation proves the earlier ones of its name dead (they held the name's lock).</summary>
    public string StopEarlierIncarnations { get; } =
        $"UPDATE {I} SET stopped_at = @Now WHERE name = @Name AND id <> @Id AND stopped_at IS NULL";

    public string StopInstance { get; } = $"UPDATE {I} SET stopped_at = @Now WHERE id = @Id AND stopped_at IS NULL";

    public string SelectInstance { get; } =
        $"SELECT id AS Id, name AS Name, started_at AS StartedAt, stopped_at AS StoppedAt FROM {I} WHERE id = @Id";

    public string InsertUnassigned { get; } =
        $"INSERT INTO {T} (order_id, product_id, license_key, issued_at, state, product_slug, jetpack_license_id, " +
        "token_fingerprint, last_error, updated_at) VALUES (@OrderId, @ProductId, @LicenseKey, @IssuedAt, 'unassigned', " +
        "@ProductSlug, @JetpackLicenseId, @TokenFingerprint, @Note, @Now)";

    public string DeleteUnassigned { get; } = $"DELETE FROM {T} WHERE id = @Id AND state = 'unassigned'";

    /// <summary>The start of the audit listing; filters are appended so each one can use its index.</summary>
    public string AuditPrefix { get; } = $"SELECT {AuditColumns} FROM {A} WHERE 1 = 1";

    public string AuditSuffix { get; } = " ORDER BY id DESC LIMIT @Limit";
}
