using System.Globalization;

namespace JetpackWhmcs.Chaos.Checks;

/// <summary>
/// The audit against the API's own count of the requests it received, per operation. For a write,
/// rows with an outcome are finished attempts, rows still <c>sent</c> are attempts whose end nobody
/// recorded (a kill), and <c>not_sent</c> rows never reached the API: the API must have received at
/// least every finished attempt and at most those plus the unfinished ones. For a read, every audited
/// call reached the API, and the API may have received more (reads nobody audits, such as the run's
/// own listing happens after the count is taken, so it is not among them).
/// </summary>
internal static class AuditChecks
{
    public static readonly string[] Writes = ["issue", "revoke", "attach", "detach"];
    public static readonly string[] Reads = ["get", "list"];

    public static IEnumerable<CheckRow> Run(RunEvidence e)
    {
        foreach (var operation in Writes)
        {
            var rows = e.Audit.Where(a => a.Operation == operation).ToList();
            var finished = rows.Where(a => a.Outcome is not ("sent" or "not_sent")).Sum(a => a.Rows);
            var unfinished = rows.Where(a => a.Outcome == "sent").Sum(a => a.Rows);
            var api = e.ApiRequests.GetValueOrDefault(operation);
            yield return new CheckRow(
                $"audit vs API requests: {operation}",
                $"audit finished {finished} <= API <= {finished + unfinished} (+{unfinished} sent)",
                $"API {api} ({Outcomes(rows)})",
                finished <= api && api <= finished + unfinished);
        }

        foreach (var operation in Reads)
        {
            var rows = e.Audit.Where(a => a.Operation == operation).ToList();
            var audited = rows.Sum(a => a.Rows);
            var api = e.ApiRequests.GetValueOrDefault(operation);
            yield return new CheckRow($"audit vs API requests: {operation}", $"API >= audit {audited}", $"API {api}", api >= audited);
        }
    }

    private static string Outcomes(IEnumerable<Database.AuditCount> rows)
    {
        var parts = rows.OrderBy(r => r.Outcome, StringComparer.Ordinal).Select(r => $"{r.Outcome} {r.Rows.ToString(CultureInfo.InvariantCulture)}").ToList();
        return parts.Count == 0 ? "no audit rows" : "audit " + string.Join(", ", parts);
    }
}
