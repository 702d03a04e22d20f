using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>How ensuring a licence in a slot went.</summary>
internal sealed record IssueOutcome(IssueOutcomeKind Kind, LicenseRecord? Record = null, string? Sentence = null, string? RequestId = null)
{
    public bool HasLicense => Kind is IssueOutcomeKind.Issued or IssueOutcomeKind.AlreadyActive or IssueOutcomeKind.Recovered;
}

/// <summary>The outcomes of ensuring a licence.</summary>
internal enum IssueOutcomeKind
{
    /// <summary>A new licence was issued and recorded.</summary>
    Issued,

    /// <summary>The slot already held an active licence; nothing changed.</summary>
    AlreadyActive,

    /// <summary>A licence issued earlier (lost answer, crash) was found and recorded.</summary>
    Recovered,

    /// <summary>Another call holds a fresh claim on the slot.</summary>
    InProgress,

    /// <summary>The API may have issued a licence that could not be confirmed; the claim stays pending.</summary>
    Unknown,

    /// <summary>The API refused; nothing was issued and the claim was released.</summary>
    Refused,

    /// <summary>A stale claim had no licence behind it and was released (nothing was issued).</summary>
    Released,
}
