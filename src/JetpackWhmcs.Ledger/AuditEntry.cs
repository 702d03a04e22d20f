namespace JetpackWhmcs.Ledger;

/// <summary>One API call and its outcome (table <c>jetpack_whmcs_audit</c>). Never holds a secret.</summary>
public sealed record AuditEntry
{
    /// <summary>Primary key (0 before insert).</summary>
    public long Id { get; init; }

    /// <summary>When the call started (UTC).</summary>
    public DateTime At { get; init; }

    /// <summary>The API operation: <c>issue</c>, <c>revoke</c>, <c>attach</c>, <c>detach</c>, <c>get</c>, <c>list</c>, ...</summary>
    public string Operation { get; init; } = "";

    /// <summary>The owner slot (<c>service:12</c>, <c>addon:7</c>) the call was made for, if any.</summary>
    public string? Owner { get; init; }

    /// <summary>The ledger row, if any.</summary>
    public long? LicenseRowId { get; init; }

    /// <summary>The licence key involved, if any.</summary>
    public string? LicenseKey { get; init; }

    /// <summary>
    /// Which attempt of the call this row records (1 for the first, 2 for its first retry, ...); null on
    /// rows written before attempts were recorded one by one.
    /// </summary>
    public int? Attempt { get; init; }

    /// <summary>
    /// <c>ok</c>, <c>failed</c>, <c>unknown</c> (the answer was lost: may have been carried out),
    /// <c>not_sent</c> (the request certainly never reached the API), or <c>sent</c> (written before a
    /// state-changing call; a row still <c>sent</c> belongs to a process that died during the call).
    /// </summary>
    public string Outcome { get; init; } = "";

    /// <summary>HTTP status, when an answer arrived.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The API's error code, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A short message (the API's message or ours).</summary>
    public string? Message { get; init; }

    /// <summary>The <c>X-Jetpack-Request-Id</c>, if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>How long the call took.</summary>
    public int DurationMs { get; init; }

    /// <summary>
    /// Who caused the call: <c>admin 3 (alice)</c>, <c>client 12</c>, <c>system</c> (WHMCS's cron and
    /// automation, the recovery worker); null on rows written before actors were recorded.
    /// </summary>
    public string? Actor { get; init; }
}
