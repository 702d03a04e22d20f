using System.ComponentModel;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Demo;

/// <summary>Options of <c>jetpack-whmcs demo</c>. The demo always uses its own SQLite file and sandbox.</summary>
public sealed class DemoSettings : ServiceSettings
{
    [CommandOption("--token <TOKEN>")]
    [Description("The partner token the demo's sandbox accepts. Default demo-partner-token")]
    public string Token { get; init; } = "demo-partner-token";

    [CommandOption("--serve")]
    [Description("After the summary, keep the service running and print a one-time link to its admin pages (what the ledger and the sandbox hold); Ctrl+C stops it")]
    public bool Serve { get; init; }
}
