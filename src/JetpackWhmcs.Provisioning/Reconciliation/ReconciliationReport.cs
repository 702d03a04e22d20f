using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Provisioning.Reconciliation;

/// <summary>The drift between the ledger and the API for one token, and the repairs made.</summary>
public sealed record ReconciliationReport
{
    /// <summary>Licences the API lists for the token.</summary>
    public int ApiLicenseCount { get; init; }

    /// <summary>Ledger rows of the token (by fingerprint, or by key for rows of the original module).</summary>
    public int LedgerRowCount { get; init; }

    /// <summary>Active licences on the API that WHMCS does not know (billed, not in the ledger).</summary>
    public IReadOnlyList<License> UnknownToWhmcs { get; init; } = [];

    /// <summary>Rows active in the ledger whose licence is revoked on the API.</summary>
    public IReadOnlyList<LicenseRecord> RevokedOutsideWhmcs { get; init; } = [];

    /// <summary>Rows active in the ledger whose key the API does not list.</summary>
    public IReadOnlyList<LicenseRecord> MissingOnApi { get; init; } = [];

    /// <summary>Pending claims of the token.</summary>
    public IReadOnlyList<LicenseRecord> PendingClaims { get; init; } = [];

    /// <summary>
    /// Licences the API handed us that no service or addon holds yet, kept for the next Create of their
    /// product (each row's <c>LastError</c> says how it came to be). Never revoked by reconcile.
    /// </summary>
    public IReadOnlyList<LicenseRecord> Unassigned { get; init; } = [];

    /// <summary>With fix: pending claims that adopted an unknown licence.</summary>
    public IReadOnlyList<LicenseRecord> Adopted { get; init; } = [];

    /// <summary>With fix: rows marked revoked to match the API.</summary>
    public IReadOnlyList<LicenseRecord> MarkedRevoked { get; init; } = [];

    /// <summary>With revoke-extras: unknown licences revoked on the API.</summary>
    public IReadOnlyList<string> RevokedExtras { get; init; } = [];

    /// <summary>Sentences for repairs that failed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when nothing differs.</summary>
    public bool InSync => UnknownToWhmcs.Count == 0 && RevokedOutsideWhmcs.Count == 0 && MissingOnApi.Count == 0 && PendingClaims.Count == 0;
}
