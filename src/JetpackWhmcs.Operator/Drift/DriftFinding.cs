namespace JetpackWhmcs.Operator.Drift;

/// <summary>One thing the drift check found, with what identifies it for its fix.</summary>
public sealed record DriftFinding
{
    /// <summary>Unique within its check: the kind and the licence key, row or owner.</summary>
    public required string Id { get; init; }

    /// <summary>What is wrong.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>The fingerprint of the token it was found with (WHMCS-only findings: the licence row's, when recorded).</summary>
    public string? TokenFingerprint { get; init; }

    /// <summary>The licence key, when there is a licence.</summary>
    public string? LicenseKey { get; init; }

    /// <summary>The ledger row, when there is one.</summary>
    public long? LicenseRowId { get; init; }

    /// <summary>The owner's slot (<c>service:12</c>, <c>addon:7</c>), when known.</summary>
    public string? Owner { get; init; }

    /// <summary>The WHMCS service (an addon's parent service).</summary>
    public long? ServiceId { get; init; }

    /// <summary>The WHMCS service addon.</summary>
    public long? AddonId { get; init; }

    /// <summary>The WHMCS client.</summary>
    public long? ClientId { get; init; }

    /// <summary>The Jetpack product, when known.</summary>
    public string? ProductSlug { get; init; }

    /// <summary>WHMCS's status of the service or addon, for the WHMCS-only kinds.</summary>
    public string? WhmcsStatus { get; init; }

    /// <summary>One sentence for staff: what holds.</summary>
    public required string Detail { get; init; }

    /// <summary>Who applied this finding's fix (the audit actor), once it was applied; the page then offers no fix.</summary>
    public string? FixedBy { get; init; }

    /// <summary>When the fix was applied (UTC).</summary>
    public DateTime? FixedAt { get; init; }
}
