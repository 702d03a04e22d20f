using System.Globalization;
using System.Text;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Drift;

namespace JetpackWhmcs.Operator.Notices;

/// <summary>Words a finished (or failed) daily check as a notice naming the counts and the page to open.</summary>
public static class NoticeWriter
{
    /// <summary>Where the admins look: the Drift page of the Jetpack addon.</summary>
    public const string PageToOpen = "Addons > Jetpack > Drift (addonmodules.php?module=jetpack&page=drift)";

    /// <summary>The notice of <paramref name="check"/>.</summary>
    public static Notice For(CheckRecord check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var when = (check.FinishedAt ?? check.StartedAt).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (check.Status == CheckStatus.Failed)
        {
            return new Notice(
                $"Jetpack daily check failed: {check.Error} Open {PageToOpen}.",
                "Jetpack: the daily licence check failed",
                $"The Jetpack daily licence check of {when} failed.\n\n{check.Error}\n\nOpen {PageToOpen} to start it again.\n");
        }

        var counts = DriftJson.ReadCounts(check.CountsJson);
        var parts = counts.ByKind.Where(k => k.Value > 0).Select(k => $"{k.Value} {Describe(k.Key)}").ToList();
        var summary = parts.Count == 0 ? "no findings" : string.Join(", ", parts);
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"The Jetpack daily licence check of {when} found {counts.Total} finding(s) across {counts.TokensChecked} partner token(s):\n\n");
        foreach (var part in parts)
        {
            message.Append("- ").Append(part).Append('\n');
        }

        foreach (var problem in counts.Problems)
        {
            message.Append("- could not check: ").Append(problem).Append('\n');
        }

        message.Append(CultureInfo.InvariantCulture, $"\nOpen {PageToOpen} to see each finding and apply its fix.\n");
        return new Notice(
            $"Jetpack daily check: {counts.Total} finding(s) ({summary}){(counts.Problems.Count > 0 ? $", {counts.Problems.Count} problem(s)" : "")}. Open {PageToOpen}.",
            $"Jetpack: {counts.Total} licence finding(s) in the daily check",
            message.ToString());
    }

    /// <summary>How a kind is named in a count (plural wording after a number).</summary>
    public static string Describe(FindingKind kind) => kind switch
    {
        FindingKind.UnknownToWhmcs => "licence(s) unknown to WHMCS",
        FindingKind.RevokedOutsideWhmcs => "licence(s) revoked outside WHMCS",
        FindingKind.MissingOnApi => "licence(s) missing on Jetpack",
        FindingKind.PendingClaim => "pending claim(s)",
        FindingKind.EndedServiceWithLicense => "terminated or cancelled service(s) with a live licence",
        _ => "active service(s) without a licence",
    };
}
