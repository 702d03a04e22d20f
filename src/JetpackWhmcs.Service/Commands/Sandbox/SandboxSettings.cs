using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Sandbox;

/// <summary>Options of <c>jetpack-whmcs sandbox</c>.</summary>
public sealed class SandboxSettings : CommandSettings
{
    [CommandOption("--urls <URL>")]
    [Description("Where to listen. Default http://127.0.0.1:8788")]
    public string Urls { get; init; } = "http://127.0.0.1:8788";

    [CommandOption("--token <TOKEN>")]
    [Description("A partner token the sandbox accepts (repeatable; at least one)")]
    public string[] Tokens { get; init; } = [];

    [CommandOption("--seed <N>")]
    [Description("Seed of licence keys and fault decisions, so a run replays. Default 1")]
    public int Seed { get; init; } = 1;

    [CommandOption("--latency <MS>")]
    [Description("Fixed delay before every answer, in milliseconds. Default 0")]
    public int Latency { get; init; }

    [CommandOption("--jitter <MS>")]
    [Description("Extra random delay up to this many milliseconds. Default 0")]
    public int Jitter { get; init; }

    [CommandOption("--failure-rate <RATE>")]
    [Description("Share of calls (0 to 1) answered 503 without doing the work. Default 0")]
    public double FailureRate { get; init; }

    [CommandOption("--rate-limit <N>")]
    [Description("Calls allowed per second; beyond it 429 with Retry-After. Default 0 (off)")]
    public int RateLimit { get; init; }

    [CommandOption("--lost-answer-rate <RATE>")]
    [Description("Share of calls (0 to 1) whose work is done and whose answer is then lost (500). Default 0")]
    public double LostAnswerRate { get; init; }

    [CommandOption("--drop-connection")]
    [Description("Lose answers by dropping the connection instead of answering 500")]
    public bool DropConnection { get; init; }

    [CommandOption("--fault <SPEC>")]
    [Description(SandboxFaultFlags.FaultDescription)]
    public string[] Faults { get; init; } = [];

    [CommandOption("--late-answer-delay <MS>")]
    [Description(SandboxFaultFlags.LateAnswerDelayDescription)]
    public int? LateAnswerDelay { get; init; }

    [CommandOption("--control")]
    [Description("Serve the control API under /_sandbox/ (request counters, fault knobs at run time, every licence of a token): for tests and chaos runs")]
    public bool Control { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Tokens.Length == 0 || Tokens.Any(string.IsNullOrWhiteSpace))
        {
            return ValidationResult.Error("Give at least one partner token with --token (e.g. --token sandbox-token).");
        }

        if (!Uri.TryCreate(Urls, UriKind.Absolute, out _))
        {
            return ValidationResult.Error($"--urls '{Urls}' is not an absolute URL such as http://127.0.0.1:8788.");
        }

        if (Latency < 0 || Jitter < 0 || RateLimit < 0)
        {
            return ValidationResult.Error("--latency, --jitter and --rate-limit must not be negative.");
        }

        if (FailureRate is < 0 or > 1 || LostAnswerRate is < 0 or > 1)
        {
            return ValidationResult.Error("--failure-rate and --lost-answer-rate are shares of calls, from 0 to 1.");
        }

        return SandboxFaultFlags.Check(Faults, LateAnswerDelay) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }
}
