namespace JetpackWhmcs.Ledger;

/// <summary>
/// The licence ledger. Every invariant that matters for money is enforced by the database, not by
/// this code: at most one pending-or-active row per owner slot (unique <c>active_owner</c>), at most
/// one row per licence key (unique <c>license_key</c>). Implementations: MySQL/MariaDB and SQLite,
/// each with its SQL in one place. Instances are thread-safe and open a connection per operation, so
/// several processes can share one database.
/// </summary>
public interface ILicenseLedger
{
    /// <summary>Creates or adopts the table and our additions; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks that the database answers and holds the migrated licence table (health); reads at most one row.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);

    // Lookups (each served by an index).

    /// <summary>The pending or active row holding <paramref name="slotKey"/> (an owner's <see cref="LicenseOwner.SlotKey"/> or successor slot).</summary>
    Task<LicenseRecord?> FindBySlotAsync(string slotKey, CancellationToken cancellationToken = default);

    /// <summary>Every row of an owner, newest first (revoked ones included).</summary>
    Task<IReadOnlyList<LicenseRecord>> FindByOwnerAsync(LicenseOwner owner, CancellationToken cancellationToken = default);

    /// <summary>The oldest unrevoked row written by the original module for (order, product) that no service or addon has adopted.</summary>
    Task<LicenseRecord?> FindUnclaimedLegacyAsync(long orderId, long productId, CancellationToken cancellationToken = default);

