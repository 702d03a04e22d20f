namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>The audit's outcome words (column <c>outcome</c>).</summary>
internal static class AuditOutcomes
{
    /// <summary>The API answered 2xx.</summary>
    public const string Ok = "ok";

    /// <summary>The API answered and did not do the work (4xx, 429; for a read, any failure).</summary>
    public const string Failed = "failed";

    /// <summary>A state-changing request left and its answer was lost or was a 5xx: it may have been carried out.</summary>
    public const string Unknown = "unknown";

    /// <summary>The request certainly never reached the API.</summary>
    public const string NotSent = "not_sent";

    /// <summary>Written before a state-changing request leaves; left so only by a process that died during the call.</summary>
    public const string Sent = "sent";
}
