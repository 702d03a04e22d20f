namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>A Jetpack service or service addon, optionally with a licence row beside it.</summary>
internal sealed class ServiceRow
{
    public string Kind { get; set; } = "";

    public long Id { get; set; }

    public long ServiceId { get; set; }

    public long OrderId { get; set; }

    public long ProductId { get; set; }

    public long CatalogId { get; set; }

    public long ClientId { get; set; }

    public string? Status { get; set; }

    public string? Domain { get; set; }

    public long LicenseRowId { get; set; }

    public string? LicenseKey { get; set; }

    public string? TokenFingerprint { get; set; }
}
