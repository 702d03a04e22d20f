namespace JetpackWhmcs.Chaos.Processes;

/// <summary>Runs a jetpack-whmcs command to completion (migrate, whmcs install); a failure stops the run.</summary>
internal static class OneShot
{
    public static async Task RunAsync(string binary, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        using var process = ChildProcess.Start(binary, args, environment, logPath);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(patience.Token);
        if (process.ExitCode != 0)
        {
            throw new ChaosSetupException($"jetpack-whmcs {string.Join(' ', args.Take(2))} exited with code {process.ExitCode}; see {logPath}.");
        }
    }
}
