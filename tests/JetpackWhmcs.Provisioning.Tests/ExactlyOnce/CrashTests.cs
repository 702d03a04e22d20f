using System.Diagnostics;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Provisioning.Tests.Harness;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace JetpackWhmcs.Provisioning.Tests.ExactlyOnce;

/// <summary>
/// A real child process runs CreateAccount, the API issues the licence, and the process is killed with
/// kill -9 before the ledger write. A fresh engine (or the recovery service) must end with exactly one
/// licence on the sandbox, recorded in the ledger. SQLite and MariaDB.
/// </summary>
public abstract class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EngineHarness? harness;

    protected abstract LedgerProvider Provider { get; }

    private EngineHarness H => harness!;

    public async Task InitializeAsync() => harness = await EngineHarness.StartAsync(Provider);

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task Killed_after_the_api_answered_then_a_later_create_adopts_the_licence_without_a_second()
    {
        var issuedKey = await RunProbeAndKillAsync(serviceId: 400);
        var pending = (await H.Ledger.FindBySlotAsync("service:400"))!;
        Assert.Equal(LicenseState.Pending, pending.State);

        await H.BackdateClaimsAsync();
        var fresh = H.CreateSecondEngine();
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(400, orderId: 900), fresh));
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(400, orderId: 900), fresh));

        var licences = H.Sandbox.Store.LicensesOf(EngineHarness.Token);
        var rows = await H.Database.QueryRowsAsync("SELECT license_key, state FROM jetpack_product_licenses");
        output.WriteLine($"{Provider} crash + create: sandbox licences {licences.Count}, ledger rows {rows.Count} ({string.Join(", ", rows.Select(r => r["state"]))})");
        var licence = Assert.Single(licences);
        Assert.Equal(issuedKey, licence.LicenseKey);
        var row = Assert.Single(rows);
        Assert.Equal(issuedKey, row["license_key"]);
        Assert.Equal("active", row["state"]);
    }

    [Fact]
    public async Task Killed_after_the_api_answered_then_the_recovery_service_adopts_the_licence()
    {
        var issuedKey = await RunProbeAndKillAsync(serviceId: 401);
        await H.BackdateClaimsAsync();

        var recovery = new RecoveryService(H.CreateClientForTest(), H.Database.CreateLedger(), TimeProvider.System, NullLogger<RecoveryService>.Instance);
        var report = await recovery.RecoverPendingAsync(TokenResolvers.FromTokens([EngineHarness.Token]));

        var licences = H.Sandbox.Store.LicensesOf(EngineHarness.Token);
        var rows = await H.Database.QueryRowsAsync("SELECT license_key, state FROM jetpack_product_licenses");
        output.WriteLine($"{Provider} crash + recovery: sandbox licences {licences.Count}, ledger rows {rows.Count} ({string.Join(", ", rows.Select(r => r["state"]))})");
        Assert.Equal(issuedKey, Assert.Single(report.Adopted).LicenseKey);
        Assert.Empty(report.Extras);
        Assert.Equal(issuedKey, Assert.Single(licences).LicenseKey);
        var row = Assert.Single(rows);
        Assert.Equal(issuedKey, row["license_key"]);
        Assert.Equal("active", row["state"]);
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(401, orderId: 900)));
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
    }

    /// <summary>Starts the probe, waits until the API has issued (the marker appears), kills it with kill -9; returns the issued key.</summary>
    private async Task<string> RunProbeAndKillAsync(long serviceId)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "JetpackWhmcs.CrashProbe.dll");
        Assert.True(File.Exists(probe), $"The crash probe was not built next to the tests: {probe}");
        var marker = Path.Combine(Path.GetTempPath(), $"jetpack-whmcs-crash-{Guid.NewGuid():N}.marker");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", probe, H.Sandbox.BaseUrl.AbsoluteUri, H.Database.ConnectionString, marker, serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture), "jetpack-backup-daily" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JETPACK_WHMCS_PROBE_TOKEN"] = EngineHarness.Token;
        using var process = Process.Start(start)!;
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!File.Exists(marker))
            {
                if (process.HasExited)
                {
                    Assert.Fail($"The probe exited early ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}{await process.StandardOutput.ReadToEndAsync()}");
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "The probe did not reach the point between the API's answer and the ledger write within 60 s.");
                await Task.Delay(25);
            }

            using (var kill = Process.Start("kill", ["-9", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            await process.WaitForExitAsync();
            Assert.Equal(137, process.ExitCode); // 128 + SIGKILL
            return await File.ReadAllTextAsync(marker);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(marker);
        }
    }
}

public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests(output)
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}

public sealed class MariaDbCrashTests(ITestOutputHelper output) : CrashTests(output)
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
