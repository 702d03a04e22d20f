using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Attempts;

namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>Turns the attempts of one call into audit rows: one per attempt, the final failure's details on the last.</summary>
internal static class AuditRows
{
    public static IReadOnlyList<AuditEntry> From(
        AuditEntry template, IReadOnlyList<ApiAttempt> attempts, JetpackApiException? failure, bool changesState, string? fallbackMessage = null)
    {
        if (attempts.Count == 0)
        {
            // Nothing was attempted (arguments refused, cancelled before the first attempt).
            return [template with
            {
                Attempt = 1,
                Outcome = AuditOutcomes.NotSent,
                ErrorCode = failure?.ErrorCode,
                Message = Shorten(failure?.ApiMessage ?? failure?.Message ?? fallbackMessage),
            }];
        }

        var rows = new List<AuditEntry>(attempts.Count);
        for (var i = 0; i < attempts.Count; i++)
        {
            var attempt = attempts[i];
            var last = i == attempts.Count - 1;
            rows.Add(template with
            {
                Attempt = attempt.Number,
                Outcome = OutcomeOf(attempt, changesState),
                HttpStatus = attempt.StatusCode,
                RequestId = attempt.RequestId,
                ErrorCode = last ? failure?.ErrorCode : null,
                Message = attempt.Outcome == "ok" ? null : Shorten(last ? failure?.ApiMessage ?? failure?.Message ?? fallbackMessage ?? attempt.Outcome : attempt.Outcome),
                DurationMs = (int)Math.Min(int.MaxValue, attempt.Elapsed.TotalMilliseconds),
            });
        }

        return rows;
    }

    private static string OutcomeOf(ApiAttempt attempt, bool changesState) => attempt.Outcome switch
    {
        "ok" => AuditOutcomes.Ok,
        "not_sent" => AuditOutcomes.NotSent,
        "refused" or "rate_limited" => AuditOutcomes.Failed,
        _ => changesState ? AuditOutcomes.Unknown : AuditOutcomes.Failed,
    };

    private static string? Shorten(string? text) => text is null ? null : text.Length > 500 ? text[..500] : text;
}
