using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Sandbox;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>Paging over every page, and several partner tokens through one client.</summary>
public sealed class PagingAndTokenTests
{
    private static readonly string[] Slugs = ["jetpack-scan", "jetpack-backup-daily", "jetpack-complete", "jetpack-anti-spam"];

    [Fact]
    public async Task ListAllLicenses_returns_each_of_1050_licences_exactly_once()
    {
        await using var h = await StartAsync();
        for (var i = 0; i < 1050; i++)
        {
            h.Server.Store.IssueDirect(TokenA, Slugs[i % Slugs.Length]);
        }

        h.Server.Store.IssueDirect(TokenB, "jetpack-scan");
        var seen = new List<License>();
        await foreach (var license in h.Client.ListAllLicensesAsync(TokenA, new LicenseListQuery { PerPage = 100 }))
        {
            seen.Add(license);
        }

        var expected = h.Server.Store.LicensesOf(TokenA).Select(l => l.LicenseKey).Order().ToList();
        Assert.Equal(1050, seen.Count);
        Assert.Equal(expected, seen.Select(l => l.LicenseKey).Order().ToList());
        Assert.Equal(11, h.Server.Requests.Count);
        Assert.Equal(
            Enumerable.Range(1, 11).Select(p => $"?page={p}&per_page=100"),
            h.Server.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task ListAllLicenses_starts_at_the_query_page_keeps_the_filter_and_survives_a_failed_page()
    {
        await using var h = await StartAsync();
        for (var i = 0; i < 25; i++)
        {
            var license = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
            if (i % 5 == 0)
            {
                h.Server.Store.RevokeDirect(TokenA, license.LicenseKey);
            }
        }

        h.Server.Faults.FailNext(SandboxEndpoint.ListLicenses, 1, FaultKind.Failure);
        var query = new LicenseListQuery
        {
            Filter = LicenseFilter.NotRevoked,
            SortField = LicenseSortField.IssuedAt,
            SortDirection = SortDirection.Ascending,
            Page = 2,
            PerPage = 7,
        };

        var keys = new List<string>();
        await foreach (var license in h.Client.ListAllLicensesAsync(TokenA, query))
        {
            keys.Add(license.LicenseKey);
        }

        var notRevoked = h.Server.Store.LicensesOf(TokenA).Where(l => !l.IsRevoked).OrderBy(l => l.IssuedAt).ThenBy(l => l.LicenseId)
            .Select(l => l.LicenseKey).ToList();
        Assert.Equal(notRevoked.Skip(7), keys);
        Assert.All(h.Server.Requests, r => Assert.StartsWith("?filter=not_revoked&sort_field=issued_at&sort_direction=asc&page=", r.QueryString, StringComparison.Ordinal));
        Assert.Equal([503, 200, 200], h.Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ListAllLicenses_checks_its_arguments_at_the_call()
    {
        await using var h = await StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => h.Client.ListAllLicensesAsync(TokenA, new LicenseListQuery { Page = 0 }));
        Assert.Throws<ArgumentException>(() => h.Client.ListAllLicensesAsync(" ", new LicenseListQuery()));

        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Several_tokens_through_one_client_see_only_their_own_licences()
    {
        await using var h = await StartAsync();

        var issued = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            h.Client.IssueLicenseAsync(i % 2 == 0 ? TokenA : TokenB, Slugs[i % Slugs.Length])));

        var ofA = new List<string>();
        await foreach (var license in h.Client.ListAllLicensesAsync(TokenA, new LicenseListQuery()))
        {
            ofA.Add(license.LicenseKey);
        }

        var ofB = (await h.Client.ListLicensesAsync(TokenB, new LicenseListQuery())).Items.Select(l => l.LicenseKey).ToList();
        Assert.Equal(issued.Where((_, i) => i % 2 == 0).Select(l => l.LicenseKey).Order(), ofA.Order());
        Assert.Equal(issued.Where((_, i) => i % 2 == 1).Select(l => l.LicenseKey).Order(), ofB.Order());
        Assert.Equal(h.Server.Store.LicensesOf(TokenA).Select(l => l.LicenseKey).Order(), ofA.Order());
        // Each request carried the token it was made with, not the last one used.
        var issues = h.Server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(10, issues.Count(r => r.Authorization == $"Bearer {TokenA}"));
        Assert.Equal(10, issues.Count(r => r.Authorization == $"Bearer {TokenB}"));
        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.GetLicenseAsync(TokenB, ofA[0]));
        Assert.Equal("license_not_found", ex.ErrorCode);
    }
}
