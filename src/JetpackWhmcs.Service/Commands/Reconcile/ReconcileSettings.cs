using System.ComponentModel;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Reconcile;

/// <summary>Options of <c>jetpack-whmcs reconcile</c>.</summary>
public sealed class ReconcileSettings : TokenSettings
{
    [CommandOption("--fix")]
    [Description("Apply the safe repairs (adopt into stale claims, mark revoked-outside rows revoked); asks before revoking anything")]
    public bool Fix { get; init; }

    [CommandOption("--yes")]
    [Description("With --fix: revoke the licences unknown to WHMCS without asking")]
    public bool Yes { get; init; }
}
