namespace JetpackWhmcs.Ledger;

/// <summary>
/// One page of the admin's licence list: optional search terms and filters (all must hold), the order,
/// and a keyset cursor (the id of the last row of the previous page), so that a deep page costs what
/// the first one does and a row inserted meanwhile never shifts a row onto two pages or off all of them.
/// Every term is served by an index (migration 7).
/// </summary>
public sealed record LicensePageQuery
{
    /// <summary>The most rows one page may ask for.</summary>
    public const int MaxLimit = 500;

    /// <summary>Rows whose licence key starts with this text.</summary>
    public string? KeyPrefix { get; init; }

    /// <summary>
    /// Rows attached to a site starting with this text; without a scheme it matches both
    /// <c>https://</c> and <c>http://</c> sites (the ledger stores the site as given to the API).
    /// </summary>
    public string? SitePrefix { get; init; }

    /// <summary>Rows of this service (as owner or as an addon's parent).</summary>
    public long? ServiceId { get; init; }

    /// <summary>Rows of this addon.</summary>
    public long? AddonId { get; init; }

    /// <summary>Rows of any of these services (the services of the clients a name or e-mail search found); empty matches nothing.</summary>
    public IReadOnlyCollection<long>? ServiceIds { get; init; }

    /// <summary>Rows in this state (legacy rows without a state count by their <c>revoked_at</c>).</summary>
    public LicenseState? State { get; init; }

    /// <summary>Rows of this Jetpack product slug.</summary>
    public string? ProductSlug { get; init; }

    /// <summary>Rows issued with the token of this fingerprint.</summary>
    public string? TokenFingerprint { get; init; }

    /// <summary>Newest first (id descending, the default) or oldest first.</summary>
    public bool NewestFirst { get; init; } = true;

    /// <summary>The id of the last row of the previous page; null for the first page.</summary>
    public long? After { get; init; }

    /// <summary>At most this many rows (1 to <see cref="MaxLimit"/>). Default 50.</summary>
    public int Limit { get; init; } = 50;
}
