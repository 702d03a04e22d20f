using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using JetpackWhmcs.Service.Configuration;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>
/// Registers this process in the ledger's instance table under its slot's name, so that its claims
/// carry it and an earlier incarnation of the same slot (a process that died) is marked stopped; keeps
/// a heartbeat while it runs; and marks it stopped once every call has finished.
/// </summary>
public sealed partial class InstanceRegistration(
    ILicenseLedger ledger,
    ClaimHolder holder,
    IOptions<JetpackWhmcsOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<InstanceRegistration> logger) : BackgroundService
{
    /// <summary>How often the heartbeat is written.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    private InstanceSlot? slot;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        slot = InstanceSlot.Acquire(options.Value.DataDir);
        var id = Guid.NewGuid().ToString("N");
        try
        {
            await ledger.RegisterInstanceAsync(id, slot.Name, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
            holder.Id = id;
            LogRegistered(logger, slot.Name, id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A ledger that cannot be written still serves reads (health says why); claims made without
            // a registration simply wait for the grace if this process dies.
            LogRegisterFailed(logger, e.GetType().Name);
        }

        // After the web server has drained its calls (hosted services stop before it does).
        lifetime.ApplicationStopped.Register(MarkStopped);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (holder.Id is { } id)
                {
                    await ledger.HeartbeatInstanceAsync(id, timeProvider.GetUtcNow().UtcDateTime, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHeartbeatFailed(logger, e.GetType().Name);
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        slot?.Dispose();
        base.Dispose();
    }

    private void MarkStopped()
    {
        if (holder.Id is not { } id)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            ledger.MarkInstanceStoppedAsync(id, timeProvider.GetUtcNow().UtcDateTime, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The next start of this slot marks it stopped anyway; until then its claims wait for the grace.
            LogStopFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered as instance {Name} (incarnation {Id})")]
    private static partial void LogRegistered(ILogger logger, string name, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not register in the ledger ({Reason}); its claims will wait for the grace if it dies")]
    private static partial void LogRegisterFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The instance heartbeat could not be written ({Reason}); it is tried again")]
    private static partial void LogHeartbeatFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not be marked stopped ({Reason}); its next start will do it")]
    private static partial void LogStopFailed(ILogger logger, string reason);
}
