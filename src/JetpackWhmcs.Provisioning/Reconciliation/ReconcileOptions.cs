namespace JetpackWhmcs.Provisioning.Reconciliation;

/// <summary>What reconcile may change.</summary>
public sealed record ReconcileOptions
{
    /// <summary>Apply safe repairs: adopt unknown licences into matching stale pending claims; mark rows revoked on the API as revoked.</summary>
    public bool Fix { get; init; }

    /// <summary>Also revoke unknown licences that no claim adopted (they are billed and belong to nobody). Only when asked.</summary>
    public bool RevokeExtras { get; init; }
}
