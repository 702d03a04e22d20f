using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Notices;

namespace JetpackWhmcs.Operator.Checks;

/// <summary>
/// WHMCS's <c>DailyCronJob</c>: starts the daily reconciliation in the background and returns at once
/// (long work would delay the rest of WHMCS's cron), with the notices of earlier checks not yet given.
/// </summary>
public sealed class DailyCheck(CheckRunner runner, NoticeService notices)
{
    /// <summary>The actor of the cron hooks.</summary>
    public const string CronActor = "cron";

    /// <summary>Starts the check (unless one runs) and takes the pending notices.</summary>
    public async Task<(CheckStart Start, IReadOnlyList<Notice> Notices)> StartAsync(CancellationToken cancellationToken = default)
    {
        var start = await runner.StartAsync(CheckKind.Daily, CronActor, cancellationToken);
        return (start, await notices.TakeAsync(cancellationToken));
    }
}
