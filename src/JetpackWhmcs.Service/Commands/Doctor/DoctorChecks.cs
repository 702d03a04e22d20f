using System.Diagnostics;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Commands.Support;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Health;

namespace JetpackWhmcs.Service.Commands.Doctor;

/// <summary>The checks of <c>doctor</c>, each saying what to fix when it fails.</summary>
public static class DoctorChecks
{
    /// <summary>The largest clock difference with the API that is fine (signatures allow 300 s; WHMCS and we share a clock source).</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(60);

    /// <summary>Runs every check.</summary>
    public static async Task<IReadOnlyList<HealthCheck>> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var options = scope.Options;
        var checks = new List<HealthCheck>
        {
            new("configuration", true, $"data dir {Path.GetFullPath(options.DataDir)}, ledger {LedgerConnectionString.Describe(options.ResolvedDatabase)}, API {options.ApiBaseUri}, {scope.Tokens.All.Count} token(s) known", 0),
        };
        var probe = scope.Services.GetRequiredService<HealthProbe>();
        var database = await probe.CheckDatabaseAsync(cancellationToken);
        checks.Add(database);
        if (database.Ok)
        {
            checks.Add(await TimedAsync("ledger tables", async () =>
            {
                var counts = await scope.Ledger.CountByStateAsync(cancellationToken);
                return (true, $"{counts.Values.Sum()} licence row(s): " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")));
            }, e => "the licence table cannot be read: run `jetpack-whmcs migrate`"));
        }

        checks.Add(await probe.CheckApiAsync(cancellationToken));
        if (scope.Tokens.All.Count == 0)
        {
            checks.Add(new HealthCheck("tokens", false, "no partner token is known: configure Tokens or pass --token (on WHMCS's MySQL they are read from the Jetpack products)", 0));
        }

        foreach (var token in scope.Tokens.All)
        {
            checks.Add(await TimedAsync($"token {TokenFingerprint.Of(token)}", async () =>
            {
                var families = await scope.Api.GetPartnerProductFamiliesAsync(token, cancellationToken);
                return (true, $"accepted by the API ({families.Sum(f => f.Products.Count)} priced products)");
            }, e => e is JetpackApiException { StatusCode: System.Net.HttpStatusCode.Forbidden } api
                ? $"refused by the API (403{(api.RequestId is null ? "" : ", request id " + api.RequestId)}): replace the API Token in the Jetpack product settings"
                : $"could not be checked ({Short(e)})"));
        }

        checks.Add(BridgeSecretCheck(options));
        checks.Add(await ClockSkewAsync(options, scope.Time, cancellationToken));
        return checks;
    }

    /// <summary>The secret exists, is well formed, and (for the file) is readable by its owner only.</summary>
    public static HealthCheck BridgeSecretCheck(JetpackWhmcsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.BridgeSecret))
        {
            return BridgeSecret.IsWellFormed(options.BridgeSecret.Trim())
                ? new HealthCheck("bridge secret", true, "configured (BridgeSecret)", 0)
                : new HealthCheck("bridge secret", false, "BridgeSecret is not 64 hex characters: fix it or remove it to use the generated file", 0);
        }

        var path = Path.GetFullPath(options.BridgeSecretPath);
        if (!File.Exists(path))
        {
            return new HealthCheck("bridge secret", false, $"{path} does not exist: start `jetpack-whmcs serve` once to generate it, then run `jetpack-whmcs whmcs install`", 0);
        }

        try
        {
            BridgeSecret.TryRead(path);
        }
        catch (Cli.CommandFailedException e)
        {
            return new HealthCheck("bridge secret", false, e.Message.TrimEnd('.'), 0);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) != 0)
            {
                return new HealthCheck("bridge secret", false, $"{path} is readable by others (mode {Convert.ToString((int)mode, 8)}): run chmod 600 {path}", 0);
            }
        }

        return new HealthCheck("bridge secret", true, $"{path}, mode 0600", 0);
    }

    private static async Task<HealthCheck> ClockSkewAsync(JetpackWhmcsOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        return await TimedAsync("clock", async () =>
        {
            using var http = JetpackLicensingClientFactory.CreateHttpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(HealthProbe.CheckTimeout);
            using var response = await http.GetAsync(new Uri(options.ApiBaseUri, "product-families"), timeout.Token);
            if (response.Headers.Date is not { } date)
            {
                return (false, "the API sent no Date header, so the clock could not be compared");
            }

            // The Date header has whole seconds: a skew under 2 s is noise.
            var skew = time.GetUtcNow() - date;
            var seconds = Math.Abs(skew.TotalSeconds);
            return seconds <= MaxSkew.TotalSeconds
                ? (true, $"{seconds:0} s from the API's clock")
                : (false, $"{seconds:0} s {(skew > TimeSpan.Zero ? "ahead of" : "behind")} the API's clock: enable NTP (e.g. systemd-timesyncd) on this machine");
        }, e => $"the API's clock could not be read ({Short(e)})");
    }

    private static async Task<HealthCheck> TimedAsync(string name, Func<Task<(bool Ok, string Detail)>> check, Func<Exception, string> failure)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (ok, detail) = await check();
            return new HealthCheck(name, ok, detail, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException || e is TaskCanceledException)
        {
            return new HealthCheck(name, false, failure(e), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string Short(Exception e)
    {
        var message = (e is JetpackApiException api ? api.Message : e.Message).Split('\n')[0].TrimEnd('.');
        return message.Length > 160 ? message[..160] + "..." : message;
    }
}
