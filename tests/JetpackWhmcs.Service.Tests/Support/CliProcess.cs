using System.Diagnostics;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>Runs the built jetpack-whmcs executable as its own process, as an operator or a script would.</summary>
public static class CliProcess
{
    public sealed record Run(int Exit, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    /// <summary>The dll scripts/test built ($JETPACK_WHMCS_BIN), else the copy beside the tests.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("JETPACK_WHMCS_BIN") is { Length: > 0 } fromEnv ? fromEnv : Path.Combine(AppContext.BaseDirectory, "jetpack-whmcs.dll");

    public static async Task<Run> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the developer's configuration leaks into the run.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("JETPACK_WHMCS_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"jetpack-whmcs {string.Join(' ', args)} did not exit within 60 s: {await stdout}{await stderr}");
        }

        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
