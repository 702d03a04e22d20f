using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.Clients;

namespace JetpackWhmcs.Service.Admin.Pages.Licenses;

/// <summary>One page of the licence list, ready to render.</summary>
/// <param name="Rows">The rows of this page.</param>
/// <param name="Owners">The WHMCS service and client of each row's service id, when WHMCS's tables are there.</param>
/// <param name="HasMore">True when a next page exists.</param>
/// <param name="Notices">Sentences to show above the table (a search that needs WHMCS's tables, a cut-off client search).</param>
public sealed record LicenseList(
    IReadOnlyList<LicenseRecord> Rows,
    IReadOnlyDictionary<long, ServiceOwner> Owners,
    bool HasMore,
    IReadOnlyList<string> Notices);
