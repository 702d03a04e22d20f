using System.Globalization;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>
/// A licence row as the driver returns it. Times stay <see cref="object"/> because SQLite returns
/// them as text and MySQL as <see cref="DateTime"/>; <see cref="ToRecord"/> normalises both to UTC.
/// </summary>
internal sealed class LicenseRow
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long ProductId { get; set; }

    public string LicenseKey { get; set; } = "";

    public object? IssuedAt { get; set; }

    public object? RevokedAt { get; set; }

    public long? ServiceId { get; set; }

    public long? AddonId { get; set; }

    public string? State { get; set; }

    public string? ActiveOwner { get; set; }

    public string? ProductSlug { get; set; }

    public long? JetpackLicenseId { get; set; }

    public string? TokenFingerprint { get; set; }

    public string? ClaimId { get; set; }

    public object? ClaimedAt { get; set; }

    public string? ClaimHolder { get; set; }

    public string? AttachedSite { get; set; }

    public object? AttachedAt { get; set; }

    public string? SuspendedSite { get; set; }

    public string? LastError { get; set; }

    public object? UpdatedAt { get; set; }

    public LicenseRecord ToRecord()
    {
        var revokedAt = DbValues.ReadTime(RevokedAt);
        return new LicenseRecord
        {
            Id = Id,
            OrderId = OrderId,
            ProductId = ProductId,
            LicenseKey = LicenseKey,
            IssuedAt = DbValues.ReadTime(IssuedAt) ?? DateTime.MinValue,
            RevokedAt = revokedAt,
            ServiceId = ServiceId,
            AddonId = AddonId,
            State = DbValues.ParseState(State, revokedAt),
            ActiveOwner = ActiveOwner,
            ProductSlug = ProductSlug,
            JetpackLicenseId = JetpackLicenseId,
            TokenFingerprint = TokenFingerprint,
            ClaimId = ClaimId,
            ClaimedAt = DbValues.ReadTime(ClaimedAt),
            ClaimHolder = ClaimHolder,
            AttachedSite = AttachedSite,
            AttachedAt = DbValues.ReadTime(AttachedAt),
            SuspendedSite = SuspendedSite,
            LastError = LastError,
            UpdatedAt = DbValues.ReadTime(UpdatedAt),
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"row {Id} ({LicenseKey})");
}
