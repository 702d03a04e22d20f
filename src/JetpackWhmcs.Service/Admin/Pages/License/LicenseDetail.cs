using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.Clients;
using ApiLicense = JetpackWhmcs.Licensing.Models.License;

namespace JetpackWhmcs.Service.Admin.Pages.License;

/// <summary>Everything the licence detail page shows about one ledger row.</summary>
/// <param name="Row">The ledger row.</param>
/// <param name="Owner">The service or addon the row belongs to, or null (the original module's unadopted rows, unassigned licences).</param>
/// <param name="Service">The WHMCS service and client, when WHMCS's tables are there.</param>
/// <param name="Api">The licence as the Jetpack API reports it now, or null.</param>
/// <param name="ApiProblem">Why the API was not asked or did not answer (a sentence), or null.</param>
/// <param name="Audit">The audit trail of the owner (or the key), newest first.</param>
/// <param name="Current">The owner's current licence row when it is another row (after a reissue or an upgrade), or null.</param>
public sealed record LicenseDetail(
    LicenseRecord Row,
    LicenseOwner? Owner,
    ServiceOwner? Service,
    ApiLicense? Api,
    string? ApiProblem,
    IReadOnlyList<AuditEntry> Audit,
    LicenseRecord? Current)
{
    /// <summary>True when actions apply: the row is the active licence holding its owner's slot.</summary>
    public bool Actionable => Owner is not null && Row.State == LicenseState.Active && Row.ActiveOwner == Owner.SlotKey;
}
