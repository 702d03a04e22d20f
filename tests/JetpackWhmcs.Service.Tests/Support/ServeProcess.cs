using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JetpackWhmcs.Service.Bridge;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>
/// <c>jetpack-whmcs serve</c> as its own process on a free loopback port, as systemd would run it, with a
/// signing client for its module endpoint; stopped with SIGTERM like systemd stops it.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServeProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Signs with the secret the service generated in its data directory.</summary>
    public BridgeClient Whmcs { get; private set; } = null!;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts <c>serve --urls http://127.0.0.1:PORT --data-dir DIR</c> plus <paramref name="args"/> and waits until /healthz answers 200.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDir, params string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        foreach (var arg in (string[])[CliProcess.Executable, "serve", "--urls", address.ToString().TrimEnd('/'), "--data-dir", dataDir, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("JETPACK_WHMCS_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(name);
        }

        var serve = new ServeProcess(Process.Start(start)!, address);
        serve.process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        serve.process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        serve.process.BeginOutputReadLine();
        serve.process.BeginErrorReadLine();
        try
        {
            await serve.WaitUntilHealthyAsync();
            serve.Whmcs = new BridgeClient(serve.Http, BridgeSecret.TryRead(Path.Combine(dataDir, "bridge-secret"))!, TimeProvider.System);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>The resident set size (VmRSS) of the process, in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Sends SIGTERM and waits for the exit code (systemd's stop).</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"jetpack-whmcs serve exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before it was healthy:\n{Output}");
            }

            try
            {
                using var health = await Http.GetAsync("healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"jetpack-whmcs serve was not healthy within 60 s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }
}
