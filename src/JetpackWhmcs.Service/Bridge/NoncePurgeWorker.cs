using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Service.Configuration;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// Forgets nonces whose timestamps would be refused anyway (older than twice the allowed age), so the
/// nonce table stays small. Several instances may purge at once: deleting is idempotent.
/// </summary>
public sealed class NoncePurgeWorker(INonceStore nonces, IOptions<JetpackWhmcsOptions> options, TimeProvider timeProvider, ILogger<NoncePurgeWorker> logger) : BackgroundService
{
    /// <summary>How often the table is purged.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await nonces.PurgeAsync(timeProvider.GetUtcNow() - (2 * options.Value.SignatureMaxAge), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Purging old bridge nonces failed and will be tried again: {Reason}", e.Message);
            }
        }
    }
}
