namespace JetpackWhmcs.Chaos.Driving;

/// <summary>
/// One SIGKILL: when, which instance, and the Creates it was answering. It is recovered when every
/// one of those services' retried Create has answered success; the time from the kill to then is
/// what WHMCS staff would wait.
/// </summary>
internal sealed class KillRecord(int number, int instance, DateTime at, IReadOnlySet<int> createsInFlight)
{
    private readonly Lock gate = new();
    private readonly HashSet<int> waiting = [.. createsInFlight];

    public int Number => number;

    public int Instance => instance;

    public DateTime At => at;

    public int CreatesInFlight => createsInFlight.Count;

    public DateTime? RecoveredAt { get; private set; }

    /// <summary>How long the kill was restarting for (process start to answering HTTP).</summary>
    public TimeSpan? Restart { get; set; }

    public void CreateSucceeded(int serviceId, DateTime when)
    {
        lock (gate)
        {
            if (waiting.Remove(serviceId) && waiting.Count == 0)
            {
                RecoveredAt = when;
            }
        }
    }

    /// <summary>Kill to recovery, when the kill interrupted a Create and it has recovered.</summary>
    public TimeSpan? TimeToRecover => RecoveredAt is { } done ? done - at : null;
}
