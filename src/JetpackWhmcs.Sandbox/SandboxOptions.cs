namespace JetpackWhmcs.Sandbox;

/// <summary>How a sandbox instance behaves: accepted tokens, seed, clock, faults.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// The partner tokens accepted (<c>Authorization: Bearer &lt;token&gt;</c>); any other gets 403. Read once, when
    /// the sandbox starts.
    /// </summary>
    public List<string> Tokens { get; init; } = [];

    /// <summary>
    /// Seed of every random choice (licence keys, fault decisions, latency jitter), so that a failing
    /// test replays. Default 1.
    /// </summary>
    public int Seed { get; set; } = 1;

    /// <summary>The fault knobs; changeable while the sandbox runs.</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>The clock for timestamps and rate-limit windows. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Largest <c>per_page</c> the list endpoint accepts (larger is a 400). Default 100.</summary>
    public int MaxPerPage { get; set; } = 100;

    /// <summary>Whether requests are recorded in <see cref="SandboxRequestLog"/>. Default true.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>
    /// Whether the control API under <c>/_sandbox/</c> (counters, fault knobs, every licence of a token)
    /// answers. Default false: it changes how the API behaves and lists licences, so a sandbox serves it
    /// only when asked (the <c>--control</c> flag); otherwise its routes answer 404 with a sentence.
    /// </summary>
    public bool ControlEnabled { get; set; }
}
