using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Costs;
using JetpackWhmcs.Operator.Drift;
using JetpackWhmcs.Operator.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Operator.Checks;

/// <summary>
/// Runs drift checks in the background, one at a time across every service instance (the ledger's
/// unique running column decides), with progress and a heartbeat stored in the ledger so a page can be
/// left and opened again. Each check also stores the day's partner prices of every token. Stopping the
/// host cancels a running check, which is stored as failed.
/// </summary>
public sealed class CheckRunner(
    IOperatorStore store, DriftCheck drift, PartnerPriceRecorder prices, IPartnerTokens tokens, TimeProvider time, ILogger<CheckRunner> logger, CheckRunnerOptions? options = null)
    : IHostedService, IDisposable
{
    /// <summary>
    /// The most findings stored with one check: each is a few hundred bytes of JSON, and a partner whose
    /// whole catalogue drifted must not produce a row larger than the server accepts. The counts cover
    /// every finding; a fix and a new check work through the rest.
    /// </summary>
    public const int MaxStoredFindings = 5000;

    private readonly CheckRunnerOptions options = options ?? new CheckRunnerOptions();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;

    /// <summary>Starts a check unless one is running (here or in another instance); returns at once.</summary>
    public async Task<CheckStart> StartAsync(CheckKind kind, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var check = await store.TryStartCheckAsync(kind, actor, now, now - options.StaleAfter, cancellationToken);
        if (check is null)
        {
            var current = (await store.ListChecksAsync(5, cancellationToken)).FirstOrDefault(c => c.Status == CheckStatus.Running);
            return new CheckStart(false, current?.Id ?? 0);
        }

        lock (gate)
        {
            var previous = running;
            running = Task.WhenAll(previous, Task.Run(() => RunAsync(check, stopping.Token), CancellationToken.None));
        }

        return new CheckStart(true, check.Id);
    }

    /// <summary>Completes when no check started by this instance is running (tests, shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return running;
        }
    }

    /// <inheritdoc />
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(CheckRecord check, CancellationToken ct)
    {
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(check.Id, beat.Token);
        CheckOutcome outcome;
        try
        {
            var report = await drift.RunAsync(
                (done, total, c) => store.ReportProgressAsync(check.Id, done, total, time.GetUtcNow().UtcDateTime, c), ct);
            await RecordPricesAsync(ct);
            var stored = report.Findings.Take(MaxStoredFindings).ToList();
            var counts = new DriftCounts { ByKind = report.Counts, Problems = report.Problems, TokensChecked = report.TokensChecked, Stored = stored.Count };
            outcome = new CheckOutcome(CheckStatus.Finished, DriftJson.Counts(counts), DriftJson.Findings(stored), null,
                NeedsNotice: check.Kind == CheckKind.Daily && (counts.Total > 0 || counts.Problems.Count > 0));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = Failed("The jetpack-whmcs service stopped during this check; start a new one.", notify: false);
        }
        catch (Exception exception)
        {
            // The detail (which may name hosts or tables) goes to the log only.
            logger.LogError(exception, "Drift check {Id} failed.", check.Id);
            outcome = Failed($"The check stopped on an unexpected error ({exception.GetType().Name}); the service's log has the detail: fix what it says and start a new check.", notify: check.Kind == CheckKind.Daily);
        }
        finally
        {
            await beat.CancelAsync();
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await store.FinishCheckAsync(check.Id, outcome, time.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    private async Task RecordPricesAsync(CancellationToken ct)
    {
        foreach (var token in await tokens.GetAllAsync(ct))
        {
            try
            {
                await prices.RecordTodayAsync(token, ct);
            }
            catch (JetpackApiException exception)
            {
                // The drift report already says when a token is refused; prices are tried again tomorrow.
                logger.LogWarning("The partner prices could not be read (HTTP {Status}, request id {RequestId}).", (int?)exception.StatusCode, exception.RequestId);
            }
        }
    }

    private async Task HeartbeatAsync(long id, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(options.HeartbeatEvery, time, ct);
            var current = await store.GetCheckAsync(id, ct);
            if (current is { Status: CheckStatus.Running })
            {
                await store.ReportProgressAsync(id, current.ProgressDone, current.ProgressTotal, time.GetUtcNow().UtcDateTime, ct);
            }
        }
    }

    private static CheckOutcome Failed(string sentence, bool notify) => new(CheckStatus.Failed, DriftJson.Counts(new DriftCounts()), "[]", sentence, notify);
}
