using System.Diagnostics;

namespace JetpackWhmcs.Benchmarks.Support;

/// <summary>
/// <c>jetpack-whmcs serve</c> as its own process, as production runs it (its own runtime, production
/// logging to its stdout, background workers on their defaults); the output goes to a file. The
/// database travels in the environment, never on the command line.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceProcess(Process process, StreamWriter log, string url, string dataDir, string logFile)
    {
        UnixSocket = dataDir + ".sock";
        this.process = process;
        this.log = log;
        Url = url;
        DataDir = dataDir;
        LogFile = logFile;
    }

    public string Url { get; }

    /// <summary>A Unix socket the service also listens on (Kestrel's <c>http://unix:</c> URL), to compare with TCP.</summary>
    public string UnixSocket { get; }

    public string DataDir { get; }

    public string LogFile { get; }

    /// <summary>The built service beside the benchmarks (the project references it).</summary>
    public static string Binary => Path.Combine(AppContext.BaseDirectory, "jetpack-whmcs.dll");

    /// <summary>CPU time the service has used so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <param name="database">The ledger's connection string.</param>
    /// <param name="apiUrl">The Licensing API (the sandbox).</param>
    /// <param name="dataDir">Where the bridge secret goes; its log goes beside it.</param>
    /// <param name="binary">Another build's jetpack-whmcs.dll to compare with; null for this one.</param>
    /// <param name="environment">Extra settings (e.g. <c>JETPACK_WHMCS_Logging__LogLevel__Default</c>).</param>
    public static async Task<ServiceProcess> StartAsync(string database, Uri apiUrl, string dataDir, string? binary = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var url = Ports.FreeUrl();
        var logFile = dataDir + ".log";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { binary ?? Binary, "serve", "--urls", $"{url};http://unix:{dataDir}.sock", "--api-url", apiUrl.ToString(), "--data-dir", dataDir })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        start.Environment["JETPACK_WHMCS_DATABASE"] = database;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, log, url, dataDir, logFile);
        try
        {
            await service.WaitUntilHealthyAsync();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    /// <summary>Runs a one-shot command of the same binary (e.g. <c>whmcs install</c>); throws with its output when it fails.</summary>
    public static async Task RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"jetpack-whmcs {args[0]} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(Url + "/healthz"));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer on a busy machine: ask again.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"jetpack-whmcs serve did not become healthy; its log is {LogFile}.");
    }
}
