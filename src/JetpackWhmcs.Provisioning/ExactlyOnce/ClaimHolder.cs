namespace JetpackWhmcs.Provisioning.ExactlyOnce;

/// <summary>
/// Who makes claims in this process: the incarnation id the service registered in the ledger's
/// instance table, or null (CLI commands, tests) when no registration exists. Claims carry it so
/// that, once this process is known to be gone, its claims are recovered without waiting for them
/// to go stale.
/// </summary>
public sealed class ClaimHolder
{
    private volatile string? id;

    /// <summary>The registered incarnation id, or null.</summary>
    public string? Id
    {
        get => id;
        set => id = value;
    }
}
