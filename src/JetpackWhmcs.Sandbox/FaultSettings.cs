using JetpackWhmcs.Sandbox.Faults;
using JetpackWhmcs.Sandbox.Store;

namespace JetpackWhmcs.Sandbox;

/// <summary>
/// The sandbox's fault knobs; thread-safe and changeable while it runs. Per call they apply in a
/// fixed order: latency, rate limit, failure (5xx without doing the work), the endpoint itself, then
/// lost answer (the work is done, the answer lost). Which fault a call gets: a forced one
/// (<see cref="FailNext"/>) first, else one drawn from the fault rates (<see cref="SetFaultRate"/>,
/// <see cref="ReplaceFaultRates"/>), else the older independent knobs (<see cref="FailureRate"/>,
/// <see cref="LostAnswerRate"/>). Random decisions derive from the seed, the endpoint and the
/// endpoint's call number only, so a sequential run replays exactly.
/// </summary>
public sealed class FaultSettings
{
    private static readonly int EndpointCount = Enum.GetValues<SandboxEndpoint>().Length;

    private readonly Lock gate = new();
    private readonly Dictionary<SandboxEndpoint, double> failureRates = [];
    private readonly Dictionary<SandboxEndpoint, double> lostAnswerRates = [];
    private readonly Dictionary<SandboxEndpoint, Queue<FaultKind>> forced = [];
    private readonly Dictionary<SandboxEndpoint, SortedDictionary<FaultKind, double>> faultRates = [];
    private TimeSpan lateAnswerDelay = DefaultLateAnswerDelay;
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

    /// <summary>The default of <see cref="LateAnswerDelay"/>: 20 seconds.</summary>
    public static readonly TimeSpan DefaultLateAnswerDelay = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long after the work a <see cref="FaultKind.LateAnswer"/> answers; meant to exceed the client's
    /// attempt timeout. Default <see cref="DefaultLateAnswerDelay"/>; zero or more.
    /// </summary>
    public TimeSpan LateAnswerDelay
    {
        get { lock (gate) { return lateAnswerDelay; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (gate) { lateAnswerDelay = value; } }
    }

    /// <summary>The fault rates set, ordered by endpoint and kind (a snapshot).</summary>
    public IReadOnlyList<FaultRate> FaultRates
    {
        get
        {
            lock (gate)
            {
                return [.. faultRates.OrderBy(e => e.Key).SelectMany(e => e.Value.Select(k => new FaultRate(e.Key, k.Key, k.Value)))];
            }
        }
    }

    /// <summary>
    /// Sets the share of an endpoint's calls that suffer <paramref name="kind"/> (0 removes it). The
    /// rates of one endpoint are drawn from one number, so they exclude each other and must add up to
    /// at most 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 0 to 1.</exception>
    /// <exception cref="ArgumentException">The endpoint's rates would add up to more than 1.</exception>
    public void SetFaultRate(SandboxEndpoint endpoint, FaultKind kind, double rate)
    {
        CheckRate(rate);
        lock (gate)
        {
            var rates = new SortedDictionary<FaultKind, double>(faultRates.GetValueOrDefault(endpoint) ?? []) { [kind] = rate };
            CheckTotal(endpoint, rates);
            faultRates[endpoint] = rates;
        }
    }

    /// <summary>
    /// Replaces every fault rate with <paramref name="rates"/> (a later rate for the same endpoint and
    /// kind wins) and turns the older <see cref="FailureRate"/> and <see cref="LostAnswerRate"/> knobs
    /// off, globally and per endpoint, so the rates given are the only random faults. Forced faults
    /// (<see cref="FailNext"/>) still pending stay. An empty list turns random faults off.
    /// </summary>
    /// <exception cref="ArgumentException">A rate is outside 0 to 1, or one endpoint's rates add up to more than 1; nothing is changed.</exception>
    public void ReplaceFaultRates(IEnumerable<FaultRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var next = new Dictionary<SandboxEndpoint, SortedDictionary<FaultKind, double>>();
        foreach (var rate in rates)
        {
            CheckRate(rate.Rate);
            if (!next.TryGetValue(rate.Endpoint, out var kinds))
            {
                next[rate.Endpoint] = kinds = [];
            }

            kinds[rate.Kind] = rate.Rate;
        }

        foreach (var (endpoint, kinds) in next)
        {
            CheckTotal(endpoint, kinds);
        }

        lock (gate)
        {
            faultRates.Clear();
            foreach (var (endpoint, kinds) in next)
            {
                faultRates[endpoint] = kinds;
            }

            failureRate = 0;
            lostAnswerRate = 0;
            failureRates.Clear();
            lostAnswerRates.Clear();
        }
    }

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
            faultRates.Clear();
            lateAnswerDelay = DefaultLateAnswerDelay;
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
            return new FaultPlan(latency + jitter, forcedKind, Draw(endpoint, StableHash.Unit(seed, (int)endpoint, call, salt: 4)),
                fail, failureStatusCode, lose, lostAnswerMode, lateAnswerDelay);
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

    /// <summary>The kind whose slice of [0, 1) holds <paramref name="draw"/>, slices laid out in kind order.</summary>
    private FaultKind? Draw(SandboxEndpoint endpoint, double draw)
    {
        if (!faultRates.TryGetValue(endpoint, out var rates))
        {
            return null;
        }

        var upTo = 0.0;
        foreach (var (kind, rate) in rates)
        {
            upTo += rate;
            if (draw < upTo)
            {
                return kind;
            }
        }

        return null;
    }

    private static void CheckTotal(SandboxEndpoint endpoint, SortedDictionary<FaultKind, double> rates)
    {
        var total = rates.Values.Sum();
        if (total > 1 + 1e-9)
        {
            throw new ArgumentException(
                $"The fault rates of {FaultSpec.EndpointName(endpoint)} add up to {total.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}; the rates of one endpoint must add up to at most 1.",
                nameof(rates));
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
