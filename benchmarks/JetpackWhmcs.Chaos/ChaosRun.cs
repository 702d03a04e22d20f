using System.Diagnostics;
using System.Security.Cryptography;
using JetpackWhmcs.Chaos.Checks;
using JetpackWhmcs.Chaos.Database;
using JetpackWhmcs.Chaos.Driving;
using JetpackWhmcs.Chaos.Processes;
using JetpackWhmcs.Chaos.Reporting;

namespace JetpackWhmcs.Chaos;

/// <summary>
/// The whole run: sandbox and database, instances (and PHP bridges), the drive with its kills, a
/// final recovery with the faults off, then the evidence, the checks and the report.
/// </summary>
internal sealed class ChaosRun(ChaosOptions options, TextWriter output)
{
    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"jetpack-chaos-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(work, "logs"));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = "chaos-token-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var ports = new FreePorts(options.BasePort);
        var instances = new List<ServiceInstance>();
        var php = new List<PhpBridgeWorker>();
        var passed = false;
        await using var database = await ChaosDatabase.CreateAsync(options, work);
        try
        {
            output.WriteLine($"Work directory {work}; {database.Description}.");
            using var sandbox = await SandboxProcess.StartAsync(options, token, ports.Take(), Path.Combine(work, "logs", "sandbox.log"));
            await OneShot.RunAsync(
                options.Binary,
                ["migrate", "--data-dir", Path.Combine(work, "migrate")],
                new Dictionary<string, string> { ["JETPACK_WHMCS_DATABASE"] = database.ForService },
                Path.Combine(work, "logs", "migrate.log"));
            for (var i = 0; i < options.Instances; i++)
            {
                instances.Add(new ServiceInstance(options, i, ports.Take(), work, database.ForService, sandbox.ApiBase, secret, token));
            }

            foreach (var instance in instances)
            {
                await instance.StartAsync();
                if (options.PhpShare > 0)
                {
                    php.Add(new PhpBridgeWorker(await WhmcsTrees.InstallAsync(options, work, instance, secret), Path.Combine(work, "logs", $"php-{instance.Index}.log")));
                }
            }

            output.WriteLine($"{instances.Count} instances up; driving {options.Operations} operations with {options.Kills} kills.");
            var scripts = ScriptWriter.Write(options.Seed, options.Operations);
            var inFlight = new InFlight();
            var stats = new CallStats();
            var killer = new Killer(options, instances, inFlight);
            using var signed = new SignedHttpCaller(secret);
            var driver = new Driver(options, instances, signed, php.Count > 0 ? php : null, token, inFlight, killer, stats);
            using var driveOver = new CancellationTokenSource();
            var kills = killer.RunAsync(() => driver.Completed, driveOver.Token);
            await driver.RunAsync(scripts, output);
            await driveOver.CancelAsync();
            await kills;
            await killer.RestartsAsync();

            output.WriteLine($"Drive done in {Percentiles.Seconds(clock.Elapsed)}; faults off, waiting for background recovery of pending claims.");
            await sandbox.TurnFaultsOffAsync();
            if (options.PlantOrphan)
            {
                await sandbox.IssueBehindWhmcsAsync(token, ScriptWriter.Products[0]);
            }

            var pending = await WaitForRecoveryAsync(database);
            foreach (var instance in instances)
            {
                await instance.StopAsync();
            }

            // Counted before the run's own listing below, which no audit row accounts for.
            var requests = await sandbox.ReceivedAsync();
            var faults = await sandbox.FaultedAsync();
            var evidence = new RunEvidence(
                scripts,
                driver.StepsDone,
                await sandbox.AllLicencesAsync(token),
                await sandbox.ActiveKeysViaApiAsync(token),
                requests,
                await database.LicenseRowsAsync(),
                await database.AuditCountsAsync(),
                pending,
                stats.Abandoned,
                options.Kills,
                killer.Records,
                killer.Failures);
            var checks = LedgerChecks.Run(evidence).Concat(AuditChecks.Run(evidence)).ToList();
            var report = ChaosReport.Render(options, database.Description.Split(' ')[0], checks, evidence, stats, faults, clock.Elapsed);
            await File.WriteAllTextAsync(Path.Combine(work, "report.md"), report);
            output.Write(report);
            passed = checks.All(c => c.Pass);
            await sandbox.StopAsync();
            return passed ? 0 : 1;
        }
        finally
        {
            foreach (var worker in php)
            {
                worker.Dispose();
            }

            foreach (var instance in instances)
            {
                instance.Dispose();
            }

            database.KeepAfterRun = !passed;
            if (passed && !options.Keep && options.WorkDirectory is null)
            {
                Directory.Delete(work, recursive: true);
            }
            else
            {
                output.WriteLine($"Kept for a look: {work} (logs/, report.md){(passed ? "" : $" and the {database.Description}")}.");
            }
        }
    }

    /// <summary>
    /// Waits until no claim is pending, or until recovery has had every chance: the grace (claims
    /// younger than it are left alone), a few rounds of the interval, and time for its API calls.
    /// </summary>
    private async Task<long> WaitForRecoveryAsync(ChaosDatabase database)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(options.RecoveryGraceSeconds + (4 * options.RecoveryIntervalSeconds) + (2 * options.OverallTimeoutSeconds) + 10);
        while (true)
        {
            var pending = await database.PendingClaimsAsync();
            if (pending == 0 || DateTime.UtcNow > deadline)
            {
                return pending;
            }

            await Task.Delay(500);
        }
    }
}
