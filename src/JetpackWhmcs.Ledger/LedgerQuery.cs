namespace JetpackWhmcs.Ledger;

/// <summary>A filter for operator listings; every field optional.</summary>
public sealed record LedgerQuery
{
    /// <summary>Only rows in this state.</summary>
    public LicenseState? State { get; init; }

    /// <summary>Only rows of this product slug.</summary>
    public string? ProductSlug { get; init; }

    /// <summary>Only rows of this service (as owner or as an addon's parent).</summary>
    public long? ServiceId { get; init; }

    /// <summary>Only rows of this addon.</summary>
    public long? AddonId { get; init; }

    /// <summary>Rows with an id greater than this (keyset paging).</summary>
    public long AfterId { get; init; }

    /// <summary>At most this many rows. Default 1,000.</summary>
    public int Limit { get; init; } = 1000;
}
