using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>A server the fixture starts (the service, PHP's built-in server): its output kept for failure messages, stopped with SIGTERM.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProcess(Process process, bool graceful)
    {
        this.process = process;
        this.graceful = graceful;
    }

    private readonly bool graceful;

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

    /// <summary>
    /// Starts <paramref name="file"/> with <paramref name="args"/>, without the developer's JETPACK_WHMCS_* settings;
    /// <paramref name="graceful"/> false stops it by killing its tree at once (a fixture with nothing to finish).
    /// </summary>
    public static ChildProcess Start(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, bool graceful = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("JETPACK_WHMCS_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}."), graceful);
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until <paramref name="url"/> answers any HTTP status; throws with the output when the process died or never answered.</summary>
    public async Task WaitForHttpAsync(Uri url, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before answering at {url}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{process.StartInfo.FileName} did not answer at {url} within {within.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s:\n{Output}");
    }

    /// <summary>Waits for a one-shot command to end; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} did not exit within {within.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s:\n{Output}");
        }

        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops the process: when graceful, SIGTERM and up to 10 s to finish (the service lets calls in
    /// flight end and releases its database); then its whole tree is killed (PHP's server workers).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (graceful && !process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            // Polled rather than WaitForExitAsync, which also waits for the output pipes that
            // children (PHP's workers) may still hold open.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
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
}
