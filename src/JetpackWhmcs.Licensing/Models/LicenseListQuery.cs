namespace JetpackWhmcs.Licensing.Models;

/// <summary>What to list: every field is optional and is sent only when set.</summary>
public sealed record LicenseListQuery
{
    /// <summary>Filter by state; null lists every licence.</summary>
    public LicenseFilter? Filter { get; init; }

    /// <summary>Free-text search (the API matches licence keys and site URLs).</summary>
    public string? Search { get; init; }

    /// <summary>Field to sort on; null lets the server choose (issue time).</summary>
    public LicenseSortField? SortField { get; init; }

    /// <summary>Sort direction; null lets the server choose (descending).</summary>
    public SortDirection? SortDirection { get; init; }

    /// <summary>The page to fetch, from 1. Default 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page. Default 100, as the partner portal uses.</summary>
    public int PerPage { get; init; } = 100;
}

/// <summary>The licence list's state filters.</summary>
public enum LicenseFilter
{
    /// <summary><c>not_revoked</c></summary>
    NotRevoked,

    /// <summary><c>attached</c></summary>
    Attached,

    /// <summary><c>detached</c></summary>
    Detached,

    /// <summary><c>revoked</c></summary>
    Revoked,
}

/// <summary>The licence list's sort fields.</summary>
public enum LicenseSortField
{
    /// <summary><c>issued_at</c></summary>
    IssuedAt,

    /// <summary><c>attached_at</c></summary>
    AttachedAt,

    /// <summary><c>revoked_at</c></summary>
    RevokedAt,
}

/// <summary>Sort direction.</summary>
public enum SortDirection
{
    /// <summary><c>asc</c></summary>
    Ascending,

    /// <summary><c>desc</c></summary>
    Descending,
}
