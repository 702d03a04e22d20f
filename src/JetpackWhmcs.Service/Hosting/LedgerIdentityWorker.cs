namespace JetpackWhmcs.Service.Hosting;

/// <summary>
/// Keeps the data directory's ledger marker close to the ledger (its highest licence row id) while the
/// service runs, so that a ledger truncated between two starts is recognised by the next one.
/// </summary>
public sealed class LedgerIdentityWorker(IServiceProvider services, TimeProvider timeProvider, ILogger<LedgerIdentityWorker> logger) : BackgroundService
{
    /// <summary>How often the marker is brought up to date.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LedgerPreparation.IdentityOf(services).RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The ledger marker could not be brought up to date, and will be next time: {Reason}", e.GetType().Name);
        }
    }
}
