using System.Globalization;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Clients;

namespace JetpackWhmcs.Service.Admin.Pages.Licenses;

/// <summary>
/// Reads one page of the licence list: the client search in WHMCS's tables first (it turns a name into
/// service ids), then one keyset page of the ledger, then the WHMCS client of each row shown.
/// </summary>
public sealed class LicenseListLoader(ILicenseLedger ledger, IWhmcsDatabase whmcs)
{
    /// <summary>The most services a client search hands to the ledger query.</summary>
    public const int MaxClientServices = 1000;

    /// <summary>Loads the page <paramref name="request"/> asks for.</summary>
    public async Task<LicenseList> LoadAsync(LicenseListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notices = new List<string>();
        IReadOnlyList<long>? clientServices = null;
        if (request.By == LicenseSearchField.Client && request.Search is { } text)
        {
            var found = await whmcs.FindClientServiceIdsAsync(text, MaxClientServices, cancellationToken);
            if (!found.IsAvailable)
            {
                notices.Add("Searching by client needs WHMCS's tables. " + found.Availability.Sentence);
            }
            else if (found.Value.Count >= MaxClientServices)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"The clients matching '{text}' have more than {MaxClientServices:N0} services: only the licences of the first {MaxClientServices:N0} are listed, so type more of the name or e-mail address."));
            }

            clientServices = found.Value;
        }

        var rows = await ledger.ListPageAsync(request.ToLedgerQuery(clientServices), cancellationToken);
        var hasMore = rows.Count > LicenseListRequest.PageSize;
        var shown = hasMore ? rows.Take(LicenseListRequest.PageSize).ToList() : rows;
        var serviceIds = shown.Select(r => r.ServiceId).OfType<long>().Distinct().ToList();
        var owners = serviceIds.Count == 0
            ? new Dictionary<long, ServiceOwner>()
            : (await whmcs.ReadServiceOwnersAsync(serviceIds, cancellationToken)).Value;
        return new LicenseList(shown, owners, hasMore, notices);
    }
}
