using System.Globalization;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Checks;
using JetpackWhmcs.Operator.Drift;
using JetpackWhmcs.Provisioning.Audit;

namespace JetpackWhmcs.Service.Admin.Pages.Drift;

/// <summary>
/// The Drift page's work: a posted form starts a check or fixes a finding (a fix asks for a
/// confirmation first, and only a posted confirmation applies it), then the page's data is read.
/// </summary>
public sealed class DriftPageLoader(IOperatorStore store, CheckRunner runner, DriftFixer fixer)
{
    private const int HistoryLength = 20;

    /// <summary>Acts on a posted form, then reads what the page shows.</summary>
    public async Task<DriftPageState> LoadAsync(AdminPageContext page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        string? done = null, problem = null;
        (DriftFinding, string)? toConfirm = null;
        var actor = AuditActor.Admin(page.Admin.Id, page.Admin.Username);
        switch (page.FormValue("do"))
        {
            case "start":
                var start = await runner.StartAsync(CheckKind.Manual, actor, cancellationToken);
                if (start.Started)
                {
                    done = $"Check {start.CheckId} started: you can leave this page, it keeps running and this page shows how far it got.";
                }
                else
                {
                    problem = "A check is already running: wait for it to finish (this page shows its progress), then start another.";
                }

                break;
            case "fix":
                (done, problem, toConfirm) = await FixAsync(page, actor, cancellationToken);
                break;
            case null:
                break;
            default:
                problem = "The form asked for something this page does not do: reload the page and try again; nothing was changed.";
                break;
        }

        var history = await store.ListChecksAsync(HistoryLength, cancellationToken);
        var running = history.FirstOrDefault(c => c.Status == CheckStatus.Running);
        var shownId = long.TryParse(page.FormValue("check") ?? page.QueryValue("check"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : history.FirstOrDefault(c => c.Status == CheckStatus.Finished)?.Id;
        var shown = shownId is { } s ? await store.GetCheckAsync(s, cancellationToken) : null;
        return new DriftPageState
        {
            Running = running,
            Shown = shown,
            Findings = DriftJson.ReadFindings(shown?.FindingsJson),
            Counts = DriftJson.ReadCounts(shown?.CountsJson),
            History = history,
            ToConfirm = toConfirm,
            Done = done,
            Problem = problem,
        };
    }

    private async Task<(string?, string?, (DriftFinding, string)?)> FixAsync(AdminPageContext page, string actor, CancellationToken ct)
    {
        if (!long.TryParse(page.FormValue("check"), NumberStyles.None, CultureInfo.InvariantCulture, out var checkId) || page.FormValue("finding") is not { } findingId)
        {
            return (null, "The fix form named no check or finding: reload the page and pick the finding again; nothing was changed.", null);
        }

        var outcome = await fixer.FixAsync(checkId, findingId, page.FormValue("confirm") == "yes", actor, ct);
        if (outcome.State == FixState.NeedsConfirmation)
        {
            var check = await store.GetCheckAsync(checkId, ct);
            var finding = DriftJson.ReadFindings(check?.FindingsJson).First(f => f.Id == findingId);
            return (null, null, (finding, outcome.Sentence));
        }

        return outcome.State == FixState.Applied ? (outcome.Sentence, null, null) : (null, outcome.Sentence, null);
    }
}
