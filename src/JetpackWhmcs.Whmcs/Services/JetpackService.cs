using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Whmcs.Services;

/// <summary>A WHMCS service or service addon of a Jetpack product or addon: a licence owner, seen from WHMCS.</summary>
/// <param name="Owner">The owner as the ledger names it (service id or addon id).</param>
/// <param name="ServiceId">The service (for an addon: its parent service, <c>tblhostingaddons.hostingid</c>).</param>
/// <param name="OrderId">The WHMCS order.</param>
/// <param name="ProductId">The product of the service (for an addon: of its parent service), as module calls send <c>pid</c>.</param>
/// <param name="CatalogId">The Jetpack product or addon it is of (<c>tblproducts.id</c> or <c>tbladdons.id</c>).</param>
/// <param name="ClientId">The client (<c>tblclients.id</c>).</param>
/// <param name="Status">WHMCS's status: Pending, Active, Suspended, Terminated, Cancelled, Fraud, Completed.</param>
/// <param name="Domain">The service's domain (the parent's for an addon).</param>
public sealed record JetpackService(LicenseOwner Owner, long ServiceId, long OrderId, long ProductId, long CatalogId, long ClientId, string Status, string Domain);
