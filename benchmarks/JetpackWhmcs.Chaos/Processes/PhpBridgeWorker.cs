using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JetpackWhmcs.Chaos.Processes;

/// <summary>
/// A php-cli process running Php/whmcs-worker.php against one WHMCS tree, whose installed bridge
/// points at one service instance: the real PHP module, curl and all. One call at a time, as one
/// WHMCS PHP request would make them; a crashed worker is started again.
/// </summary>
internal sealed class PhpBridgeWorker : IDisposable
{
    private readonly string whmcsRoot;
    private readonly string logPath;
    private readonly SemaphoreSlim turn = new(1, 1);
    private Process? process;

    public PhpBridgeWorker(string whmcsRoot, string logPath)
    {
        this.whmcsRoot = whmcsRoot;
        this.logPath = logPath;
    }

    /// <summary>What the module function returned (a string for core functions), or an exception's message as a failure.</summary>
    public async Task<(JsonNode? Result, string? Failure)> CallAsync(string function, JsonObject parameters, TimeSpan timeout)
    {
        await turn.WaitAsync();
        try
        {
            var php = process is { HasExited: false } running ? running : Start();
            var line = new JsonObject { ["function"] = function, ["params"] = parameters.DeepClone() }.ToJsonString();
            await php.StandardInput.WriteLineAsync(line);
            await php.StandardInput.FlushAsync();
            using var deadline = new CancellationTokenSource(timeout);
            string? answer;
            try
            {
                answer = await php.StandardOutput.ReadLineAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Restart();
                return (null, $"the PHP bridge did not return within {timeout.TotalSeconds} s");
            }

            if (answer is null)
            {
                Restart();
                return (null, "the PHP worker exited (see its log)");
            }

            var json = JsonNode.Parse(answer)?.AsObject();
            return json?["error"] is { } error ? (null, error.GetValue<string>()) : (json?["result"]?.DeepClone(), null);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            Restart();
            return (null, "the PHP worker failed: " + e.Message);
        }
        finally
        {
            turn.Release();
        }
    }

    public void Dispose()
    {
        Restart();
        turn.Dispose();
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("php")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Php", "whmcs-worker.php"));
        start.ArgumentList.Add(whmcsRoot);
        process = Process.Start(start) ?? throw new ChaosSetupException("php could not be started: install php-cli and php-curl.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                File.AppendAllText(logPath, e.Data + Environment.NewLine);
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    private void Restart()
    {
        if (process is { } old)
        {
            try
            {
                if (!old.HasExited)
                {
                    old.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            old.Dispose();
            process = null;
        }
    }
}
