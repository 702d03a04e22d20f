using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Tokens;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Operator.Drift;

/// <summary>
/// Finds the drift: the reconcile report of every known token (read only: nothing is repaired here),
/// then what only WHMCS's tables reveal. A token the API refuses is a problem sentence, not the end of
/// the check: the other tokens are still checked.
/// </summary>
public sealed class DriftCheck(ReconciliationService reconciliation, IWhmcsDatabase whmcs, IPartnerTokens tokens)
{
    /// <summary>Runs the check; <paramref name="progress"/> is told (done, total) after each step.</summary>
    public async Task<DriftReport> RunAsync(Func<int, int, CancellationToken, Task> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var all = await tokens.GetAllAsync(cancellationToken);
        var total = all.Count + 1;
        var findings = new List<DriftFinding>();
        var problems = new List<string>();
        var done = 0;
        await progress(done, total, cancellationToken);
        foreach (var token in all)
        {
            var fingerprint = TokenFingerprint.Of(token);
            try
            {
                var report = await reconciliation.ReconcileAsync(token, new ReconcileOptions(), cancellationToken);
                findings.AddRange(ReconcileFindings.From(report, fingerprint));
            }
            catch (JetpackApiException exception)
            {
                problems.Add($"Token {fingerprint}: " + Sentences.ApiFailure("list the licences of this token", exception));
            }

            await progress(++done, total, cancellationToken);
        }

        await AddWhmcsFindingsAsync(findings, problems, cancellationToken);
        await progress(++done, total, cancellationToken);
        return new DriftReport(findings, problems, all.Count);
    }

    private async Task AddWhmcsFindingsAsync(List<DriftFinding> findings, List<string> problems, CancellationToken ct)
    {
        var ended = await whmcs.FindEndedServicesWithLiveLicenseAsync(ct);
        if (!ended.IsAvailable)
        {
            problems.Add("Terminated services with a live licence and active services without one were not looked for: " + ended.Availability.Sentence);
            return;
        }

        findings.AddRange(ended.Value.Select(WhmcsFindings.Ended));
        findings.AddRange((await whmcs.FindActiveServicesWithoutLicenseAsync(ct)).Value.Select(WhmcsFindings.WithoutLicense));
    }
}
