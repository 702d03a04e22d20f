namespace JetpackWhmcs.Ledger;

/// <summary>A licence the API handed us that no claim holds, recorded so it is never lost (see <see cref="LicenseState.Unassigned"/>).</summary>
public sealed record UnassignedLicense
{
    /// <summary>The licence as issued.</summary>
    public required IssuedLicense License { get; init; }

    /// <summary>The product it was issued for; the next claim of this product adopts it.</summary>
    public required string ProductSlug { get; init; }

    /// <summary>The fingerprint of the partner token it was issued with.</summary>
    public string? TokenFingerprint { get; init; }

    /// <summary>The WHMCS order id of the claim it was issued for (the original column needs a value).</summary>
    public long OrderId { get; init; }

    /// <summary>The WHMCS product id of the claim it was issued for.</summary>
    public long ProductId { get; init; }

    /// <summary>Why it is unassigned, for operators (kept in <c>last_error</c>).</summary>
    public required string Note { get; init; }

    /// <summary>The time of recording (UTC).</summary>
    public required DateTime Now { get; init; }
}
