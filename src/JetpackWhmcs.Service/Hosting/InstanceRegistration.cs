using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using JetpackWhmcs.Service.Configuration;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>
/// Registers this process in the ledger's instance table under its slot's name, so that its claims
/// carry it and an earlier incarnation of the same slot (a process that died) is marked stopped; and
/// marks it stopped once every call has finished.
/// </summary>
public sealed partial class InstanceRegistration(
    ILicenseLedger ledger,
    ClaimHolder holder,
    IOptions<JetpackWhmcsOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<InstanceRegistration> logger) : IHostedService, IDisposable
{
    private InstanceSlot? slot;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
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
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => slot?.Dispose();

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not be marked stopped ({Reason}); its next start will do it")]
    private static partial void LogStopFailed(ILogger logger, string reason);
}
