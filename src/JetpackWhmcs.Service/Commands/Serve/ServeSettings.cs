using System.ComponentModel;
using JetpackWhmcs.Ledger.Identity;
using JetpackWhmcs.Service.Commands.Sandbox;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Serve;

/// <summary>Options of <c>jetpack-whmcs serve</c>.</summary>
public sealed class ServeSettings : TokenSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen (semicolon-separated). Default http://127.0.0.1:8787 (loopback only)")]
    public string? Urls { get; init; }

    [CommandOption("--sandbox")]
    [Description("Use an in-process Jetpack Licensing API sandbox instead of the real API")]
    public bool Sandbox { get; init; }

    [CommandOption("--sandbox-token <TOKEN>")]
    [Description("The partner token the in-process sandbox accepts. Default sandbox-token")]
    public string SandboxToken { get; init; } = "sandbox-token";

    [CommandOption("--sandbox-seed <N>")]
    [Description("Seed of the in-process sandbox's licence keys, to replay a run. Default: a new seed each run, so a restart on the same data directory never hands out keys the ledger already holds")]
    public int? SandboxSeed { get; init; }

    [CommandOption("--fault <SPEC>")]
    [Description("With --sandbox: " + SandboxFaultFlags.FaultDescription)]
    public string[] Faults { get; init; } = [];

    [CommandOption("--late-answer-delay <MS>")]
    [Description("With --sandbox: " + SandboxFaultFlags.LateAnswerDelayDescription)]
    public int? LateAnswerDelay { get; init; }

    [CommandOption("--sandbox-control")]
    [Description("With --sandbox: serve the sandbox's control API under /_sandbox/ on the sandbox's own address")]
    public bool SandboxControl { get; init; }

    [CommandOption("--admin-link")]
    [Description("Print a one-time link (valid 30 minutes) that opens the admin pages served by the service itself under /ui/, for use without WHMCS")]
    public bool AdminLink { get; init; }

    [CommandOption(LedgerIdentity.AcceptNewLedgerFlag)]
    [Description("Accept a ledger that this data directory shows is not the one it used before (emptied, replaced): only when it is really meant to start over")]
    public bool AcceptNewLedger { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (!Sandbox && (Faults.Length > 0 || LateAnswerDelay is not null || SandboxControl))
        {
            return ValidationResult.Error("--fault, --late-answer-delay and --sandbox-control shape the in-process sandbox: add --sandbox, or drop them.");
        }

        return SandboxFaultFlags.Check(Faults, LateAnswerDelay) is { } problem ? ValidationResult.Error(problem) : base.Validate();
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
        AcceptNewLedger ? base.ToConfiguration().Append(new(nameof(JetpackWhmcsOptions.AcceptNewLedger), "true")) : base.ToConfiguration();
}
