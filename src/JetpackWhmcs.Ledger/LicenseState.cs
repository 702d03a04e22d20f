namespace JetpackWhmcs.Ledger;

/// <summary>The state of a ledger row. Rows written by the original module have no state column value:
/// they read as <see cref="Active"/> or <see cref="Revoked"/> from <c>revoked_at</c>.</summary>
public enum LicenseState
{
    /// <summary>Claimed before the API call; the key is not known yet (the row holds a placeholder key).</summary>
    Pending,

    /// <summary>Issued and not revoked.</summary>
    Active,

    /// <summary>Revoked (final). The row is kept.</summary>
    Revoked,

    /// <summary>
    /// Issued to us by the API but not (or no longer) wanted by the claim it was issued for, for
    /// example because that claim was taken over while the answer was on its way. The row holds the
    /// key so that it is never lost; the next claim of the same product and token adopts it before
    /// anything new is issued. It owns no slot.
    /// </summary>
    Unassigned,
}
