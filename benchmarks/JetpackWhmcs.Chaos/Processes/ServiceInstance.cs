using System.Globalization;

namespace JetpackWhmcs.Chaos.Processes;

/// <summary>
/// One <c>jetpack-whmcs serve</c> process of the run: its own port and data directory, the shared
/// database, bridge secret and token. Killed with SIGKILL and started again, on the same port, as a
/// supervisor (systemd's Restart=always) would.
/// </summary>
internal sealed class ServiceInstance : IDisposable
{
    private readonly ChaosOptions options;
    private readonly IReadOnlyList<string> args;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly HttpClient probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private ChildProcess? process;
    private volatile bool up;

    public ServiceInstance(ChaosOptions options, int index, int port, string workDirectory, string database, Uri apiBase, string bridgeSecret, string token)
    {
        this.options = options;
        Index = index;
        Url = new Uri($"http://127.0.0.1:{port}/");
        DataDirectory = Path.Combine(workDirectory, $"instance-{index}");
        LogPath = Path.Combine(workDirectory, "logs", $"instance-{index}.log");
        args =
        [
            "serve", "--urls", Url.ToString().TrimEnd('/'), "--data-dir", DataDirectory, "--api-url", apiBase.ToString(),
            "--attempt-timeout", Seconds(options.AttemptTimeoutSeconds), "--overall-timeout", Seconds(options.OverallTimeoutSeconds),
        ];
        // Through the environment: the secret, the token and a database password never appear in a process list.
        environment = new Dictionary<string, string>
        {
            ["JETPACK_WHMCS_DATABASE"] = database,
            ["JETPACK_WHMCS_BRIDGESECRET"] = bridgeSecret,
            ["JETPACK_WHMCS_TOKENS__0"] = token,
            ["JETPACK_WHMCS_RECOVERYGRACE"] = TimeSpan.FromSeconds(options.RecoveryGraceSeconds).ToString("c", CultureInfo.InvariantCulture),
            ["JETPACK_WHMCS_RECOVERYINTERVAL"] = TimeSpan.FromSeconds(options.RecoveryIntervalSeconds).ToString("c", CultureInfo.InvariantCulture),
        };
    }

    public int Index { get; }

    public Uri Url { get; }

    public string DataDirectory { get; }

    public string LogPath { get; }

    /// <summary>True between a start that answered HTTP and the next kill.</summary>
    public bool IsUp => up;

    /// <summary>How many times this instance was killed.</summary>
    public int Kills { get; private set; }

    public async Task StartAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        if (process is { } killed)
        {
            // The port is free again only once the killed process is gone.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await killed.WaitForExitAsync(patience.Token);
            killed.Dispose();
        }

        process = ChildProcess.Start(options.Binary, args, environment, LogPath);
        await HttpWait.UntilAnswersAsync(probe, Url, process, LogPath, TimeSpan.FromSeconds(90));
        up = true;
    }

    /// <summary>SIGKILL, right now, whatever it is doing.</summary>
    public void Kill()
    {
        up = false;
        Kills++;
        process?.KillHard();
    }

    /// <summary>SIGTERM: lets calls in flight finish, as at the end of a maintenance window.</summary>
    public async Task StopAsync()
    {
        up = false;
        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(40));
        }
    }

    public void Dispose()
    {
        process?.Dispose();
        probe.Dispose();
    }

    private static string Seconds(double seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
