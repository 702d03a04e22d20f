using JetpackWhmcs.Chaos.Processes;

namespace JetpackWhmcs.Chaos.Driving;

/// <summary>
/// Kills a random instance with SIGKILL at points spread over the run (drawn from the seed as
/// numbers of finished operations, plus a random fraction of a second), and starts it again in the
/// background, as a supervisor would. When some instance is answering a Create at that moment, the
/// victim is drawn among those, so that kills land where exactly-once is at stake. At least one
/// other instance stays up, so WHMCS's calls always have somewhere to go.
/// </summary>
internal sealed class Killer(ChaosOptions options, IReadOnlyList<ServiceInstance> instances, InFlight inFlight)
{
    private readonly Random random = new(unchecked(options.Seed * 31 + 7));
    private readonly List<KillRecord> records = [];
    private readonly List<Task> restarts = [];
    private readonly List<string> failures = [];
    private readonly Lock gate = new();
    private long[] points = [];
    private int next;

    /// <summary>The kills made so far.</summary>
    public IReadOnlyList<KillRecord> Records
    {
        get { lock (gate) { return [.. records]; } }
    }

    /// <summary>Instances that did not come back after a kill.</summary>
    public IReadOnlyList<string> Failures
    {
        get { lock (gate) { return [.. failures]; } }
    }

    /// <summary>Operations may run ahead of the next kill point by this much before the workers wait for the kill.</summary>
    private long Slack => options.Concurrency * 2;

    private long NextPoint => Volatile.Read(ref next) < points.Length ? points[Volatile.Read(ref next)] : long.MaxValue;

    /// <summary>Holds a worker back while the kills lag behind the operations, so every kill happens during the drive.</summary>
    public async Task WaitIfBehindAsync(Func<long> completed)
    {
        // Subtracted, not added: NextPoint is long.MaxValue once every kill is made.
        while (completed() - Slack >= NextPoint)
        {
            await Task.Delay(20);
        }
    }

    public void CreateSucceeded(int serviceId, DateTime at)
    {
        // Under the lock the kill is recorded with: a Create seen in flight there has not reported yet
        // (the driver leaves InFlight before it reports), so its report finds the record.
        lock (gate)
        {
            foreach (var record in records)
            {
                record.CreateSucceeded(serviceId, at);
            }
        }
    }

    /// <summary>Makes the kills until they are all made or the drive is over.</summary>
    public async Task RunAsync(Func<long> completed, CancellationToken driveOver)
    {
        var low = Math.Max(1, options.Operations / 20);
        var high = Math.Max(low + 1, options.Operations * 19 / 20);
        points = [.. Enumerable.Range(0, options.Kills).Select(_ => (long)random.Next(low, high)).Order()];
        for (var i = 0; i < points.Length; i++)
        {
            while (completed() < points[i])
            {
                if (driveOver.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(10, CancellationToken.None);
            }

            await Task.Delay(random.Next(0, 250), CancellationToken.None);
            var victim = await ChooseVictimAsync(driveOver);
            if (victim is null)
            {
                return;
            }

            KillRecord record;
            lock (gate)
            {
                record = new KillRecord(i + 1, victim.Index, DateTime.UtcNow, inFlight.CreatesOn(victim.Index));
                records.Add(record);
                victim.Kill();
            }

            lock (gate)
            {
                restarts.Add(RestartAsync(victim, record));
            }

            Interlocked.Increment(ref next);
        }
    }

    /// <summary>Waits for every restart to finish.</summary>
    public Task RestartsAsync()
    {
        lock (gate)
        {
            return Task.WhenAll(restarts);
        }
    }

    private async Task<ServiceInstance?> ChooseVictimAsync(CancellationToken driveOver)
    {
        var waitedForCreate = TimeSpan.Zero;
        while (!driveOver.IsCancellationRequested)
        {
            var up = instances.Where(i => i.IsUp).ToList();
            if (up.Count >= 2)
            {
                var creating = inFlight.InstancesAnsweringCreate();
                var atStake = up.Where(i => creating.Contains(i.Index)).ToList();
                if (atStake.Count > 0 || waitedForCreate >= TimeSpan.FromSeconds(1))
                {
                    var pool = atStake.Count > 0 ? atStake : up;
                    return pool[random.Next(pool.Count)];
                }
            }

            await Task.Delay(10, CancellationToken.None);
            waitedForCreate += TimeSpan.FromMilliseconds(10);
        }

        return null;
    }

    private async Task RestartAsync(ServiceInstance victim, KillRecord record)
    {
        var started = DateTime.UtcNow;
        try
        {
            await victim.StartAsync();
            record.Restart = DateTime.UtcNow - started;
        }
        catch (ChaosSetupException e)
        {
            lock (gate)
            {
                failures.Add($"instance {victim.Index} after kill {record.Number}: {e.Message}");
            }
        }
    }
}
