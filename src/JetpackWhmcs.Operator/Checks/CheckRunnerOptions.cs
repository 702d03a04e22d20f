namespace JetpackWhmcs.Operator.Checks;

/// <summary>How the background check shows it is alive.</summary>
public sealed record CheckRunnerOptions
{
    /// <summary>How often a running check touches its row even without progress (default 30 s): a long token keeps it alive.</summary>
    public TimeSpan HeartbeatEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A running check whose row has not been touched for this long (default 5 minutes, ten heartbeats)
    /// belongs to a process that died; the next start marks it abandoned and runs.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(5);
}
