namespace JetpackWhmcs.Benchmarks.Support;

/// <summary>The machine's load, printed beside figures taken on a machine other people share.</summary>
internal static class MachineLoad
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return $"load average {load} (1, 5, 15 min) on {Environment.ProcessorCount} cores";
    }
}
