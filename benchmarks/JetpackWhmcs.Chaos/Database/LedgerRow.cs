namespace JetpackWhmcs.Chaos.Database;

/// <summary>One row of <c>jetpack_product_licenses</c>, as the checks need it.</summary>
internal sealed record LedgerRow(long? ServiceId, long? AddonId, string? State, string LicenseKey, bool RevokedAtSet, string? ProductSlug)
{
    /// <summary>Active: state <c>active</c>, or a legacy row (no state) not revoked.</summary>
    public bool IsActive => State == "active" || (State is null && !RevokedAtSet);

    public bool IsPending => State == "pending";

    /// <summary>A licence the API handed over that no claim held yet (the engine's fix adds the state).</summary>
    public bool IsUnassigned => State == "unassigned";
}
