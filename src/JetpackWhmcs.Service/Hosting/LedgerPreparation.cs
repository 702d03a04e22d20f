using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.Identity;
using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>
/// What <c>migrate</c> and <c>serve</c> do to a ledger before using it: refuse one that the data
/// directory shows was emptied or replaced, migrate it and the nonce table, then record its identity.
/// </summary>
public static class LedgerPreparation
{
    /// <summary>The identity guard of the ledger the options name.</summary>
    public static LedgerIdentity IdentityOf(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<JetpackWhmcsOptions>();
        return new LedgerIdentity(
            services.GetRequiredService<ILicenseLedger>(),
            options.DataDir,
            LedgerConnectionString.Describe(options.ResolvedDatabase),
            services.GetRequiredService<TimeProvider>());
    }

    /// <summary>Checks the identity, migrates, records the identity.</summary>
    /// <exception cref="CommandFailedException">The ledger was in use before and is not any more, or a migration failed.</exception>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<JetpackWhmcsOptions>();
        ServiceHost.EnsureDataDirectory(options);
        var identity = IdentityOf(services);
        try
        {
            await identity.CheckAsync(options.AcceptNewLedger, cancellationToken);
            await services.GetRequiredService<ILicenseLedger>().MigrateAsync(cancellationToken);
            await services.GetRequiredService<INonceStore>().MigrateAsync(cancellationToken);
            await identity.RecordAsync(cancellationToken);
        }
        catch (LedgerIdentityException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not CommandFailedException)
        {
            throw new CommandFailedException(
                $"Migrating {LedgerConnectionString.Describe(options.ResolvedDatabase)} failed: {LedgerConnectionString.Scrub(e.Message.Split('\n')[0].TrimEnd('.'), options.ResolvedDatabase)}.",
                e);
        }
    }
}