    /// <summary>The row holding <paramref name="licenseKey"/>.</summary>
    Task<LicenseRecord?> FindByKeyAsync(string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="licenseKeys"/> the ledger holds.</summary>
    Task<IReadOnlySet<string>> FindKnownKeysAsync(IReadOnlyCollection<string> licenseKeys, CancellationToken cancellationToken = default);

    /// <summary>A row by primary key.</summary>
    Task<LicenseRecord?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Rows matching <paramref name="query"/> (operator listing), ordered by id.</summary>
    Task<IReadOnlyList<LicenseRecord>> ListAsync(LedgerQuery query, CancellationToken cancellationToken = default);

    /// <summary>One page of the admin's licence list (keyset paging; see <see cref="LicensePageQuery"/>).</summary>
    Task<IReadOnlyList<LicenseRecord>> ListPageAsync(LicensePageQuery query, CancellationToken cancellationToken = default);

    /// <summary>Pending rows whose claim was made before <paramref name="claimedBefore"/> (recovery).</summary>
    Task<IReadOnlyList<LicenseRecord>> ListPendingAsync(DateTime claimedBefore, CancellationToken cancellationToken = default);

    /// <summary>Row counts by state (metrics).</summary>
    Task<IReadOnlyDictionary<LicenseState, long>> CountByStateAsync(CancellationToken cancellationToken = default);

    // Claims: the exactly-once protocol.

    /// <summary>
    /// Inserts a pending row holding <see cref="NewClaim.SlotKey"/>, before the API is called. When the
    /// slot is already held (by a pending or active row), nothing is written and the holder is returned.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(NewClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes over a pending row whose claim <paramref name="expectedClaimId"/> went stale: sets a new
    /// claim id and time only if the row still holds the expected claim (compare-and-swap). False when
    /// someone else took it or completed it first.
    /// </summary>
    /// <param name="id">The pending row.</param>
    /// <param name="expectedClaimId">The claim the caller saw on it.</param>
    /// <param name="newClaimId">A fresh claim id.</param>
    /// <param name="now">The new claim time: the claim's lease runs from here.</param>
    /// <param name="holder">The registered instance taking it, if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> TryTakeOverClaimAsync(long id, string expectedClaimId, string newClaimId, DateTime now, string? holder = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the issued licence on the pending row if it still holds <paramref name="claimId"/>: key,
    /// Jetpack id, issue time, state active. False (and nothing written) when the claim was lost or
    /// the key is already recorded on another row.
    /// </summary>
    Task<bool> CompleteClaimAsync(long id, string claimId, IssuedLicense issued, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Deletes a pending row that still holds <paramref name="claimId"/> after the API definitely refused the issue (no licence exists for it).</summary>
    Task<bool> ReleaseClaimAsync(long id, string claimId, CancellationToken cancellationToken = default);

    /// <summary>Gives an unclaimed legacy row to an owner (compare-and-swap on it being unclaimed; false if the owner's slot is taken or the row was adopted meanwhile).</summary>
    Task<bool> TryAdoptLegacyAsync(long id, LicenseOwner owner, string? productSlug, string? tokenFingerprint, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a licence found on the API that the ledger does not hold (reconcile --fix): inserts an
    /// active row for <paramref name="owner"/> if its slot is free, else a row without slot. False when
    /// the key is already recorded.
    /// </summary>
    Task<bool> TryRecordExistingAsync(LicenseOwner? owner, long orderId, long productId, IssuedLicense license, string? tokenFingerprint, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a licence the API handed us that no claim holds (state unassigned, no slot), so that
    /// its key is never lost. False when the key is already recorded.
    /// </summary>
    Task<bool> RecordUnassignedAsync(UnassignedLicense license, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: takes the oldest unassigned licence of <paramref name="productSlug"/> and
    /// <paramref name="tokenFingerprint"/> and completes the pending row <paramref name="id"/> with it,
    /// if that row still holds <paramref name="claimId"/>. Returns the completed row, or null (and
    /// nothing written) when there is no such licence or the claim was lost.
    /// </summary>
    Task<LicenseRecord?> TryAdoptUnassignedAsync(long id, string claimId, string productSlug, string? tokenFingerprint, DateTime now, CancellationToken cancellationToken = default);

    // Changes to a known licence.

    /// <summary>Marks a row revoked: state revoked, <c>revoked_at</c> set, slot released.</summary>
    Task MarkRevokedAsync(long id, DateTime revokedAt, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Records the site attachment (null site and time: detached).</summary>
    Task SetAttachmentAsync(long id, string? site, DateTime? attachedAt, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Remembers (or forgets, with null) the site a suspension detached the licence from.</summary>
    Task SetSuspendedSiteAsync(long id, string? site, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Records (or clears, with null) the last error sentence of a row.</summary>
    Task SetLastErrorAsync(long id, string? message, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: revokes <paramref name="previousId"/> (state, <c>revoked_at</c>, slot released)
    /// and moves <paramref name="successorId"/> from the successor slot into the owner's slot
    /// (ChangePackage, reissue).
    /// </summary>
    Task PromoteSuccessorAsync(long previousId, DateTime previousRevokedAt, long successorId, DateTime now, CancellationToken cancellationToken = default);

    // Audit.

    /// <summary>Appends an audit entry; returns its id.</summary>
    Task<long> RecordAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: turns the write-ahead rows <paramref name="startedIds"/> (one per attempt
    /// that was about to leave, in order) into the first <paramref name="attempts"/> and appends the
    /// others; a write-ahead row with no attempt left becomes <c>not_sent</c>.
    /// </summary>
    Task FinishAuditAsync(IReadOnlyList<long> startedIds, IReadOnlyList<AuditEntry> attempts, CancellationToken cancellationToken = default);

    // Service instances: which claims belong to processes known to be gone.

    /// <summary>
    /// Registers a process start (<paramref name="id"/>, fresh per start) under the instance's stable
    /// <paramref name="name"/>, and marks every earlier incarnation of that name stopped: the caller
    /// guarantees (by holding the name's lock) that they no longer run.
    /// </summary>
    Task RegisterInstanceAsync(string id, string name, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Marks an instance stopped (a clean shutdown, after its calls finished).</summary>
    Task MarkInstanceStoppedAsync(string id, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>An instance by incarnation id, or null.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The newest audit entries, optionally for one owner slot or licence key.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? owner = null, string? licenseKey = null, int limit = 100, CancellationToken cancellationToken = default);
}
