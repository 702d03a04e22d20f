using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Service.Configuration;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Recovery;

/// <summary>Recovers pending claims on a schedule (claims whose answer was lost, or whose caller crashed).</summary>
public sealed class RecoveryWorker(IServiceProvider services, IOptions<JetpackWhmcsOptions> options, ModuleEngineOptions engineOptions, TimeProvider timeProvider, ILogger<RecoveryWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RecoveryInterval;
        if (interval <= TimeSpan.Zero)
        {
            logger.LogInformation("Background recovery of pending claims is off (RecoveryInterval is zero).");
            return;
        }

        // A first round soon after start: a restart proves the earlier incarnation of this instance gone,
        // and its claims are recovered after the dead-holder drain instead of waiting for the grace.
        await Task.Delay(engineOptions.DeadHolderDrain + TimeSpan.FromSeconds(1), timeProvider, stoppingToken);
        using var timer = new PeriodicTimer(interval, timeProvider);
        do
        {
            try
            {
                var report = await PendingClaims.RecoverAsync(services, stoppingToken);
                if (report.Adopted.Count + report.Released.Count + report.Undecided.Count + report.NoToken.Count > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation(
                        "Recovery: {Adopted} claim(s) adopted their licence, {Released} released, {Undecided} undecided, {NoToken} without a known token",
                        report.Adopted.Count,
                        report.Released.Count,
                        report.Undecided.Count,
                        report.NoToken.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Background recovery failed this round and will run again in {Interval}: {Reason}", interval, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
