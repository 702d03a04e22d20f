namespace JetpackWhmcs.Ledger;

/// <summary>A claim to write before calling the API to issue a licence.</summary>
public sealed record NewClaim
{
    /// <summary>The owner the licence is for.</summary>
    public required LicenseOwner Owner { get; init; }

    /// <summary>The slot to hold: the owner's slot, or its successor slot (ChangePackage, reissue).</summary>
    public required string SlotKey { get; init; }

    /// <summary>A fresh unique id for this claim (a GUID string).</summary>
    public required string ClaimId { get; init; }

    /// <summary>The WHMCS order id, written into the original <c>order_id</c> column.</summary>
    public long OrderId { get; init; }

    /// <summary>The WHMCS <c>pid</c>, written into the original <c>product_id</c> column.</summary>
    public long ProductId { get; init; }

    /// <summary>For an addon, the parent service id.</summary>
    public long? ParentServiceId { get; init; }

    /// <summary>The Jetpack product slug to issue.</summary>
    public required string ProductSlug { get; init; }

    /// <summary>The fingerprint of the partner token.</summary>
    public string? TokenFingerprint { get; init; }

    /// <summary>The registered service instance making the claim, if any (see <see cref="LicenseRecord.ClaimHolder"/>).</summary>
    public string? Holder { get; init; }

    /// <summary>The claim time (UTC).</summary>
    public required DateTime Now { get; init; }
}
