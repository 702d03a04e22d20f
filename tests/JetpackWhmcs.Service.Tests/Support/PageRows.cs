using System.Globalization;
using System.Text.RegularExpressions;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>Reads a rendered licence list and seeds ledger rows for it.</summary>
public static partial class PageRows
{
    /// <summary>The ledger row ids the licence list links to, in page order.</summary>
    public static long[] Ids(string html) =>
        [.. RowLink().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    /// <summary>The cursor of the "Next page" link, or null when there is none.</summary>
    public static string? NextAfter(string html) => NextLink().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>An active licence recorded for <paramref name="owner"/> (as reconcile --fix records one).</summary>
    public static async Task<long> RecordAsync(ILicenseLedger ledger, LicenseOwner? owner, string key, string slug = "jetpack-backup-daily", string? site = null, string fingerprint = "fp-test")
    {
        var now = DateTime.UtcNow;
        Assert.True(await ledger.TryRecordExistingAsync(owner, 1, 4, new IssuedLicense(key, 7, now, slug, null, site, site is null ? null : now), fingerprint, now));
        return (await ledger.FindByKeyAsync(key))!.Id;
    }

    [GeneratedRegex("page=license&amp;id=(\\d+)\"")]
    private static partial Regex RowLink();

    [GeneratedRegex("<li class=\"next\"><a href=\"[^\"]*after=(\\d+)\"")]
    private static partial Regex NextLink();
}
