using System.Diagnostics;
using System.Text.Json;
using JetpackWhmcs.Benchmarks.Reporting;

namespace JetpackWhmcs.Benchmarks.ClientArea;

/// <summary>Runs Php/clientarea-loop.php with php-cli and reads its per-call microseconds.</summary>
internal static class PhpLoop
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "Php", "clientarea-loop.php");

    /// <summary>Series name → timings (the script's JSON; every figure in microseconds).</summary>
    public static async Task<Dictionary<string, Timings>> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("php") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("php did not start: install php-cli.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"php clientarea-loop.php {args[0]} failed ({process.ExitCode}): {await errors}{await output}");
        }

        var series = JsonSerializer.Deserialize<Dictionary<string, double[]>>(await output)
            ?? throw new InvalidOperationException("clientarea-loop.php printed no figures.");
        return series.ToDictionary(s => s.Key, s =>
        {
            var timings = new Timings();
            foreach (var microseconds in s.Value)
            {
                timings.Add(TimeSpan.FromMicroseconds(microseconds));
            }

            return timings;
        });
    }
}
