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
}
