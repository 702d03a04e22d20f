namespace JetpackWhmcs.Ledger;

/// <summary>
/// One start of a service instance (table <c>jetpack_whmcs_instances</c>). A claim whose holder is
/// stopped belongs to a process that no longer runs, so it may be recovered without waiting for the
/// claim to go stale.
/// </summary>
/// <param name="Id">The incarnation id, unique per process start.</param>
/// <param name="Name">The instance's stable name: a restart of the same instance has the same name.</param>
/// <param name="StartedAt">When this incarnation registered (UTC).</param>
/// <param name="StoppedAt">When it stopped cleanly or a later incarnation of its name proved it gone; null while it may run.</param>
public sealed record InstanceRecord(string Id, string Name, DateTime StartedAt, DateTime? StoppedAt);
