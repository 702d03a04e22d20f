using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Whmcs.Services;

/// <summary>WHMCS's status of one licence owner.</summary>
/// <param name="Owner">The service or addon.</param>
/// <param name="Status">Its status in WHMCS (<c>Active</c>, <c>Terminated</c>, ...).</param>
public sealed record OwnerStatus(LicenseOwner Owner, string Status);
