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
        this.process = process;
        this.log = log;
        Url = url;
        DataDir = dataDir;
        LogFile = logFile;
    }

    public string Url { get; }

    public string DataDir { get; }

    public string LogFile { get; }

    /// <summary>The built service beside the benchmarks (the project references it).</summary>
    public static string Binary => Path.Combine(AppContext.BaseDirectory, "jetpack-whmcs.dll");

    public static async Task<ServiceProcess> StartAsync(string database, Uri apiUrl, string dataDir)
    {
        var url = Ports.FreeUrl();
        var logFile = Path.Combine(dataDir, "..", "service.log");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Binary, "serve", "--urls", url, "--api-url", apiUrl.ToString(), "--data-dir", dataDir })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JETPACK_WHMCS_DATABASE"] = database;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, log, url, dataDir, logFile);
        await service.WaitUntilHealthyAsync();
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
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
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"jetpack-whmcs serve did not become healthy; its log is {LogFile}.");
    }
}
