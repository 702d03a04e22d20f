using System.Diagnostics;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Health;

/// <summary>Checks that the database answers and can be written, and that the Jetpack Licensing API is reachable.</summary>
public sealed class HealthProbe(ILicenseLedger ledger, INonceStore nonces, IJetpackLicensingClient api, JetpackWhmcsOptions options)
{
    /// <summary>How long one check may take before it counts as failed.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs both checks concurrently.</summary>
    public async Task<IReadOnlyList<HealthCheck>> RunAsync(CancellationToken cancellationToken = default)
    {
        var database = CheckDatabaseAsync(cancellationToken);
        var apiCheck = CheckApiAsync(cancellationToken);
        return [await database, await apiCheck];
    }

    /// <summary>Pings the ledger's database, then proves it can be written (a write rolled back).</summary>
    public Task<HealthCheck> CheckDatabaseAsync(CancellationToken cancellationToken = default) =>
        TimedAsync("database", async ct =>
        {
            // The ping reads the licence table, so a dropped or unmigrated database fails here too.
            await ledger.PingAsync(ct);
            try
            {
                // Every changing call writes its nonce first: a ledger that reads but cannot be written
                // would answer every one of them with a failure, so it is not healthy.
                await nonces.ProveWritableAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new LedgerNotWritableException(e);
            }

            return $"{LedgerConnectionString.Describe(options.ResolvedDatabase)} answers and can be written";
        }, e => e is LedgerNotWritableException
            ? $"the licence ledger cannot be written ({LedgerConnectionString.Scrub(Short(e.InnerException!), options.ResolvedDatabase)}): check that the jetpack-whmcs service can write {LedgerConnectionString.Describe(options.ResolvedDatabase)} (file permissions, free disk space, the database user's rights)"
            : $"{LedgerConnectionString.Describe(options.ResolvedDatabase)} does not answer ({LedgerConnectionString.Scrub(Short(e), options.ResolvedDatabase)}): check that the database server runs, --database is right, and `jetpack-whmcs migrate` ran", cancellationToken);

    /// <summary>Reads the public product list (no token needed).</summary>
    public Task<HealthCheck> CheckApiAsync(CancellationToken cancellationToken = default) =>
        TimedAsync("api", async ct =>
        {
            var families = await api.GetProductFamiliesAsync(ct);
            return $"{options.ApiBaseUri} answers ({families.Sum(f => f.Products.Count)} products)";
        }, e => $"{options.ApiBaseUri} is not reachable ({Short(e)}): check --api-url and the network", cancellationToken);

    private static async Task<HealthCheck> TimedAsync(string name, Func<CancellationToken, Task<string>> check, Func<Exception, string> failure, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var detail = await check(timeout.Token);
            return new HealthCheck(name, true, detail, Elapsed(started));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheck(name, false, failure(e), Elapsed(started));
        }
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string Short(Exception e)
    {
        var message = e is OperationCanceledException ? $"no answer within {CheckTimeout.TotalSeconds} s" : e.Message;
        message = message.Split('\n')[0].TrimEnd('.');
        return message.Length > 160 ? message[..160] + "..." : message;
    }
}
