using System.Collections.Concurrent;
using JetpackWhmcs.Chaos.Processes;

namespace JetpackWhmcs.Chaos.Driving;

/// <summary>
/// Plays WHMCS staff: several workers, each taking the next service and running its script call by
/// call, every call retried (on any instance that is up) until it answers success, pausing between
/// tries as a person would. A call still failing after the deadline is given up and fails the run.
/// </summary>
internal sealed class Driver(
    ChaosOptions options,
    IReadOnlyList<ServiceInstance> instances,
    SignedHttpCaller http,
    IReadOnlyList<PhpBridgeWorker>? php,
    string token,
    InFlight inFlight,
    Killer killer,
    CallStats stats)
{
    private readonly ConcurrentDictionary<int, int> stepsDone = new();
    private long completed;

    /// <summary>Operations finished (answered success, given up, or skipped after a give-up).</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>How many steps of each service's script answered success.</summary>
    public IReadOnlyDictionary<int, int> StepsDone => stepsDone;

    public async Task RunAsync(IReadOnlyList<ServiceScript> scripts, TextWriter progress)
    {
        var queue = new ConcurrentQueue<ServiceScript>(scripts);
        var workers = Task.WhenAll(Enumerable.Range(0, options.Concurrency)
            .Select(w => Task.Run(() => WorkAsync(queue, new Random(HashCode.Combine(options.Seed, w))))));
        // A line every half minute, so a long run shows it is moving (and where it stands if it is not).
        while (await Task.WhenAny(workers, Task.Delay(TimeSpan.FromSeconds(30))) != workers)
        {
            progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {Completed}/{options.Operations} operations, {stats.Attempts} attempts, {killer.Records.Count}/{options.Kills} kills, {instances.Count(i => i.IsUp)} instance(s) up");
        }

        await workers;
    }

    private async Task WorkAsync(ConcurrentQueue<ServiceScript> queue, Random random)
    {
        while (queue.TryDequeue(out var script))
        {
            var done = 0;
            foreach (var step in script.Steps)
            {
                await killer.WaitIfBehindAsync(() => Completed);
                if (!await CallUntilSuccessAsync(script, step, random))
                {
                    break;
                }

                done++;
                Interlocked.Increment(ref completed);
            }

            stepsDone[script.ServiceId] = done;
            // What a give-up left undone still counts as finished, so the kill points stay reachable.
            Interlocked.Add(ref completed, script.Steps.Count - done);
        }
    }

    private async Task<bool> CallUntilSuccessAsync(ServiceScript script, Step step, Random random)
    {
        var viaPhp = php is not null && random.NextDouble() < options.PhpShare;
        stats.CallStarted(viaPhp);
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var instance = await AnyUpInstanceAsync(random);
            var id = inFlight.Enter(instance.Index, step.Function, script.ServiceId);
            CallAnswer answer;
            try
            {
                answer = viaPhp ? await CallThroughPhpAsync(instance, script, step) : await http.CallAsync(instance.Url, step.Function, ModuleParameters.ForService(script, step, token));
            }
            finally
            {
                inFlight.Leave(id);
            }

            var pause = stats.Count(answer, attempt);
            if (answer.Succeeded)
            {
                if (step.Function == "CreateAccount")
                {
                    killer.CreateSucceeded(script.ServiceId, DateTime.UtcNow);
                }

                return true;
            }

            if (DateTime.UtcNow - started > TimeSpan.FromSeconds(options.CallDeadlineSeconds))
            {
                stats.GaveUp(script, step, answer);
                return false;
            }

            await Task.Delay(pause);
        }
    }

    private async Task<CallAnswer> CallThroughPhpAsync(ServiceInstance instance, ServiceScript script, Step step)
    {
        var (result, failure) = await php![instance.Index].CallAsync(step.Function, ModuleParameters.ForPhp(script, step, token), TimeSpan.FromSeconds(90));
        return failure is not null ? CallAnswer.NotReached(failure)
            : result is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? CallAnswer.Answered(text)
            : CallAnswer.Answered("(not a string) " + result?.ToJsonString());
    }

    private async Task<ServiceInstance> AnyUpInstanceAsync(Random random)
    {
        while (true)
        {
            var up = instances.Where(i => i.IsUp).ToList();
            if (up.Count > 0)
            {
                return up[random.Next(up.Count)];
            }

            await Task.Delay(50);
        }
    }
}
