namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>What an audited API call was made for.</summary>
/// <param name="Owner">The owner slot (<c>service:12</c>), if any.</param>
/// <param name="RowId">The ledger row, if any.</param>
/// <param name="LicenseKey">The licence key, if any.</param>
internal sealed record AuditContext(string? Owner, long? RowId = null, string? LicenseKey = null);
