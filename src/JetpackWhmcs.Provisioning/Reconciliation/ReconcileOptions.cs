namespace JetpackWhmcs.Provisioning.Reconciliation;

/// <summary>What reconcile may change.</summary>
public sealed record ReconcileOptions
{
    /// <summary>Apply safe repairs: adopt unknown licences into matching stale pending claims; mark rows revoked on the API as revoked.</summary>
    public bool Fix { get; init; }

    /// <summary>Also revoke unknown licences that no claim adopted (they are billed and belong to nobody). Only when asked.</summary>
    public bool RevokeExtras { get; init; }

    /// <summary>
    /// When set, the repairs touch only licences with these keys (an admin fixing one finding of the
    /// drift page); the report still describes the whole token. Null: every licence of the token.
    /// </summary>
    public IReadOnlySet<string>? OnlyKeys { get; init; }

    /// <summary>Whether a repair may touch the licence with <paramref name="licenseKey"/>.</summary>
    public bool InScope(string licenseKey) => OnlyKeys is null || OnlyKeys.Contains(licenseKey);
}
