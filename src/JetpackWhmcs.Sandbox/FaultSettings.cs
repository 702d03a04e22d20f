using JetpackWhmcs.Sandbox.Faults;
using JetpackWhmcs.Sandbox.Store;

namespace JetpackWhmcs.Sandbox;

/// <summary>
/// The sandbox's fault knobs; thread-safe and changeable while it runs. Per call they apply in a
/// fixed order: latency, rate limit, failure (5xx without doing the work), the endpoint itself, then
/// lost answer (the work is done, the answer lost). Random decisions derive from the seed, the
/// endpoint and the endpoint's call number only, so a sequential run replays exactly.
/// </summary>
public sealed class FaultSettings
{
    private static readonly int EndpointCount = Enum.GetValues<SandboxEndpoint>().Length;

    private readonly Lock gate = new();
    private readonly Dictionary<SandboxEndpoint, double> failureRates = [];
    private readonly Dictionary<SandboxEndpoint, double> lostAnswerRates = [];
    private readonly Dictionary<SandboxEndpoint, Queue<FaultKind>> forced = [];
    private readonly long[] callCounts = new long[EndpointCount];
    private TimeSpan latency;
    private TimeSpan latencyJitter;
    private double failureRate;
    private int failureStatusCode = 503;
    private int rateLimitPerSecond;
    private double lostAnswerRate;
    private LostAnswerMode lostAnswerMode;
    private long rateWindow = long.MinValue;
    private int rateWindowCount;

    /// <summary>Fixed delay before every call. Default zero. Real (wall-clock) time, not the options' clock.</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (gate) { latency = value; } }
    }

    /// <summary>Extra delay, uniform in [0, jitter), added to <see cref="Latency"/>. Default zero.</summary>
    public TimeSpan LatencyJitter
    {
        get { lock (gate) { return latencyJitter; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (gate) { latencyJitter = value; } }
    }

    /// <summary>Share of calls (0 to 1) answered 5xx before doing the work, unless overridden per endpoint. Default 0.</summary>
    public double FailureRate
    {
        get { lock (gate) { return failureRate; } }
        set { CheckRate(value); lock (gate) { failureRate = value; } }
    }

    /// <summary>Status of an injected failure (500 to 599). Default 503.</summary>
    public int FailureStatusCode
    {
        get { lock (gate) { return failureStatusCode; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 500);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 599);
            lock (gate) { failureStatusCode = value; }
        }
    }

    /// <summary>Calls allowed per second, all endpoints together; beyond it, 429 with <c>Retry-After</c>. 0 = off (default).</summary>
    public int RateLimitPerSecond
    {
        get { lock (gate) { return rateLimitPerSecond; } }
        set { ArgumentOutOfRangeException.ThrowIfNegative(value); lock (gate) { rateLimitPerSecond = value; } }
    }

    /// <summary>Share of calls (0 to 1) whose work is done and whose answer is then lost, unless overridden per endpoint. Default 0.</summary>
    public double LostAnswerRate
    {
        get { lock (gate) { return lostAnswerRate; } }
        set { CheckRate(value); lock (gate) { lostAnswerRate = value; } }
    }

    /// <summary>How a lost answer reaches the client. Default <see cref="LostAnswerMode.Http500"/>.</summary>
    public LostAnswerMode LostAnswerMode
    {
        get { lock (gate) { return lostAnswerMode; } }
        set { lock (gate) { lostAnswerMode = value; } }
    }

    /// <summary>Sets the failure rate of one endpoint, overriding <see cref="FailureRate"/> for it.</summary>
    public void SetFailureRate(SandboxEndpoint endpoint, double rate)
    {
        CheckRate(rate);
        lock (gate) { failureRates[endpoint] = rate; }
    }

    /// <summary>Sets the lost-answer rate of one endpoint, overriding <see cref="LostAnswerRate"/> for it.</summary>
    public void SetLostAnswerRate(SandboxEndpoint endpoint, double rate)
    {
        CheckRate(rate);
        lock (gate) { lostAnswerRates[endpoint] = rate; }
    }

    /// <summary>
    /// Forces the next <paramref name="count"/> calls of an endpoint to suffer <paramref name="kind"/>,
    /// whatever the rates say (latency still applies). Calls queue up after earlier forced faults.
    /// </summary>
    public void FailNext(SandboxEndpoint endpoint, int count, FaultKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            if (!forced.TryGetValue(endpoint, out var queue))
            {
                forced[endpoint] = queue = new Queue<FaultKind>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(kind);
            }
        }
    }

    /// <summary>Number of forced faults still waiting for an endpoint.</summary>
    public int PendingForcedFaults(SandboxEndpoint endpoint)
    {
        lock (gate) { return forced.TryGetValue(endpoint, out var queue) ? queue.Count : 0; }
    }

    /// <summary>Back to no faults at all; call numbering restarts, so decisions replay from the start.</summary>
    public void Reset()
    {
        lock (gate)
        {
            latency = TimeSpan.Zero;
            latencyJitter = TimeSpan.Zero;
            failureRate = 0;
            failureStatusCode = 503;
            rateLimitPerSecond = 0;
            lostAnswerRate = 0;
            lostAnswerMode = LostAnswerMode.Http500;
            failureRates.Clear();
            lostAnswerRates.Clear();
            forced.Clear();
            Array.Clear(callCounts);
            rateWindow = long.MinValue;
            rateWindowCount = 0;
        }
    }

    internal FaultPlan Plan(SandboxEndpoint endpoint, int seed)
    {
        lock (gate)
        {
            var call = callCounts[(int)endpoint]++;
            FaultKind? forcedKind = forced.TryGetValue(endpoint, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
            var jitter = latencyJitter * StableHash.Unit(seed, (int)endpoint, call, salt: 1);
            var fail = StableHash.Unit(seed, (int)endpoint, call, salt: 2) < failureRates.GetValueOrDefault(endpoint, failureRate);
            var lose = StableHash.Unit(seed, (int)endpoint, call, salt: 3) < lostAnswerRates.GetValueOrDefault(endpoint, lostAnswerRate);
            return new FaultPlan(latency + jitter, forcedKind, fail, failureStatusCode, lose, lostAnswerMode);
        }
    }

    /// <summary>Counts a call in the current one-second window; false (with the wait) when the limit is reached.</summary>
    internal bool TryTakeRateSlot(DateTimeOffset now, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        lock (gate)
        {
            if (rateLimitPerSecond == 0)
            {
                return true;
            }

            var window = now.ToUnixTimeSeconds();
            if (window != rateWindow)
            {
                rateWindow = window;
                rateWindowCount = 0;
            }

            if (rateWindowCount >= rateLimitPerSecond)
            {
                retryAfterSeconds = 1; // the window ends within the next second
                return false;
            }

            rateWindowCount++;
            return true;
        }
    }

    private static void CheckRate(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate is a share of calls, from 0 to 1.");
        }
    }
}
