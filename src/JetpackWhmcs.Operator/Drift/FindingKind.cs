namespace JetpackWhmcs.Operator.Drift;

/// <summary>What a drift finding says is wrong.</summary>
public enum FindingKind
{
    /// <summary>An active licence on the API that WHMCS does not know: billed, owned by nobody.</summary>
    UnknownToWhmcs,

    /// <summary>A licence active in the ledger but revoked on the API (outside WHMCS).</summary>
    RevokedOutsideWhmcs,

    /// <summary>A licence active in the ledger whose key the API does not list for its token.</summary>
    MissingOnApi,

    /// <summary>A claim still waiting for its licence (recovery completes it in the background).</summary>
    PendingClaim,

    /// <summary>A terminated or cancelled WHMCS service or addon whose licence is still active (billed for nothing).</summary>
    EndedServiceWithLicense,

    /// <summary>An active WHMCS service or addon without a licence (the customer pays for nothing).</summary>
    ActiveServiceWithoutLicense,
}
