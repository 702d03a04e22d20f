namespace JetpackWhmcs.Ledger;

/// <summary>One row of <c>jetpack_product_licenses</c>: the original columns, then ours (all nullable).</summary>
public sealed record LicenseRecord
{
    // The original module's columns.

    /// <summary>Primary key.</summary>
    public long Id { get; init; }

    /// <summary>The WHMCS order id (original column).</summary>
    public long OrderId { get; init; }

    /// <summary>The WHMCS product id, <c>pid</c> (original column; for addons the parent's product, as the original wrote it).</summary>
    public long ProductId { get; init; }

    /// <summary>The licence key; for a pending row, the placeholder <c>pending:&lt;claim id&gt;</c>.</summary>
    public string LicenseKey { get; init; } = "";

    /// <summary>When the licence was issued (UTC); for a pending row, when it was claimed.</summary>
    public DateTime IssuedAt { get; init; }

    /// <summary>When the licence was revoked (UTC); null while not revoked.</summary>
    public DateTime? RevokedAt { get; init; }

    // Our columns (null on rows written by the original module).

    /// <summary>The WHMCS service id; for an addon, the parent service.</summary>
    public long? ServiceId { get; init; }

    /// <summary>The WHMCS addon id (tblhostingaddons.id) when the licence belongs to an addon.</summary>
    public long? AddonId { get; init; }

    /// <summary>Pending, active or revoked (derived from <see cref="RevokedAt"/> for legacy rows).</summary>
    public LicenseState State { get; init; }

    /// <summary>The uniquely indexed slot (see <see cref="LicenseOwner.SlotKey"/>); null once revoked.</summary>
    public string? ActiveOwner { get; init; }

    /// <summary>The Jetpack product slug the licence was issued for.</summary>
    public string? ProductSlug { get; init; }

    /// <summary>The Jetpack licence id.</summary>
    public long? JetpackLicenseId { get; init; }

    /// <summary>A one-way fingerprint of the partner token that issued the licence (never the token).</summary>
    public string? TokenFingerprint { get; init; }

    /// <summary>The id of the claim currently working on this row; changes when recovery takes a stale claim over.</summary>
    public string? ClaimId { get; init; }

    /// <summary>When the current claim was made or taken over (UTC).</summary>
    public DateTime? ClaimedAt { get; init; }

    /// <summary>
    /// The service instance (incarnation id, see <see cref="ILicenseLedger.RegisterInstanceAsync"/>) whose
    /// claim this is; null for claims made outside a registered instance (CLI commands, older builds).
    /// </summary>
    public string? ClaimHolder { get; init; }

    /// <summary>The site the licence is attached to, as given to the API.</summary>
    public string? AttachedSite { get; init; }

    /// <summary>When the licence was attached (UTC).</summary>
    public DateTime? AttachedAt { get; init; }

    /// <summary>The site the licence was detached from by a suspension, to attach again on unsuspend.</summary>
    public string? SuspendedSite { get; init; }

    /// <summary>The last error sentence for this licence, shown to admins.</summary>
    public string? LastError { get; init; }

    /// <summary>When our columns last changed (UTC).</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>True for a row written by the original module and not yet adopted by a service or addon.</summary>
    public bool IsLegacyUnclaimed => ServiceId is null && AddonId is null && State != LicenseState.Unassigned;
}
